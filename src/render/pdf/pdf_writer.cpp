#include "render/pdf/pdf_writer.h"

#include <hpdf.h>
#include <hpdf_objects.h>

#include <optional>

#include "render/pdf/document_info.h"
#include "render/pdf/hpdf_document.h"
#include "render/pdf/page_geometry.h"
#include "render/pdf/page_painter.h"
#include "render/pdf/pdf_error.h"
#include "render/pdf/pdf_fonts.h"
#include "render/pdf/pdf_images.h"
#include "render/pdf/pdf_x.h"

namespace render {
namespace {

using namespace render::pdf;

constexpr double kMinPageSize = 3, kMaxPageSize = 14400;  // libharu's limits, points
// Deflate level of page contents (deflate.h's scale), applied as each page
// is finished.
constexpr int kContentDeflateLevel = 6;

HPDF_Box to_box(const PdfBox& b) {
  return HPDF_Box{static_cast<HPDF_REAL>(b.left), static_cast<HPDF_REAL>(b.bottom), static_cast<HPDF_REAL>(b.right),
                  static_cast<HPDF_REAL>(b.top)};
}

// `trim_box`: write a TrimBox even when it is the MediaBox (PDF/X wants one).
HPDF_Page add_page(HpdfDocument& doc, const frame::Page& page, const PageGeometry& g, std::size_t index,
                   bool trim_box) {
  for (double side : {g.media_width, g.media_height}) {
    if (!(side >= kMinPageSize && side <= kMaxPageSize)) {
      throw PdfError({}, "page " + std::to_string(index + 1) + " is " + std::to_string(g.media_width) + " x " +
                             std::to_string(g.media_height) + " pt; PDF pages must be 3 to 14400 pt");
    }
  }
  HPDF_Page p = doc.require("add page", HPDF_AddPage(doc.get()));
  doc.check("page size", HPDF_Page_SetWidth(p, static_cast<HPDF_REAL>(g.media_width)));
  doc.check("page size", HPDF_Page_SetHeight(p, static_cast<HPDF_REAL>(g.media_height)));
  if (g.has_boxes() || trim_box) {
    // libharu 2.3.0 has no HPDF_Page_SetBoundary: write the entries directly.
    doc.check("TrimBox", HPDF_Dict_Add(p, "TrimBox", HPDF_Box_Array_New(doc.mmgr(), to_box(g.trim))));
    if (page.bleed > 0) {
      doc.check("BleedBox", HPDF_Dict_Add(p, "BleedBox", HPDF_Box_Array_New(doc.mmgr(), to_box(g.bleed))));
    }
  }
  return p;
}

// Page labels follow the folio, so a viewer calls the paper's page 5 "5".
// Only written when the folios are not simply 1, 2, 3...
void write_page_labels(HpdfDocument& doc, const std::vector<frame::Page>& pages) {
  bool plain = true;
  for (std::size_t i = 0; i < pages.size(); ++i) plain = plain && pages[i].number == static_cast<int>(i) + 1;
  if (plain) return;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const int number = pages[i].number;
    if (number < 1) continue;
    if (i == 0 || number != pages[i - 1].number + 1) {
      doc.check("page label", HPDF_AddPageLabel(doc.get(), static_cast<HPDF_UINT>(i), HPDF_PAGE_NUM_STYLE_DECIMAL,
                                                static_cast<HPDF_UINT>(number), nullptr));
    }
  }
}

std::string write(const frame::Publication& pub, const PdfOptions& options, core::Diagnostics& diags) {
  if (pub.pages.empty()) throw PdfError({}, "nothing to print: the publication has no pages");
  HpdfDocument doc;
  // Soft masks (PNG transparency) need PDF 1.4; libharu starts at 1.3,
  // which is also what PDF/X-1a:2001 asks for (no transparency at all).
  doc.set_version(pub.press ? HPDF_VER_13 : HPDF_VER_14);
  doc.check("compression", HPDF_SetCompressionMode(doc.get(), HPDF_COMP_ALL));
  write_metadata(doc, pub.meta, diags);
  std::optional<color::PressProfile> profile;
  if (pub.press) {
    try {
      profile = color::PressProfile::load(pub.press->profile);
    } catch (const color::ProfileError& e) {
      throw PdfError({}, e.what());
    }
    write_pdfx_parts(doc, pub, *profile);
  }

  const PdfFonts fonts(doc, pub, options.debug_boxes, options.font_sources);
  PdfImages images = pub.press ? PdfImages(doc, *pub.press, *profile) : PdfImages(doc);
  std::vector<HPDF_Page> pages;
  std::vector<PageGeometry> geometry;
  for (std::size_t i = 0; i < pub.pages.size(); ++i) {
    const frame::Page& page = pub.pages[i];
    geometry.push_back(page_geometry(page));
    pages.push_back(add_page(doc, page, geometry.back(), i, pub.press.has_value()));
    PagePainter painter(doc, pages.back(), geometry.back(), fonts, images);
    painter.draw_crop_marks(page.crop_marks);
    for (const auto& item : page.items) painter.draw(item);
    if (options.debug_boxes) {
      for (const auto& item : page.debug_items) painter.draw(item);
    }
    painter.finish();
    doc.pack_content(pages.back(), kContentDeflateLevel);
  }
  write_page_labels(doc, pub.pages);
  write_bookmarks(doc, pub.bookmarks, pages, geometry, diags);
  return doc.save();
}

}  // namespace

std::string write_pdf(const frame::Publication& pub, const PdfOptions& options, core::Diagnostics& diags) {
  try {
    return write(pub, options, diags);
  } catch (const PdfError& e) {
    diags.error(e.span(), e.what());
  } catch (const std::exception& e) {
    diags.error({}, std::string("writing the PDF: ") + e.what());
  }
  return {};
}

}  // namespace render
