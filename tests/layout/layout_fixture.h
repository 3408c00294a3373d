#pragma once
// What the layout tests share: the font book, composing a file with a
// layout, and the measure of white a layout editor sends a page back for.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "frame/dump_frame.h"
#include "layout/compose.h"
#include "layout/page_grid.h"
#include "model/load_document.h"
#include "style/load_theme.h"
#include "style/styled_document.h"
#include "text/font_book.h"

namespace layout_test {

inline const std::string kSource = BROADSHEET_SOURCE_DIR;

inline const text::FontBook& fonts() {
  static core::Diagnostics diags;
  static text::FontBook book(text::load_font_manifest(kSource + "/fonts/manifest.yaml", diags), kSource + "/fonts");
  return book;
}

struct Composed {
  frame::Publication pub;
  layout::PageGrid grid;
  style::Theme theme;
  core::Diagnostics diags;
  std::vector<layout::PagePlan> plans;
};

// `layout` is a name in layouts/ or a path to a layout file.
inline Composed compose_file(const std::string& path, const std::string& layout) {
  Composed c;
  auto doc = model::load_document(path, c.diags);
  REQUIRE_MESSAGE(!c.diags.has_errors(), core::format_all(c.diags));
  const std::string theme_path = layout.find('/') == std::string::npos ? kSource + "/layouts/" + layout + ".yaml" : layout;
  c.theme = style::load_theme(theme_path, c.diags);
  c.grid = layout::make_page_grid(c.theme);
  c.pub = layout::compose(style::style_document(doc, c.theme), c.theme, fonts(), c.diags, {.plans = &c.plans});
  return c;
}

// The share of a page's type area (below the folio) that is white: in each
// column, the vertical bands of at least 1.5 rows that hold no text, image
// or box, summed over the columns.
inline double empty_share(const frame::Page& page, const layout::PageGrid& g,
                          std::vector<core::Rect>* bands = nullptr) {
  const double top = g.body_top, bottom = g.body_top + g.rows * g.pitch;
  double empty = 0;
  for (int col = 0; col < g.columns; ++col) {
    const double x0 = g.column_x(col), x1 = x0 + g.column_width;
    std::vector<std::pair<double, double>> used;
    for (const auto& item : page.items) {
      if (std::holds_alternative<frame::Rule>(item)) continue;
      const core::Rect b = frame::bounds(item);
      if (b.right() <= x0 + 0.5 || b.x >= x1 - 0.5) continue;
      used.push_back({std::max(top, b.y), std::min(bottom, b.bottom())});
    }
    std::sort(used.begin(), used.end());
    double y = top;
    auto gap = [&](double to) {
      if (to - y >= 1.5 * g.pitch) {
        empty += to - y;
        if (bands) bands->push_back({x0, y, g.column_width, to - y});
      }
    };
    for (const auto& [a, b] : used) {
      if (b <= a) continue;
      if (a > y) gap(a);
      y = std::max(y, b);
    }
    gap(bottom);
  }
  return empty / (g.columns * (bottom - top));
}

// Rows between the deepest and the shallowest column of every block: 0 or 1
// when the block's columns end level.
inline int block_raggedness(const layout::BlockPlan& b) {
  int hi = 0, lo = 1 << 30;
  for (int r : b.fill.column_rows) hi = std::max(hi, r), lo = std::min(lo, r);
  return std::max(hi - lo, b.column_rows - hi);
}

}  // namespace layout_test
