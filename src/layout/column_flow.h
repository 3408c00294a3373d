#pragma once
// Distributes an article's flow items over columns of whole grid rows,
// keeping the rules of SPEC §5: a banner never ends a column, no body line
// alone at a column's top or bottom, a photo never split from its caption
// (it is one item) and moved to the next column top when it does not fit.
#include <cstddef>
#include <vector>

#include "layout/flow_item.h"

namespace layout {

// Where the flow stands: the next item, and photos waiting for a column top.
struct FlowCursor {
  std::size_t next = 0;
  std::vector<std::size_t> pending;  // floats deferred to the next column
  // Floats to move to the next column top even if they fit here: the
  // balancer's lever for evening out a last page.
  std::vector<std::size_t> defer;
  bool done(std::size_t total) const { return next >= total && pending.empty(); }
};

struct ColumnFill {
  std::vector<std::size_t> items;  // in drawing order
  std::vector<int> extra;          // blank rows above each item (balancing); empty = none
  int rows = 0;                    // rows used, extra rows included
};

// True when a column may end after item `i` with item `i + 1` starting the next.
bool can_break_after(const std::vector<FlowItem>& items, std::size_t i);

// Fills one column of `capacity` rows from `cursor` (advanced past what was
// placed). With `must_progress`, at least one item is placed even when no
// legal break exists (never loop forever on an impossible rule).
ColumnFill fill_column(const std::vector<FlowItem>& items, FlowCursor& cursor, int capacity,
                       bool must_progress);

// Fills `columns` columns of `capacity` rows; the cursor tells what is left.
std::vector<ColumnFill> fill_columns(const std::vector<FlowItem>& items, FlowCursor& cursor,
                                     int columns, int capacity, bool must_progress);

// Like fill_columns, but the remaining items all fit: chooses the column
// height that makes the columns' bottoms as even as possible (a balanced
// last page). Returns nothing when the items do not fit in `capacity`.
std::vector<ColumnFill> balance_columns(const std::vector<FlowItem>& items, const FlowCursor& cursor,
                                        int columns, int capacity);

}  // namespace layout
