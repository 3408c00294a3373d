#pragma once
// Where a frame page lands on the PDF page. The frame measures from the
// top-left corner of the trimmed page, y down; PDF measures from the
// bottom-left of the MediaBox, y up. With bleed the MediaBox grows by the
// bleed on every side; with crop marks it grows further, so the marks sit
// outside the bleed where the guillotine cuts them away.
#include <vector>

#include "frame/frame.h"

namespace render::pdf {

struct PdfBox {
  double left = 0, bottom = 0, right = 0, top = 0;
};

struct PdfLine {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// Crop marks: 0.25 pt hairlines, 5 mm long, starting 3 mm from the trim
// (or at the bleed edge when the bleed is wider), as presses expect.
constexpr double kCropMarkLength = 5 * frame::kPtPerMm;
constexpr double kCropMarkGap = 3 * frame::kPtPerMm;
constexpr double kCropMarkSlug = 1 * frame::kPtPerMm;  // paper left beyond the marks' ends
constexpr double kCropMarkWidth = 0.25;

struct PageGeometry {
  double media_width = 0, media_height = 0;
  double margin = 0;  // trim box inset from the MediaBox on every side
  double trim_height = 0;
  PdfBox trim, bleed;
  std::vector<PdfLine> crop_marks;  // 8 lines when asked for, else none

  double x(double frame_x) const { return margin + frame_x; }
  double y(double frame_y) const { return margin + trim_height - frame_y; }
  bool has_boxes() const { return margin > 0; }
};

PageGeometry page_geometry(const frame::Page& page);

}  // namespace render::pdf
