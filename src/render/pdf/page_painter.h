#pragma once
// Draws one frame page's items onto a libharu page, in the order given (so
// text is extracted in the reading order layout chose). Keeps track of the
// graphics state it set so that a page repeats no colour, width or font.
#include <hpdf.h>

#include <optional>
#include <string>
#include <vector>

#include "frame/frame.h"
#include "render/pdf/hpdf_document.h"
#include "render/pdf/page_geometry.h"
#include "render/pdf/pdf_fonts.h"
#include "render/pdf/pdf_images.h"

namespace render::pdf {

class PagePainter {
 public:
  // `faces`: what the runs' face numbers index.
  PagePainter(HpdfDocument& doc, HPDF_Page page, const PageGeometry& geometry, PdfFonts& fonts,
              const std::vector<core::FontFace>& faces, PdfImages& images);

  void draw_crop_marks(const std::vector<frame::Rule>& marks);
  void draw(const frame::Item& item);
  // Closes an open text object; call after the last item.
  void finish();

 private:
  void draw_run(const frame::GlyphRun& run);
  void draw_image(const frame::Image& image);
  void draw_rule(const frame::Rule& rule);
  void draw_box(const frame::Box& box);

  void begin_text();
  void end_text();
  void set_fill(const core::Color& c);
  void set_stroke(const core::Color& c);
  void set_line_width(double w);
  void set_char_space(double tc);
  void set_font(HPDF_Dict font, double size);
  void write_content(const std::string& ops);

  HpdfDocument& doc_;
  HPDF_Page page_;
  const PageGeometry& g_;
  PdfFonts& fonts_;
  const std::vector<core::FontFace>& faces_;
  PdfImages& images_;

  bool in_text_ = false;
  std::optional<core::Color> fill_, stroke_;
  std::optional<double> line_width_;
  HPDF_Dict font_ = nullptr;
  double font_size_ = 0;
  double char_space_ = 0;  // PDF's initial Tc
};

}  // namespace render::pdf
