#pragma once
// Photos inside the libharu document, each file embedded once however often
// it is drawn. Screen output: JPEG (grey, RGB, CMYK) is passed through
// untouched; PNG is decoded and stored deflated, its transparency as a soft
// mask. Press output: each photo as press_photo makes it (CMYK or gray, no
// transparency, at most the press's resolution), once per printed size.
#include <hpdf.h>

#include <map>
#include <optional>
#include <string>

#include "color/press_pixels.h"
#include "core/source_span.h"
#include "frame/frame.h"
#include "image/orientation.h"
#include "render/pdf/hpdf_document.h"

namespace render::pdf {

struct PdfImage {
  HPDF_Image handle = nullptr;
  int width = 0, height = 0;  // the file's own pixels, as shown (EXIF orientation applied)
  // How the stored pixels are turned upright when drawn: a JPEG keeps its
  // bytes, so its orientation is applied by the drawing transform.
  image::Orientation orientation = image::Orientation::Normal;
};

class PdfImages {
 public:
  explicit PdfImages(HpdfDocument& doc) : doc_(doc) {}
  // Press output through `profile` (which must outlive this).
  PdfImages(HpdfDocument& doc, const core::PressOutput& press, const color::PressProfile& profile)
      : doc_(doc), press_(&press), inks_(std::in_place, profile, press.ink_limit) {}

  // Throws PdfError at the image's span when the file cannot be read or embedded.
  const PdfImage& get(const frame::Image& image);

 private:
  PdfImage load(const frame::Image& image);
  PdfImage load_for_press(const frame::Image& image, const core::Size& printed);
  HpdfDocument& doc_;
  const core::PressOutput* press_ = nullptr;
  std::optional<color::PhotoInks> inks_;
  std::map<std::string, PdfImage> cache_;  // by path (and printed size, for a press)
};

}  // namespace render::pdf
