#pragma once
// Page make-up: decides which part of which article goes where. Articles
// are blocks of whole rows across the page's columns, stacked down the page
// in reading order: the first article is the lead story at the top; an
// article starts below the previous one when its headline group, its
// page-wide photos and six rows of text fit, else on the next page. Each
// block is copy-fitted (BlockFitter) so that its columns end level; the
// planner chooses, page by page, where blocks end so that pages come out full. What cannot be made
// to fit is reported per article as overset or underset.
#include <cstddef>
#include <vector>

#include "core/diagnostics.h"
#include "layout/block_fitter.h"
#include "layout/copy_unit.h"

namespace layout {

// A photo set across a block, under the head.
struct WidePhoto {
  bool from_column = false;  // a column photo that make-up widened
  std::size_t unit = 0;      // index in ArticleCopy::wide, or ::column when widened
  int variant = 0;
};

struct BlockPlan {
  std::size_t article = 0;
  int top = 0;               // grid row of the block's top
  bool separator = false;    // a rule in the row above: an article under another
  int head_variant = -1;     // -1: the article goes on from an earlier page
  std::vector<WidePhoto> wide;
  // A photo across the last `columns` of the block's columns, at their top.
  struct SpanPhoto {
    std::size_t unit = 0;
    int columns = 0;  // 0: none
    int span = 0;     // index in CopyUnit::spans
    int variant = 0;
  } span_photo;
  int column_top = 0;        // rows from the block's top to its columns
  int column_rows = 0;       // height of the columns
  std::vector<char> absent;  // column units set elsewhere (widened photos)
  BlockFill fill;
  int rows() const { return column_top + column_rows; }
};

struct PagePlan {
  std::vector<BlockPlan> blocks;
};

struct MakeupSpec {
  int columns = 2;
  int rows = 0;       // grid rows of the type area
  int max_pages = 0;  // 0: as many as the material needs
  core::SourceSpan pages_span;
};

std::vector<PagePlan> make_up(const std::vector<ArticleCopy>& articles, const MakeupSpec& spec,
                              core::Diagnostics& diags);

// The smallest number of rows an article needs for its head and six lines
// under it (when an article may start below another).
inline constexpr int kMinRowsUnderHead = 6;

}  // namespace layout
