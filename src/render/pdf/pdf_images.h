#pragma once
// Photos inside the libharu document, each file embedded once however often
// it is drawn. JPEG (grey, RGB, CMYK) is passed through untouched; PNG is
// decoded and stored deflated, its transparency as a soft mask.
#include <hpdf.h>

#include <map>
#include <string>

#include "image/orientation.h"
#include "render/pdf/hpdf_document.h"
#include "source/source_span.h"

namespace render::pdf {

struct PdfImage {
  HPDF_Image handle = nullptr;
  int width = 0, height = 0;  // pixels, as shown (EXIF orientation applied)
  // How the stored pixels are turned upright when drawn: a JPEG keeps its
  // bytes, so its orientation is applied by the drawing transform.
  image::Orientation orientation = image::Orientation::Normal;
};

class PdfImages {
 public:
  explicit PdfImages(HpdfDocument& doc) : doc_(doc) {}

  // Throws PdfError at `span` when the file cannot be read or embedded.
  const PdfImage& get(const std::string& path, const source::SourceSpan& span);

 private:
  PdfImage load(const std::string& path);
  HpdfDocument& doc_;
  std::map<std::string, PdfImage> cache_;
};

// Photos printed below this resolution look soft in print: warn.
constexpr double kMinPrintDpi = 150;

}  // namespace render::pdf
