#include "render/pdf/pdf_writer.h"

#include <hpdf.h>
#include <hpdf_objects.h>

#include <optional>

#include "color/icc_profile.h"
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
HPDF_Page new_page(HpdfDocument& doc, const frame::Page& page, const PageGeometry& g, std::size_t index,
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
void write_page_labels(HpdfDocument& doc, const std::vector<int>& numbers) {
  bool plain = true;
  for (std::size_t i = 0; i < numbers.size(); ++i) plain = plain && numbers[i] == static_cast<int>(i) + 1;
  if (plain) return;
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    const int number = numbers[i];
    if (number < 1) continue;
    if (i == 0 || number != numbers[i - 1] + 1) {
      doc.check("page label", HPDF_AddPageLabel(doc.get(), static_cast<HPDF_UINT>(i), HPDF_PAGE_NUM_STYLE_DECIMAL,
                                                static_cast<HPDF_UINT>(number), nullptr));
    }
  }
}

// Runs `step`; true when it went through, else its failure is an error in
// `diags` (at the span a PdfError names).
template <typename Step>
bool reported(core::Diagnostics& diags, Step&& step) {
  try {
    step();
    return true;
  } catch (const PdfError& e) {
    diags.error(e.span(), e.what());
  } catch (const std::exception& e) {
    diags.error({}, std::string("writing the PDF: ") + e.what());
  }
  return false;
}

}  // namespace

struct PdfWriter::State {
  State(const frame::Metadata& meta, const std::optional<core::PressOutput>& press_output, const PdfOptions& opts,
        core::Diagnostics& diags)
      : options(opts), press(press_output), id(meta), fonts(doc, opts.font_sources) {
    // Soft masks (PNG transparency) need PDF 1.4; libharu starts at 1.3,
    // which is also what PDF/X-1a:2001 asks for (no transparency at all).
    doc.set_version(press ? HPDF_VER_13 : HPDF_VER_14);
    doc.check("compression", HPDF_SetCompressionMode(doc.get(), HPDF_COMP_ALL));
    write_metadata(doc, meta, diags);
    if (press) {
      try {
        profile.emplace(color::PressProfile::load(press->profile));
      } catch (const color::ProfileError& e) {
        throw PdfError({}, e.what());
      }
      write_pdfx_parts(doc, *profile);
      images.emplace(doc, *press, *profile);
    } else {
      images.emplace(doc);
    }
  }

  PdfOptions options;
  std::optional<core::PressOutput> press;
  HpdfDocument doc;
  std::optional<color::PressProfile> profile;
  DocumentId id;
  PdfFonts fonts;
  std::optional<PdfImages> images;
  std::vector<HPDF_Page> pages;
  std::vector<PageGeometry> geometry;
  std::vector<int> numbers;  // each page's folio
};

PdfWriter::PdfWriter(const frame::Metadata& meta, const std::optional<core::PressOutput>& press,
                     const PdfOptions& options, core::Diagnostics& diags)
    : diags_(diags) {
  reported(diags, [&] { state_ = std::make_unique<State>(meta, press, options, diags); });
}

PdfWriter::~PdfWriter() = default;

void PdfWriter::add_page(const frame::Page& page, const std::vector<core::FontFace>& faces) {
  if (!state_) return;
  State& s = *state_;
  const bool painted = reported(diags_, [&] {
    const std::size_t index = s.pages.size();
    s.geometry.push_back(page_geometry(page));
    s.pages.push_back(new_page(s.doc, page, s.geometry.back(), index, s.press.has_value()));
    s.numbers.push_back(page.number);
    if (s.press) s.id.add_page(page);  // PDF/X's document ID
    PagePainter painter(s.doc, s.pages.back(), s.geometry.back(), s.fonts, faces, *s.images);
    painter.draw_crop_marks(page.crop_marks);
    for (const auto& item : page.items) painter.draw(item);
    if (s.options.debug_boxes) {
      for (const auto& item : page.debug_items) painter.draw(item);
    }
    painter.finish();
    s.doc.pack_content(s.pages.back(), kContentDeflateLevel);
  });
  if (!painted) state_.reset();  // later pages are ignored
}

std::string PdfWriter::finish(const std::vector<frame::Bookmark>& bookmarks) {
  if (!state_) return {};
  State& s = *state_;
  std::string out;
  reported(diags_, [&] {
    if (s.pages.empty()) throw PdfError({}, "nothing to print: the publication has no pages");
    s.fonts.finish();
    write_page_labels(s.doc, s.numbers);
    write_bookmarks(s.doc, bookmarks, s.pages, s.geometry, diags_);
    if (s.press) s.id.write(s.doc);
    out = s.doc.save();
  });
  state_.reset();
  return out;
}

std::string write_pdf(const frame::Publication& pub, const PdfOptions& options, core::Diagnostics& diags) {
  PdfWriter writer(pub.meta, pub.press, options, diags);
  for (const auto& page : pub.pages) writer.add_page(page, pub.faces);
  return writer.finish(pub.bookmarks);
}

}  // namespace render
