#pragma once
// The document-level parts of the PDF: the Info dictionary (title, subject,
// author, creator, dates) and the outline (one bookmark per article).
// Text goes in as UTF-16BE hex strings, since libharu 2.3.0 writes its own
// strings as PDFDocEncoding (or drops characters above U+FFFF).
#include <hpdf.h>

#include <vector>

#include "core/diagnostics.h"
#include "frame/frame.h"
#include "render/pdf/hpdf_document.h"
#include "render/pdf/page_geometry.h"

namespace render::pdf {

// Dates come from Metadata::date (YYYY-MM-DD) only, never from the clock,
// so the same publication always gives the same bytes.
void write_metadata(HpdfDocument& doc, const frame::Metadata& meta, core::Diagnostics& diags);

// `pages` and `geometry` are parallel to Publication::pages.
void write_bookmarks(HpdfDocument& doc, const std::vector<frame::Bookmark>& bookmarks,
                     const std::vector<HPDF_Page>& pages, const std::vector<PageGeometry>& geometry,
                     core::Diagnostics& diags);

}  // namespace render::pdf
