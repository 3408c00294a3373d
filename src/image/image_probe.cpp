#include "image/image_probe.h"

#include "source/input_file.h"

#include "image/jpeg_probe.h"
#include "image/png_probe.h"

namespace image {
namespace {

bool is_jpeg(std::string_view b) { return b.size() >= 3 && b.substr(0, 3) == std::string_view("\xFF\xD8\xFF", 3); }
bool is_png(std::string_view b) { return b.size() >= 8 && b.substr(0, 8) == std::string_view("\x89PNG\r\n\x1A\n", 8); }

}  // namespace

std::optional<ImageInfo> probe_image(std::string_view bytes, Check check, std::string& why) {
  std::optional<ImageInfo> info;
  if (is_jpeg(bytes)) {
    info = probe_jpeg(bytes, check, why);
  } else if (is_png(bytes)) {
    info = probe_png(bytes, check, why);
  } else {
    why = "is neither a JPEG nor a PNG file";
    return std::nullopt;
  }
  if (!info) return std::nullopt;
  if (info->width <= 0 || info->height <= 0) {
    why = "has no pixels";
    return std::nullopt;
  }
  return info;
}

std::optional<std::string> read_image_file(const std::string& path, std::string& why) {
  auto bytes = source::read_input_file(path, kMaxImageBytes, why);
  if (!bytes) {
    why = why == "no such file"        ? std::string("not found")
          : why == "it is a directory" ? std::string("is a directory, not an image file")
                                       : "cannot be read: " + why;
  }
  return bytes;
}

std::optional<ImageInfo> probe_image_file(const std::string& path, Check check, std::string& why) {
  const auto bytes = read_image_file(path, why);
  if (!bytes) return std::nullopt;
  return probe_image(*bytes, check, why);
}

std::string pixel_limit_problem(std::uint64_t width, std::uint64_t height) {
  if (width * height <= kMaxPixels) return "";
  return "has " + std::to_string(width) + "x" + std::to_string(height) + " = " + std::to_string(width * height) +
         " pixels, more than the limit of " + std::to_string(kMaxPixels);
}

}  // namespace image
