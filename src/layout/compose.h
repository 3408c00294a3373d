#pragma once
// The flow stage: styled articles → pages of placed items. Each article's
// head spans all columns, its text flows down the columns and onto further
// pages, and where it ends its columns are balanced before the next article
// starts below. Every page gets the folio.
#include "frame/frame.h"
#include "source/diagnostics.h"
#include "style/styled_document.h"
#include "text/font_book.h"

namespace layout {

frame::Publication compose(const style::StyledDocument& doc, const style::Theme& theme,
                           const text::FontBook& fonts, source::Diagnostics& diags);

}  // namespace layout
