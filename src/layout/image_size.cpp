#include "layout/image_size.h"

#include "image/image_probe.h"

namespace layout {

std::optional<PixelSize> read_image_size(const std::string& path) {
  std::string why;
  // The loader has decoded the file whole already: the header is enough.
  const auto info = image::probe_image_file(path, image::Check::Header, why);
  if (!info) return std::nullopt;
  return PixelSize{info->shown_width(), info->shown_height()};
}

}  // namespace layout
