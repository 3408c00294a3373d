#include "color/ink_limit.h"

#include <algorithm>

namespace color {

std::array<double, 4> limit_ink(std::array<double, 4> v, double limit) {
  auto& [c, m, y, k] = v;
  const double total = c + m + y + k;
  if (total <= limit) return v;
  // Each unit moved from C+M+Y to K lowers the total by two.
  const double moved = std::min({(total - limit) / 2, c, m, y, 1 - k});
  c -= moved, m -= moved, y -= moved, k += moved;
  const double colour = c + m + y;
  if (k + colour > limit && colour > 0) {
    const double scale = std::max(0.0, limit - k) / colour;
    c *= scale, m *= scale, y *= scale;
  }
  k = std::min(k, limit);
  return v;
}

}  // namespace color
