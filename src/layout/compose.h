#pragma once
// The make-up stage: styled articles → pages of placed items. Articles are
// set as copy-fit units, the PageMaker decides the blocks of every page,
// and this stage draws them: heads across their blocks, photos, columns of
// body lines on the one baseline grid, rules, the folio on every page, and
// with --debug-boxes the grid, the blocks and what copy-fit changed.
#include <functional>
#include <vector>

#include "core/diagnostics.h"
#include "frame/frame.h"
#include "layout/page_maker.h"
#include "style/styled_document.h"
#include "text/font_book.h"

namespace layout {

// Receives each page as soon as it is made up, folio included, to write it
// out and let it go; `so_far` is the publication without its pages: the
// metadata, the faces the page's runs index, the bookmarks so far.
using PageSink = std::function<void(frame::Page&& page, const frame::Publication& so_far)>;

struct ComposeOptions {
  // Receives the make-up decisions (blocks and copy-fit choices) behind the
  // pages: for tests and the debug overlay's reader.
  std::vector<PagePlan>* plans = nullptr;
  // Fill Page::debug_items (only --debug-boxes draws them; a page's grid
  // and boxes are some 200 items).
  bool debug_items = true;
  // Takes each page as it is made; the publication returned then has none.
  PageSink sink;
  // Paragraph text, in bytes, above which a document's paragraphs are set
  // when drawn rather than held set from planning to drawing: ~85,000 Han
  // characters, some 40 pages, whose settings hold ~5 MB; the seed page and
  // a county sheet are far below. Setting twice costs the seed ~1 ms.
  std::size_t held_paragraph_bytes = 256 * 1024;
};

frame::Publication compose(const style::StyledDocument& doc, const style::Theme& theme,
                           const text::FontBook& fonts, core::Diagnostics& diags, const ComposeOptions& options = {});

}  // namespace layout
