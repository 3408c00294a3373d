#include "render/pdf/text_segments.h"

#include <cmath>

namespace render::pdf {
namespace {
constexpr double kMinCharSpace = -30, kMaxCharSpace = 300;  // HPDF_MIN/MAX_CHARSPACE
}

std::vector<TextSegment> split_text_segments(const std::vector<double>& x, const std::vector<double>& width) {
  std::vector<TextSegment> out;
  const std::size_t n = x.size();
  std::size_t i = 0;
  while (i < n) {
    std::size_t j = i + 1;
    std::optional<double> tc;
    if (j < n) {
      const double c = x[j] - x[i] - width[i];
      if (c >= kMinCharSpace && c <= kMaxCharSpace) {
        // Snap to the 5 decimals libharu writes, so the prediction below
        // matches what the viewer will compute.
        const double snapped = std::round(c * 1e5) / 1e5;
        double pen = x[i];
        while (j < n) {
          pen += width[j - 1] + snapped;
          if (std::abs(pen - x[j]) > kPositionTolerance) break;
          ++j;
        }
        if (j > i + 1) tc = snapped;
      }
    }
    out.push_back({i, j - i, tc});
    i = j;
  }
  return out;
}

}  // namespace render::pdf
