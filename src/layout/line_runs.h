#pragma once
// Turns a set line (text stage) into display-list items at a position:
// glyph runs grouped by face, size and colour, plus a visible box for every
// character no font has.
#include <vector>

#include "frame/frame.h"
#include "text/paragraph.h"

namespace layout {

void append_line(const text::Line& line, double x, double baseline, std::vector<frame::Item>& out);

}  // namespace layout
