#pragma once
// Stage 5: one line set at its measure. Justified lines reach both edges:
// a line too long squeezes, tier by tier (Latin word spaces, brackets,
// ，、；：, Han–Latin gaps, 。！？); a line too short spreads its slack over
// the inter-character gaps in proportion to their stretch (Latin word
// spaces twice as much as Han gaps), never inside words, numbers, —— or
// ……. A paragraph's last line and lines set Left/Center/Right keep their
// natural spacing.
#include <vector>

#include "text/line_break.h"
#include "text/line_items.h"
#include "text/paragraph.h"
#include "text/shape_text.h"

namespace text {

Line set_line(const ShapedText& st, const LineItems& items, const std::vector<core::Span>& spans,
              int first, int last_cluster, const LineShape& shape, bool last_line);

}  // namespace text
