#pragma once
// Draws a Publication (the display list) into PDF bytes with libharu.
// Translates only: every position, size and colour comes from the frame.
#include <string>

#include "core/diagnostics.h"
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

// Returns the whole PDF file. Problems (unreadable photo, font that cannot be
// embedded) are added to `diags` as errors; the result is then empty.
// Deterministic: the same Publication gives the same bytes.
std::string write_pdf(const frame::Publication& pub, const PdfOptions& options,
                      core::Diagnostics& diags);

}  // namespace render
