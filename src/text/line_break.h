#pragma once
// Stage 4: where the lines end. Total fit in the spirit of Knuth–Plass: of
// all the ways to break the paragraph, take the one whose lines are most
// evenly spaced, preferring squeezed punctuation to loose lines (clreq:
// 先挤进, 后推出), never leaving one character alone on the last line (孤字)
// when any reasonable alternative exists, and breaking inside a word only
// when it is wider than the column.
#include <vector>

#include "core/font_role.h"
#include "text/line_items.h"

namespace text {

struct LineShape {
  double width = 0;         // the measure, pt
  double first_indent = 0;  // pt
  core::Align align = core::Align::Justify;
};

// How good or bad one line is; exposed for tests and tuning.
struct LineFit {
  double natural = 0;  // width as set without stretching or squeezing, pt
  double stretch = 0;  // total stretchability, pt at ratio 1
  double shrink = 0;   // total squeezability, pt
  int chars = 0;       // characters (not marks or spaces), for the 孤字 rule
};
LineFit measure_line(const LineItems& items, int first, int last, double indent);

// Index of the last cluster of each line, in order.
std::vector<int> break_lines(const LineItems& items, const LineShape& shape);

// How far a line set looser than its best may stretch: each gap at most
// this share of its stretch (0.25 em at ratio 1), so a paragraph made a line
// longer or shorter for page make-up never shows loose lines.
inline constexpr double kMaxLooseRatio = 1.0;

// The best breaking into exactly `lines` lines (TeX's \looseness) whose
// lines all stay within kMaxLooseRatio, none overfull, no emergency break
// and no 孤字; empty when there is none.
std::vector<int> break_lines_exactly(const LineItems& items, const LineShape& shape, int lines);

}  // namespace text
