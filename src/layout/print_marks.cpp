#include "layout/print_marks.h"

#include <algorithm>

namespace layout {

void add_print_marks(frame::Page& page, double bleed, bool crop_marks) {
  page.bleed = std::max(0.0, bleed);
  page.crop_marks.clear();
  if (!crop_marks) {
    page.paper_margin = page.bleed;
    return;
  }
  const double gap = std::max(page.bleed, kCropMarkGap);
  page.paper_margin = gap + kCropMarkLength + kCropMarkSlug;
  const core::Color registration = core::Color::cmyk(1, 1, 1, 1);
  auto mark = [&](double x0, double y0, double x1, double y1) {
    page.crop_marks.push_back(frame::Rule{{x0, y0}, {x1, y1}, kCropMarkWidth, registration});
  };
  const double w = page.size.width, h = page.size.height;
  // Bottom edge first, then the top; then the left edge and the right
  // (y grows downwards: the bottom edge is at y = h).
  for (double y : {h, 0.0}) {
    mark(-gap - kCropMarkLength, y, -gap, y);
    mark(w + gap, y, w + gap + kCropMarkLength, y);
  }
  for (double x : {0.0, w}) {
    mark(x, h + gap + kCropMarkLength, x, h + gap);
    mark(x, -gap, x, -gap - kCropMarkLength);
  }
}

}  // namespace layout
