#pragma once
// The publication's fonts inside the libharu document: each face actually
// drawn is subset (font_subset.h) and written by hand as a Type0 font with
// Identity-H over a CIDFontType2 (TrueType, /CIDToGIDMap /Identity) or a
// CIDFontType0 (CFF, FontFile3 /CIDFontType0C). libharu only keeps the
// objects and streams; its own font code (TrueType only, codes through its
// UTF-8 encoder, which turns everything above U+FFFF into a space) is not
// used. Each font has:
// - /FontDescriptor with the subset program, deflated here;
// - /W and /DW with the commonest width as default;
// - /ToUnicode: an exact map from each code to its text (to_unicode.h);
// and one Type0/CIDFont pair per instance (font_subset.h), all sharing the
// descriptor and program.
#include <hpdf.h>

#include <vector>

#include "frame/frame.h"
#include "render/pdf/font_subset.h"
#include "render/pdf/hpdf_document.h"

namespace render::pdf {

class FontSources;

struct PdfFont {
  std::vector<HPDF_Dict> instances;  // the Type0 font dictionary of each instance
  SubsetFont subset;                 // program dropped once written
};

class PdfFonts {
 public:
  // Subsets and writes every face that some glyph run draws with (debug
  // items count only when they will be drawn), CFF faces read from
  // `shared` when given (font_sources.h). Throws PdfError.
  PdfFonts(HpdfDocument& doc, const frame::Publication& pub, bool include_debug_items,
           FontSources* shared = nullptr);

  // The loaded font for Publication::faces[face]; only for faces in use.
  const PdfFont& font(int face) const { return fonts_[static_cast<std::size_t>(font_of_face_[face])]; }

 private:
  std::vector<PdfFont> fonts_;
  std::vector<int> font_of_face_;  // Publication face -> fonts_ index, -1 when unused
};

}  // namespace render::pdf
