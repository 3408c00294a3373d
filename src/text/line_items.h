#pragma once
// Stage 3: the paragraph as the line breaker sees it, in the spirit of
// Knuth–Plass boxes, glue and penalties, adapted to Chinese: every cluster
// is a box; between two clusters sits a junction with its gap (Han–Latin
// quarter em, a space's gap, tracking), how far that gap may stretch or
// shrink, how much two meeting full-width marks give up, and whether a line
// may end there. A full-width mark ending a line loses its blank half.
//
// The breaker and the justifier read only this, so tests can build items by
// hand as well as from text.
#include <array>
#include <cstdint>
#include <vector>

#include "text/break_rules.h"
#include "text/paragraph.h"
#include "text/shape_text.h"

namespace text {

// Squeeze order when a line is too long (clreq "Procedures for
// Inter-Character Spacing Reduction"): the first tier is used up before the
// next is touched.
enum ShrinkTier : std::uint8_t {
  kTierLineEnd,    // a mark ending the line (LineEndMarks::HalfWhenNeeded)
  kTierWordSpace,  // spaces between Latin words, down to a quarter em
  kTierBracket,    // blank halves of brackets and quotes
  kTierPause,      // ，、；：
  kTierHanLatin,   // Han–Latin gaps, down to an eighth of an em
  kTierStop,       // 。！？
  kTierCount
};

struct Junction {
  BreakPoint brk;
  double glue = 0;         // natural gap, pt; dropped when the line breaks here
  double stretch = 0;      // pt added at stretch ratio 1 (0: never stretched)
  double glue_shrink = 0;  // how much of the gap may go, pt
  std::uint8_t glue_tier = kTierWordSpace;
  double pair = 0;         // two full-width marks meet: this much goes when unbroken
  int pair_mark = -1;      // ...taken from this cluster (the junction's left or right one)
  double mark_shrink = 0;  // the left cluster's blank half, squeezable mid-line
  std::uint8_t mark_tier = kTierPause;
};

struct LineItems {
  std::vector<double> box;         // per cluster, pt
  std::vector<double> end_trim;    // per cluster: removed when it ends a line
  std::vector<double> end_shrink;  // per cluster: may be removed when it ends a line
  std::vector<double> start_keep;  // per cluster: its squeeze (mark_shrink), not to be used when it starts a line
  std::vector<std::uint8_t> counts;  // counts as a character for the 孤字 rule
  std::vector<Junction> junctions;   // junction i sits between cluster i and i+1
};

LineItems build_line_items(const ShapedText& st, const std::vector<BreakPoint>& breaks,
                           const std::vector<core::Span>& spans, const core::CompositionRules& rules);

}  // namespace text
