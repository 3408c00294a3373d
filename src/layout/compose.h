#pragma once
// The make-up stage: styled articles → pages of placed items. Articles are
// set as copy-fit units, the PageMaker decides the blocks of every page,
// and this stage draws them: heads across their blocks, photos, columns of
// body lines on the one baseline grid, rules, the folio on every page, and
// with --debug-boxes the grid, the blocks and what copy-fit changed.
#include <vector>

#include "core/diagnostics.h"
#include "frame/frame.h"
#include "layout/page_maker.h"
#include "style/styled_document.h"
#include "text/font_book.h"

namespace layout {

// `plans`, when given, receives the make-up decisions (blocks and copy-fit
// choices) behind the pages: for tests and the debug overlay's reader.
// `debug_items`: fill Page::debug_items (only --debug-boxes draws them;
// a page's grid and boxes are some 200 items).
frame::Publication compose(const style::StyledDocument& doc, const style::Theme& theme,
                           const text::FontBook& fonts, core::Diagnostics& diags,
                           std::vector<PagePlan>* plans = nullptr, bool debug_items = true);

}  // namespace layout
