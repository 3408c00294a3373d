#include "layout/page_grid.h"

#include <algorithm>
#include <cmath>

namespace layout {

PageGrid make_page_grid(const style::Theme& theme) {
  PageGrid g;
  const auto& p = theme.page;
  g.page = p.size;
  g.content = {p.margin_left, p.margin_top, p.size.width - p.margin_left - p.margin_right,
               p.size.height - p.margin_top - p.margin_bottom};
  g.pitch = theme.grid.leading;
  g.body_size = theme.grid.body_size;
  g.columns = std::max(1, theme.columns.count);

  // clreq: a measure that is not a whole number of characters leaves uneven
  // gaps. Columns are whole characters and the gutters what the layout
  // asks; what rounding leaves over widens the side margins evenly.
  const double room = g.content.width - (g.columns - 1) * theme.columns.gutter;
  const double chars = std::floor(room / g.columns / g.body_size + 1e-6);
  g.column_width = std::max(1.0, chars) * g.body_size;
  g.gutter = g.columns > 1 ? theme.columns.gutter : 0;
  const double spare = g.content.width - g.span_width(g.columns);
  if (spare > 0) {
    g.content.x += spare / 2;
    g.content.width -= spare;
  }

  // Folio band: one folio line plus a little air and a double rule.
  const double folio_size = theme.style(style::Role::Folio).size;
  const double masthead_size = theme.style(style::Role::Masthead).size;
  g.folio_height = std::ceil((std::max(folio_size, masthead_size) * 1.6 + 6) / g.pitch) * g.pitch;
  g.body_top = g.content.y + g.folio_height;
  g.rows = std::max(0, static_cast<int>(std::floor((g.content.bottom() - g.body_top) / g.pitch + 1e-6)));
  return g;
}

}  // namespace layout
