#pragma once
// Draws the display list into PDF bytes with libharu, page by page.
// Translates only: every position, size and colour comes from the frame.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/press_output.h"
#include "frame/frame.h"

namespace render {

namespace pdf {
class FontSources;
}

struct PdfOptions {
  bool debug_boxes = false;  // also draw Page::debug_items
  // The fonts' sources kept across documents (render/pdf/font_sources.h),
  // for callers that write many; null: read for this document alone.
  pdf::FontSources* font_sources = nullptr;
};

// A PDF written as its pages come: each page is painted (and its content
// packed) when given, so the caller can let it go; fonts are subset and
// written at the end, when every glyph drawn is known. Deterministic: the
// same pages give the same bytes. Problems (unreadable photo, font that
// cannot be embedded, page size out of range) are added to `diags` as
// errors; the writer then ignores further pages and finish() returns "".
class PdfWriter {
 public:
  // `meta` and `press` (none: screen output) as the Publication's.
  PdfWriter(const frame::Metadata& meta, const std::optional<core::PressOutput>& press, const PdfOptions& options,
            core::Diagnostics& diags);
  ~PdfWriter();
  PdfWriter(const PdfWriter&) = delete;
  PdfWriter& operator=(const PdfWriter&) = delete;

  // `faces`: what the page's runs' face numbers index (at least those).
  void add_page(const frame::Page& page, const std::vector<core::FontFace>& faces);
  // The whole file; "" when anything failed (said in `diags`).
  std::string finish(const std::vector<frame::Bookmark>& bookmarks);

 private:
  struct State;
  std::unique_ptr<State> state_;
  core::Diagnostics& diags_;
};

// The whole Publication at once (tests, preview).
std::string write_pdf(const frame::Publication& pub, const PdfOptions& options, core::Diagnostics& diags);

}  // namespace render
