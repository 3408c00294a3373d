#pragma once
// Where a frame page lands on the PDF page. The frame measures from the
// top-left corner of the trimmed page, y down; PDF measures from the
// bottom-left of the MediaBox, y up. The MediaBox is the trimmed page with
// the paper layout put around it (the bleed, and room for crop marks).
#include "frame/frame.h"

namespace render::pdf {

struct PdfBox {
  double left = 0, bottom = 0, right = 0, top = 0;
};

struct PageGeometry {
  double media_width = 0, media_height = 0;
  double margin = 0;  // trim box inset from the MediaBox on every side
  double trim_height = 0;
  PdfBox trim, bleed;

  double x(double frame_x) const { return margin + frame_x; }
  double y(double frame_y) const { return margin + trim_height - frame_y; }
  bool has_boxes() const { return margin > 0; }
};

PageGeometry page_geometry(const frame::Page& page);

}  // namespace render::pdf
