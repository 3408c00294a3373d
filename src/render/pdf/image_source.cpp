#include "render/pdf/image_source.h"

#include <png.h>

#include "image/image_probe.h"
#include "source/input_file.h"

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace render::pdf {

std::string read_file(const std::string& path) {
  std::string why;
  auto bytes = source::read_input_file(path, image::kMaxImageBytes, why);
  if (!bytes) throw std::runtime_error(why);
  return std::move(*bytes);
}

ImageKind sniff_image(std::string_view b) {
  if (b.size() >= 3 && static_cast<unsigned char>(b[0]) == 0xFF && static_cast<unsigned char>(b[1]) == 0xD8 &&
      static_cast<unsigned char>(b[2]) == 0xFF) {
    return ImageKind::Jpeg;
  }
  if (b.size() >= 8 && b.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8)) return ImageKind::Png;
  return ImageKind::Unknown;
}

std::optional<JpegInfo> probe_jpeg(std::string_view b, std::string& why) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned>(static_cast<unsigned char>(b[i])); };
  JpegInfo info;
  bool have_frame = false;
  std::size_t pos = 2;  // after SOI
  while (true) {
    while (pos < b.size() && byte(pos) != 0xFF) ++pos;  // tolerate junk between segments
    while (pos < b.size() && byte(pos) == 0xFF) ++pos;  // fill bytes
    if (pos >= b.size()) break;
    const unsigned marker = byte(pos++);
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) continue;  // no length
    if (marker == 0xD9) break;
    if (pos + 2 > b.size()) break;
    const std::size_t len = (byte(pos) << 8) | byte(pos + 1);
    if (len < 2 || pos + len > b.size()) break;
    const std::string_view seg = b.substr(pos + 2, len - 2);
    if (marker == 0xDA) {  // start of scan: every header we need came before
      if (!have_frame) break;
      return info;
    }
    if (marker == 0xEE && seg.substr(0, 5) == "Adobe") info.adobe = true;
    const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (sof) {
      // DCTDecode carries Huffman-coded baseline, extended and progressive
      // 8-bit JPEG; lossless, hierarchical and arithmetic coding it does not.
      if (marker != 0xC0 && marker != 0xC1 && marker != 0xC2) {
        why = "uses a JPEG coding PDF cannot carry (SOF" + std::to_string(marker - 0xC0) + ")";
        return std::nullopt;
      }
      if (seg.size() < 6) break;
      info.bits = static_cast<int>(static_cast<unsigned char>(seg[0]));
      info.height = static_cast<int>((static_cast<unsigned char>(seg[1]) << 8) | static_cast<unsigned char>(seg[2]));
      info.width = static_cast<int>((static_cast<unsigned char>(seg[3]) << 8) | static_cast<unsigned char>(seg[4]));
      info.components = static_cast<int>(static_cast<unsigned char>(seg[5]));
      info.progressive = marker == 0xC2;
      if (info.bits != 8) {
        why = "is a " + std::to_string(info.bits) + "-bit JPEG; PDF carries 8-bit JPEG only";
        return std::nullopt;
      }
      if (info.components != 1 && info.components != 3 && info.components != 4) {
        why = "is a JPEG with " + std::to_string(info.components) + " colour components";
        return std::nullopt;
      }
      if (info.width == 0 || info.height == 0) {
        why = "is a JPEG without a fixed size";
        return std::nullopt;
      }
      have_frame = true;
    }
    pos += len;
  }
  why = "is a truncated or damaged JPEG";
  return std::nullopt;
}

DecodedPng decode_png(std::string_view bytes) {
  png_image img;
  std::memset(&img, 0, sizeof img);
  img.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&img, bytes.data(), bytes.size())) {
    throw std::runtime_error(std::string("not a readable PNG: ") + img.message);
  }
  if (static_cast<std::uint64_t>(img.width) * img.height > image::kMaxPixels) {
    png_image_free(&img);
    throw std::runtime_error("too many pixels");
  }
  const bool has_alpha = img.format & PNG_FORMAT_FLAG_ALPHA;  // includes tRNS
  const bool has_color = img.format & PNG_FORMAT_FLAG_COLOR;
  img.format = has_color ? (has_alpha ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB) : (has_alpha ? PNG_FORMAT_GA : PNG_FORMAT_GRAY);
  std::string pixels(PNG_IMAGE_SIZE(img), '\0');
  if (!png_image_finish_read(&img, nullptr, pixels.data(), 0, nullptr)) {
    const std::string msg = img.message;
    png_image_free(&img);
    throw std::runtime_error("damaged PNG: " + msg);
  }
  DecodedPng out;
  out.width = static_cast<int>(img.width);
  out.height = static_cast<int>(img.height);
  out.channels = has_color ? 3 : 1;
  if (!has_alpha) {
    out.color = std::move(pixels);
    return out;
  }
  const std::size_t n = static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height);
  const std::size_t step = static_cast<std::size_t>(out.channels) + 1;
  out.color.resize(n * static_cast<std::size_t>(out.channels));
  out.alpha.resize(n);
  bool opaque = true;
  for (std::size_t i = 0; i < n; ++i) {
    for (int c = 0; c < out.channels; ++c) out.color[i * out.channels + c] = pixels[i * step + c];
    out.alpha[i] = pixels[i * step + out.channels];
    opaque = opaque && static_cast<unsigned char>(out.alpha[i]) == 0xFF;
  }
  if (opaque) out.alpha.clear();
  return out;
}

}  // namespace render::pdf
