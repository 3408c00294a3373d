#pragma once
// What the column flow moves around: a piece of a column (a body line, a
// banner, a photo with its caption, a highlights box, a byline) that
// occupies a whole number of grid rows, with its drawing already positioned
// relative to its own top-left corner.
#include <vector>

#include "frame/frame.h"

namespace layout {

enum class FlowKind { Line, Banner, Figure, Box, Byline };

struct FlowItem {
  FlowKind kind = FlowKind::Line;
  int rows = 1;
  std::vector<frame::Item> items;  // x from the column's left edge, y from the item's top
  double height = 0;               // drawn height (≤ rows × pitch)
  // For body lines: which paragraph, which line of how many (keep rules).
  int paragraph = -1;
  int line = 0;
  int lines = 1;
  bool floating = false;  // may move to the next column top when it does not fit
  int stretch = 0;        // blank rows it may take above itself to even out columns
};

// Moves an item by (dx, dy).
frame::Item translated(const frame::Item& item, double dx, double dy);

}  // namespace layout
