#include "text/blank_side.h"

#include <cmath>

namespace text {

BlankSide blank_side(double ink_left, double ink_right, double box) {
  if (box <= 0) return BlankSide::None;
  const double half = box / 2;
  const double tol = 0.06 * box;
  const double width = ink_right - ink_left;
  const double centre = (ink_left + ink_right) / 2;
  // Centred small ink first: a centred comma (TW style) also "fits" in the
  // right half by a hair and must not be mistaken for an opening mark.
  if (std::abs(centre - half) < 0.1 * box && width <= half + tol &&
      ink_left >= box / 4 - tol && ink_right <= 3 * box / 4 + tol) {
    return BlankSide::Both;
  }
  if (ink_right <= half + tol) return BlankSide::Right;
  if (ink_left >= half - tol) return BlankSide::Left;
  return BlankSide::None;
}

}  // namespace text
