#pragma once
// JPEG in and out with libjpeg-turbo, for press output: photos are decoded
// to be brought into the press's inks and shrunk, then encoded again.
// (Screen output never decodes a JPEG: it is passed through.)
#include <string>
#include <string_view>

#include "color/press_pixels.h"

namespace render::pdf {

struct DecodedJpeg {
  color::Pixels pixels;  // gray, RGB, or CMYK as ink (Adobe's inverted CMYK undone)
  std::string icc;       // the embedded ICC profile, "" when none
};

// Throws std::runtime_error with libjpeg's message when the data is damaged.
DecodedJpeg decode_jpeg(std::string_view bytes);

// Gray, RGB or CMYK pixels as a JPEG. CMYK is written the way Photoshop
// writes it, which every PDF reader knows: YCCK-coded (so the colour planes
// can be subsampled, a third of the size of plain CMYK), inverted, with the
// Adobe marker; in a PDF it needs Decode [1 0 1 0 1 0 1 0].
std::string encode_jpeg(const color::Pixels& pixels, int quality);

}  // namespace render::pdf
