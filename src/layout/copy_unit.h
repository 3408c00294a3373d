#pragma once
// What copy-fit works with: an article's material as units — a paragraph, a
// banner, a photo with its caption, a highlights box, a byline — each with
// the ways make-up may set it (a photo taller or shorter in whole rows by
// cropping, a banner with a row of air above, a highlights box of another
// shape) and what each way costs the reader's eye. The natural setting
// costs nothing; make-up picks the cheapest combination that fills a block.
#include <string>
#include <vector>

#include "core/source_span.h"
#include "layout/flow_item.h"

namespace style {
struct StyledBlock;
}

namespace layout {

enum class UnitKind { Paragraph, Banner, Figure, Box, Byline };

struct Variant {
  int rows = 0;       // grid rows; a paragraph: its lines
  double cost = 0;    // visible change from the natural setting
  std::vector<FlowItem> items;  // a paragraph: one per line (none until set, see unset()); otherwise exactly one
  std::string note;   // what copy-fit changed, for the debug overlay ("" when natural)
  // A banner's setting for the top of a column, without the air above its
  // bar (air there would be a hole under the head or the folio): used there
  // and only there.
  bool column_top = false;
  // Where a banner shows — its bar and heading, not the air above — in rows
  // from the setting's top: two banners side by side (撞题) is judged on
  // what the reader sees.
  double mark_top = 0, mark_bottom = 0;
  // A paragraph setting a line longer or shorter is planned by its line
  // count alone (`rows`, no items): most are never chosen, and holding the
  // glyphs of every setting of every paragraph is what made memory grow
  // with the pages. Drawing sets the chosen one (BlockSetter::set_chosen_paragraph).
  int looseness = 0;
  bool unset() const { return items.empty() && rows > 0; }
};

struct CopyUnit {
  UnitKind kind = UnitKind::Paragraph;
  std::vector<Variant> variants;  // never empty; the cheapest first
  core::SourceSpan source;
  // A column photo's settings across a whole block instead (make-up may
  // widen a photo to fill a page); empty for everything else.
  std::vector<Variant> wide;
  // ...or across `columns` of a block's columns (more than one, fewer than all).
  struct Span {
    int columns = 0;
    std::vector<Variant> variants;
  };
  std::vector<Span> spans;
  // A paragraph: the styled block, to set an unset variant from.
  const style::StyledBlock* paragraph = nullptr;

  int min_rows() const;
  int max_rows() const;
};

// One article's material, set for one block width.
struct ArticleCopy {
  std::vector<Variant> head;       // union, kicker, headline, subheadline across the block
  std::vector<CopyUnit> wide;      // photos the author set across the page (span: page)
  std::vector<CopyUnit> column;    // everything that flows in columns, in reading order
  std::string title;
  core::SourceSpan source;
  core::SourceSpan head_source;  // the head's tallest part: blamed when the head cannot fit a page
};

}  // namespace layout
