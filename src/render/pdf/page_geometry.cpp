#include "render/pdf/page_geometry.h"

#include <algorithm>

namespace render::pdf {

PageGeometry page_geometry(const frame::Page& page) {
  PageGeometry g;
  const double bleed = std::max(0.0, page.bleed);
  const double gap = std::max(bleed, kCropMarkGap);
  g.margin = page.crop_marks ? gap + kCropMarkLength + kCropMarkSlug : bleed;
  g.trim_height = page.size.height;
  g.media_width = page.size.width + 2 * g.margin;
  g.media_height = page.size.height + 2 * g.margin;
  g.trim = {g.margin, g.margin, g.margin + page.size.width, g.margin + page.size.height};
  g.bleed = {g.trim.left - bleed, g.trim.bottom - bleed, g.trim.right + bleed, g.trim.top + bleed};
  if (page.crop_marks) {
    const PdfBox& t = g.trim;
    for (double y : {t.bottom, t.top}) {
      g.crop_marks.push_back({t.left - gap - kCropMarkLength, y, t.left - gap, y});
      g.crop_marks.push_back({t.right + gap, y, t.right + gap + kCropMarkLength, y});
    }
    for (double x : {t.left, t.right}) {
      g.crop_marks.push_back({x, t.bottom - gap - kCropMarkLength, x, t.bottom - gap});
      g.crop_marks.push_back({x, t.top + gap, x, t.top + gap + kCropMarkLength});
    }
  }
  return g;
}

}  // namespace render::pdf
