#pragma once
// Reading photos for the PDF, without libharu: what a JPEG's header says
// (size, components, whether Photoshop's Adobe marker says its CMYK is
// stored inverted) and a PNG decoded to 8-bit colour plus an optional alpha
// plane. JPEG data is never decoded: it goes into the PDF byte for byte.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace render::pdf {

// Throws std::runtime_error with the reason when the file cannot be read.
std::string read_file(const std::string& path);

enum class ImageKind { Jpeg, Png, Unknown };
ImageKind sniff_image(std::string_view bytes);

struct JpegInfo {
  int width = 0, height = 0;
  int components = 0;    // 1 grey, 3 YCbCr/RGB, 4 CMYK/YCCK
  int bits = 8;
  bool adobe = false;    // APP14 "Adobe" marker present
  bool progressive = false;
};

// Scans the markers up to the frame header. nullopt with `why` set when the
// data is not a JPEG a PDF can carry (not baseline/extended/progressive
// Huffman, not 8-bit, or truncated).
std::optional<JpegInfo> probe_jpeg(std::string_view bytes, std::string& why);

struct DecodedPng {
  int width = 0, height = 0;
  int channels = 0;   // 1 (grey) or 3 (RGB) in `color`
  std::string color;  // rows of 8-bit samples, no padding
  std::string alpha;  // width*height 8-bit alpha, empty when fully opaque
};

// Any PNG (palette, grey, 16-bit, interlaced, tRNS) to the above; throws
// std::runtime_error when libpng cannot read it.
DecodedPng decode_png(std::string_view bytes);

}  // namespace render::pdf
