#pragma once
// A readable text dump of the display list, one item per line, numbers
// rounded to 0.01 pt: for golden tests and for looking at a layout in a diff.
#include <string>

#include "frame/frame.h"

namespace frame {

std::string dump(const Page& page);
std::string dump(const Publication& pub);

// Visible bounds of an item (glyph runs: from the first glyph to the end of
// the last one, one em high around the baseline).
Rect bounds(const Item& item);

}  // namespace frame
