#pragma once
// The publication's fonts inside the libharu document: each face actually
// drawn is subset (font_subset.h) and registered as a Type0/CIDFontType2
// font with libharu's "UTF-8" encoder, whose CIDs are the codes the
// subset's cmap gives. libharu is handed only a metrics copy of the subset
// (glyph outlines cut to their headers) and told it is not embedding, so it
// computes no more than it must; the writer supplies what libharu 2.3.0
// would get wrong or slow:
// - /FontDescriptor with /FontFile2: the subset file itself, deflated here
//   at a faster level (libharu would re-assemble a 13-table copy);
// - /CIDToGIDMap up to the highest code used (libharu's spans 65,535);
// - /W and /DW with the commonest width as default (libharu's default is
//   .notdef's width, which lists every Han character in /W);
// - /ToUnicode: an exact map from each code to its text (to_unicode.h);
// - CIDSystemInfo /Ordering "Identity-H" (a CMap name) becomes "Identity".
#include <hpdf.h>

#include <vector>

#include "frame/frame.h"
#include "render/pdf/font_subset.h"
#include "render/pdf/hpdf_document.h"

namespace render::pdf {

struct PdfFont {
  HPDF_Font handle = nullptr;
  SubsetFont subset;
};

class PdfFonts {
 public:
  // Subsets and loads every face that some glyph run draws with (debug
  // items count only when they will be drawn). Throws PdfError.
  PdfFonts(HpdfDocument& doc, const frame::Publication& pub, bool include_debug_items);

  // The loaded font for Publication::faces[face]; only for faces in use.
  const PdfFont& font(int face) const { return fonts_[static_cast<std::size_t>(font_of_face_[face])]; }

 private:
  std::vector<PdfFont> fonts_;
  std::vector<int> font_of_face_;  // Publication face -> fonts_ index, -1 when unused
};

}  // namespace render::pdf
