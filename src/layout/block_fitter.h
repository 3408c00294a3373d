#pragma once
// Copy-fit of one block: distributes an article's units over the block's
// columns so that every column ends on the block's last row, choosing for
// each unit the setting (photo height, air above a banner, shape of a box)
// and for each photo its place (where it falls, or the next column's top)
// that together cost the least. Keep rules hold throughout: no paragraph
// leaves one line alone at a column's top or bottom, a banner has at least
// two body lines under it in its column, a byline never starts a column,
// and no two banners sit side by side at the same height (撞题).
//
// This is a shortest path over (unit, column, row): the keep rules make
// greedy filling fail on exactly the pages a layout editor cares about.
#include <cstddef>
#include <optional>
#include <vector>

#include "layout/copy_unit.h"

namespace layout {

// Where an article's flow stands between blocks.
struct FlowPos {
  std::size_t unit = 0;  // the next unit to place
  int line = 0;          // lines of that paragraph already placed in an earlier block
  int variant = 0;       // the paragraph's setting, when line > 0
  bool operator==(const FlowPos&) const = default;
};

struct Placement {
  std::size_t unit = 0;
  int variant = 0;
  int column = 0;
  int row = 0;
  int first_line = 0;  // paragraphs: lines [first_line, first_line + count) of the variant
  int count = 0;       // rows taken (paragraphs: lines)
};

struct BlockFill {
  std::vector<Placement> placements;
  std::vector<int> column_rows;  // rows used in each column
  FlowPos end;                   // where the next block goes on
  double cost = 0;
};

enum class FillGoal {
  All,     // everything from `from` to the end, every column full (the last may be `slack` short)
  Prefix,  // as much as fills every column exactly; the rest goes on in a later block
};

struct FillRequest {
  const std::vector<CopyUnit>* units = nullptr;
  const std::vector<char>* absent = nullptr;  // units set elsewhere (a photo widened); may be null
  FlowPos from;
  int columns = 1;
  int rows = 0;
  FillGoal goal = FillGoal::All;
  int slack = 0;
  // Rows taken at the top of each column by a photo across some of them
  // (empty: none).
  std::vector<int> column_tops;
  // Let columns end short and lines stand alone, at a high price: a
  // solution then exists whenever every unit fits a column.
  bool relaxed = false;
};

std::optional<BlockFill> fill_block(const FillRequest& request);

// A prefix fill's cheapest way to each place it can stop, for a planner that
// looks at what each leaves for the next page.
std::vector<BlockFill> prefix_fills(const FillRequest& request);

// The price of one empty row in a relaxed fill: what make-up pays for a hole.
inline constexpr double kEmptyRowCost = 50;

}  // namespace layout
