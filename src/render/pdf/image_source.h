#pragma once
// Reading photos for the PDF, without libharu: the file's bytes, and a PNG
// decoded to 8-bit colour plus an optional alpha plane. JPEG data is never
// decoded: it goes into the PDF byte for byte. What a file is (kind, size,
// components, orientation) comes from the loader's probe on frame::Image.
#include <cstdint>
#include <string>
#include <string_view>

namespace render::pdf {

// Throws std::runtime_error with the reason when the file cannot be read.
std::string read_file(const std::string& path);

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
