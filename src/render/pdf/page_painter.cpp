#include "render/pdf/page_painter.h"

#include <hpdf_utils.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "render/pdf/font_subset.h"
#include "render/pdf/pdf_error.h"
#include "render/pdf/text_segments.h"

namespace render::pdf {
namespace {

constexpr double kMaxFontSize = 600;   // HPDF_MAX_FONTSIZE
constexpr double kMaxLineWidth = 100;  // HPDF_MAX_LINEWIDTH
// libharu's ShowText silently draws nothing when the text's width comes
// to 0 (a lone zero-advance glyph, e.g. a combining mark, with Tc 0); a
// Tc this small moves nothing visibly and keeps the glyph.
constexpr double kNonZeroCharSpace = 0.00001;

HPDF_REAL unit(double v) { return static_cast<HPDF_REAL>(std::clamp(v, 0.0, 1.0)); }
HPDF_REAL real(double v) { return static_cast<HPDF_REAL>(v); }

void append_hex16(std::string& out, std::uint16_t v) {
  constexpr char kHex[] = "0123456789ABCDEF";
  for (int shift = 12; shift >= 0; shift -= 4) out.push_back(kHex[(v >> shift) & 0xF]);
}

}  // namespace

PagePainter::PagePainter(HpdfDocument& doc, HPDF_Page page, const PageGeometry& geometry, PdfFonts& fonts,
                         const std::vector<core::FontFace>& faces, PdfImages& images)
    : doc_(doc), page_(page), g_(geometry), fonts_(fonts), faces_(faces), images_(images) {}

void PagePainter::draw_crop_marks(const std::vector<frame::Rule>& marks) {
  if (marks.empty()) return;
  end_text();
  // In their own q/Q, so the tracked state stays true: afterwards it is
  // what it was before.
  doc_.check("crop marks", HPDF_Page_GSave(page_));
  const auto stroke = stroke_;
  const auto line_width = line_width_;
  for (std::size_t i = 0; i < marks.size(); ++i) {
    const frame::Rule& m = marks[i];
    set_stroke(m.color);
    set_line_width(m.width);
    HPDF_Page_MoveTo(page_, real(g_.x(m.from.x)), real(g_.y(m.from.y)));
    HPDF_Page_LineTo(page_, real(g_.x(m.to.x)), real(g_.y(m.to.y)));
    // One path for each run of marks that look alike.
    const bool last_alike = i + 1 == marks.size() || !(marks[i + 1].color == m.color) || marks[i + 1].width != m.width;
    if (last_alike) HPDF_Page_Stroke(page_);
  }
  doc_.check("crop marks", HPDF_Page_GRestore(page_));
  stroke_ = stroke;
  line_width_ = line_width;
}

void PagePainter::draw(const frame::Item& item) {
  std::visit(
      [this](const auto& it) {
        using T = std::decay_t<decltype(it)>;
        if constexpr (std::is_same_v<T, frame::GlyphRun>) draw_run(it);
        if constexpr (std::is_same_v<T, frame::Image>) draw_image(it);
        if constexpr (std::is_same_v<T, frame::Rule>) draw_rule(it);
        if constexpr (std::is_same_v<T, frame::Box>) draw_box(it);
      },
      item);
}

void PagePainter::finish() { end_text(); }

void PagePainter::draw_run(const frame::GlyphRun& run) {
  if (run.glyphs.empty()) return;
  if (!(run.size > 0 && run.size <= kMaxFontSize)) {
    throw PdfError(run.span, "font size " + std::to_string(run.size) + " pt is outside (0, 600]");
  }
  if (run.face < 0 || static_cast<std::size_t>(run.face) >= faces_.size()) {
    throw PdfError(run.span, "glyph run uses font face " + std::to_string(run.face) + " but the publication has " +
                                 std::to_string(faces_.size()));
  }
  PdfFont& font = fonts_.font(faces_[static_cast<std::size_t>(run.face)], run.span);
  const std::size_t n = run.glyphs.size();
  std::vector<CodeRef> refs(n);
  std::vector<double> x(n), width(n);
  const std::vector<GlyphUse> uses = uses_of(run);
  for (std::size_t i = 0; i < n; ++i) {
    refs[i] = font.code(uses[i], run.glyphs[i].advance / run.size, run.span);
    x[i] = run.glyphs[i].x;
    width[i] = font.width(refs[i]) * run.size / 1000.0;
  }

  begin_text();
  set_fill(run.color);
  const auto baseline = real(g_.y(run.baseline));
  std::string hex;
  for (const auto& seg : split_text_segments(x, width)) {
    if (seg.char_space) set_char_space(*seg.char_space);
    double advance = 0;
    for (std::size_t i = seg.first; i < seg.first + seg.count; ++i) advance += width[i];
    if (advance == 0 && char_space_ == 0) set_char_space(kNonZeroCharSpace);
    HPDF_Page_SetTextMatrix(page_, 1, 0, 0, 1, real(g_.x(x[seg.first])), baseline);
    // One show per stretch of glyphs from the same instance of the font.
    for (std::size_t i = seg.first; i < seg.first + seg.count;) {
      const std::uint16_t instance = refs[i].instance;
      set_font(font.instance(doc_, instance), run.size);
      hex.clear();
      hex.push_back('<');
      for (; i < seg.first + seg.count && refs[i].instance == instance; ++i) append_hex16(hex, refs[i].code);
      hex.append("> Tj\012");
      write_content(hex);
    }
  }
  doc_.check("draw text");
}

void PagePainter::set_font(HPDF_Dict font, double size) {
  if (font_ == font && font_size_ == size) return;
  const char* name = HPDF_Page_GetLocalFontName(page_, font);
  if (!name) doc_.check("set font", HPDF_FAILD_TO_ALLOC_MEM);
  std::string op = "/";
  op.append(name).append(" ");
  char number[32];
  HPDF_FToA(number, real(size), number + sizeof number - 1);
  op.append(number).append(" Tf\012");
  write_content(op);
  font_ = font;
  font_size_ = size;
}

// Text operators libharu's API has no form for (its ShowText goes through
// its own font objects): written straight into the page's content stream.
void PagePainter::write_content(const std::string& ops) { doc_.write_content(page_, ops); }

void PagePainter::draw_image(const frame::Image& image) {
  const bool cropped = image.picture.width > 0;
  const core::Rect& b = cropped ? image.picture : image.box;
  if (!(b.width > 0 && b.height > 0)) return;
  const PdfImage& img = images_.get(image);
  end_text();
  if (cropped) {
    // Make-up cropped the photo: clip the picture to the box that shows.
    const core::Rect& v = image.box;
    HPDF_Page_GSave(page_);
    HPDF_Page_Rectangle(page_, real(g_.x(v.x)), real(g_.y(v.bottom())), real(v.width), real(v.height));
    HPDF_Page_Clip(page_);
    HPDF_Page_EndPath(page_);
  }
  // The box's matrix after the one that turns the stored pixels upright.
  const auto [a, bb, c, d, e, f] = image::upright_transform(img.orientation);
  const double x = g_.x(b.x), y = g_.y(b.bottom());
  HPDF_Page_GSave(page_);
  HPDF_Page_Concat(page_, real(b.width * a), real(b.height * bb), real(b.width * c), real(b.height * d),
                   real(x + b.width * e), real(y + b.height * f));
  HPDF_Page_ExecuteXObject(page_, img.handle);
  HPDF_Page_GRestore(page_);
  if (cropped) HPDF_Page_GRestore(page_);
  doc_.check("draw photo");
}

void PagePainter::draw_rule(const frame::Rule& rule) {
  end_text();
  set_stroke(rule.color);
  set_line_width(rule.width);
  HPDF_Page_MoveTo(page_, real(g_.x(rule.from.x)), real(g_.y(rule.from.y)));
  HPDF_Page_LineTo(page_, real(g_.x(rule.to.x)), real(g_.y(rule.to.y)));
  HPDF_Page_Stroke(page_);
  doc_.check("draw rule");
}

void PagePainter::draw_box(const frame::Box& box) {
  if (!box.fill && !box.stroke) return;
  end_text();
  if (box.fill) set_fill(box.fill_color);
  if (box.stroke) {
    set_stroke(box.stroke_color);
    set_line_width(box.stroke_width);
  }
  const core::Rect& r = box.rect;
  HPDF_Page_Rectangle(page_, real(g_.x(r.x)), real(g_.y(r.bottom())), real(r.width), real(r.height));
  if (box.fill && box.stroke) {
    HPDF_Page_FillStroke(page_);
  } else if (box.fill) {
    HPDF_Page_Fill(page_);
  } else {
    HPDF_Page_Stroke(page_);
  }
  doc_.check("draw box");
}

void PagePainter::begin_text() {
  if (in_text_) return;
  doc_.check("begin text", HPDF_Page_BeginText(page_));
  in_text_ = true;
}

void PagePainter::end_text() {
  if (!in_text_) return;
  doc_.check("end text", HPDF_Page_EndText(page_));
  in_text_ = false;
}

void PagePainter::set_fill(const core::Color& c) {
  if (fill_ && *fill_ == c) return;
  const auto& v = c.v;
  switch (c.space) {
    case core::Color::Space::Rgb: HPDF_Page_SetRGBFill(page_, unit(v[0]), unit(v[1]), unit(v[2])); break;
    case core::Color::Space::Gray: HPDF_Page_SetGrayFill(page_, unit(v[0])); break;
    case core::Color::Space::Cmyk: HPDF_Page_SetCMYKFill(page_, unit(v[0]), unit(v[1]), unit(v[2]), unit(v[3])); break;
  }
  fill_ = c;
}

void PagePainter::set_stroke(const core::Color& c) {
  if (stroke_ && *stroke_ == c) return;
  const auto& v = c.v;
  switch (c.space) {
    case core::Color::Space::Rgb: HPDF_Page_SetRGBStroke(page_, unit(v[0]), unit(v[1]), unit(v[2])); break;
    case core::Color::Space::Gray: HPDF_Page_SetGrayStroke(page_, unit(v[0])); break;
    case core::Color::Space::Cmyk:
      HPDF_Page_SetCMYKStroke(page_, unit(v[0]), unit(v[1]), unit(v[2]), unit(v[3]));
      break;
  }
  stroke_ = c;
}

void PagePainter::set_line_width(double w) {
  w = std::clamp(w, 0.0, kMaxLineWidth);
  if (line_width_ && *line_width_ == w) return;
  HPDF_Page_SetLineWidth(page_, real(w));
  line_width_ = w;
}

void PagePainter::set_char_space(double tc) {
  if (tc == char_space_) return;
  HPDF_Page_SetCharSpace(page_, real(tc));
  char_space_ = tc;
}

}  // namespace render::pdf
