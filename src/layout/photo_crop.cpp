#include "layout/photo_crop.h"

#include <algorithm>

namespace layout {
namespace {

// Splits `cut` between the two sides of one axis: the side away from the
// focus loses up to its limit first, then the other side.
double leading_cut(double cut, double limit, bool keep_leading, bool keep_trailing) {
  if (keep_leading) return std::max(0.0, cut - limit);   // trailing side takes what it can
  if (keep_trailing) return std::min(cut, limit);
  return cut / 2;
}

}  // namespace

std::optional<Crop> crop_to(double width, double height, double aspect, model::PhotoFocus focus) {
  using model::PhotoFocus;
  if (!(width > 0 && height > 0 && aspect > 0)) return std::nullopt;
  const double natural = width * aspect;
  Crop c;
  c.box = {0, 0, width, height};
  constexpr double kEps = 1e-9;
  if (height <= natural) {
    // Too flat a box: cut from the top and bottom.
    const double cut = natural - height;
    const double limit = kMaxCropPerSide * natural;
    if (cut > 2 * limit + kEps) return std::nullopt;
    const double top = leading_cut(cut, limit, focus == PhotoFocus::Top, focus == PhotoFocus::Bottom);
    c.picture = {0, -top, width, natural};
    c.change = cut / natural;
  } else {
    // Too tall a box: scale the picture up to the height and cut the sides.
    const double drawn = height / aspect;
    const double cut = drawn - width;
    const double limit = kMaxCropPerSide * drawn;
    if (cut > 2 * limit + kEps) return std::nullopt;
    const double left = leading_cut(cut, limit, focus == PhotoFocus::Left, focus == PhotoFocus::Right);
    c.picture = {-left, 0, drawn, height};
    c.change = cut / drawn;
  }
  return c;
}

}  // namespace layout
