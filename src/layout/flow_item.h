#pragma once
// What make-up places: a piece of a block (a body line, a banner, a photo
// with its caption, a highlights box, a byline, a head) that occupies a
// whole number of grid rows, with its drawing already positioned relative to
// its own top-left corner. What kind of piece it is lives in its CopyUnit.
#include <vector>

#include "frame/frame.h"

namespace layout {

struct FlowItem {
  int rows = 1;
  std::vector<frame::Item> items;  // x from the column's left edge, y from the item's top
};

// Moves an item by (dx, dy).
void translate(frame::Item& item, double dx, double dy);
// A copy of `item` moved by (dx, dy).
frame::Item translated(const frame::Item& item, double dx, double dy);

}  // namespace layout
