#pragma once
// Stage 4: where the lines end. Total fit in the spirit of Knuth–Plass: of
// all the ways to break the paragraph, take the one whose lines are most
// evenly spaced, preferring squeezed punctuation to loose lines (clreq:
// 先挤进, 后推出), never leaving one character alone on the last line (孤字)
// when any reasonable alternative exists, and breaking inside a word only
// when it is wider than the column.
#include <vector>

#include "text/font_role.h"
#include "text/line_items.h"

namespace text {

struct LineShape {
  double width = 0;         // the measure, pt
  double first_indent = 0;  // pt
  Align align = Align::Justify;
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

}  // namespace text
