#include "render/pdf/page_geometry.h"

#include <algorithm>

namespace render::pdf {

PageGeometry page_geometry(const frame::Page& page) {
  PageGeometry g;
  const double bleed = std::max(0.0, page.bleed);
  g.margin = std::max(bleed, page.paper_margin);
  g.trim_height = page.size.height;
  g.media_width = page.size.width + 2 * g.margin;
  g.media_height = page.size.height + 2 * g.margin;
  g.trim = {g.margin, g.margin, g.margin + page.size.width, g.margin + page.size.height};
  g.bleed = {g.trim.left - bleed, g.trim.bottom - bleed, g.trim.right + bleed, g.trim.top + bleed};
  return g;
}

}  // namespace render::pdf
