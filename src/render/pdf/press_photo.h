#pragma once
// A photo file made ready for a printing press: shrunk to at most the
// press's resolution at its printed size, colour photos brought into the
// press's CMYK within the ink limit, transparency flattened onto white
// paper. Gray photos stay gray (black ink alone).
#include <string>
#include <string_view>

#include "color/press_pixels.h"
#include "frame/frame.h"
#include "image/image_info.h"

namespace render::pdf {

struct PressPhoto {
  bool jpeg = true;        // `data` is a JPEG file; else raw 8-bit samples
  std::string data;
  int width = 0, height = 0, channels = 0;  // what `data` holds (1 gray or 4 CMYK)
  int source_width = 0, source_height = 0;  // the file's own pixels
};

// `bytes` is the file, `info` what the loader's probe found in it,
// `printed` the size it is drawn at (points). Throws std::runtime_error with
// the reason for a damaged file.
PressPhoto press_photo(std::string_view bytes, const image::ImageInfo& info, const core::Size& printed,
                       const core::PressOutput& press, const color::PhotoInks& inks);

}  // namespace render::pdf
