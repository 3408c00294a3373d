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
