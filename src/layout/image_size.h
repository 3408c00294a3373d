#pragma once
// Pixel size of a JPEG or PNG from its header, as the photo is shown (EXIF
// orientation applied), so layout can keep its aspect ratio without decoding it.
#include <optional>
#include <string>

namespace layout {

struct PixelSize {
  int width = 0, height = 0;
};

std::optional<PixelSize> read_image_size(const std::string& path);

}  // namespace layout
