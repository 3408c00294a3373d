#pragma once
// Where things can go on a page: the content area inside the margins, the
// folio band at its top, the columns, and the baseline grid that every
// column shares (body lines of all columns sit at the same heights).
#include "core/geometry.h"
#include "style/theme.h"

namespace layout {

// The em box of CJK type: the baseline sits 0.88 em below its top
// (the ideographic em box of the fonts we use).
inline constexpr double kEmAscent = 0.88;

struct PageGrid {
  core::Size page;
  core::Rect content;      // inside the margins
  double folio_height = 0;  // the band at the top holding paper, edition, date, page
  double body_top = 0;      // top of grid row 0
  double pitch = 15;        // grid step = body leading
  double body_size = 9.5;
  int rows = 0;             // grid rows per column
  int columns = 2;
  double column_width = 0;  // a whole number of body characters
  double gutter = 0;        // as the layout asks

  double column_x(int c) const { return content.x + c * (column_width + gutter); }
  // Width of `n` adjacent columns including the gutters between them.
  double span_width(int n) const { return n * column_width + (n - 1) * gutter; }
  double full_width() const { return span_width(columns); }
  double row_top(int r) const { return body_top + r * pitch; }
  // Baseline of a line of `size` pt centred in its grid row.
  double baseline_in_row(double size) const { return (pitch - size) / 2 + kEmAscent * size; }
  double baseline(int r) const { return row_top(r) + baseline_in_row(body_size); }
};

PageGrid make_page_grid(const style::Theme& theme);

}  // namespace layout
