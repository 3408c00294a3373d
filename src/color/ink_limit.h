#pragma once
// Total area coverage: the sum of the four inks a spot of paper takes, in
// percent (400 = solid CMYK). Newsprint soaks and smears above about 240.
#include <array>

namespace color {

// Brings c m y k (each 0 to 1) within `limit` (a fraction: 2.4 for 240 %):
// first under-colour removal (equal parts of C, M and Y become K, which
// keeps the tone), then C, M and Y scaled down together if still over.
// Colours already within the limit are returned unchanged.
std::array<double, 4> limit_ink(std::array<double, 4> cmyk, double limit);

}  // namespace color
