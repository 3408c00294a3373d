#pragma once
// The publication's fonts inside the libharu document, built up as the
// pages are painted: each face a page draws with is opened on first use,
// gives each glyph use its code then (font_codes.h), and is subset and
// written when the last page is done (font_subset.h). Each is written by
// hand as a Type0 font with Identity-H over a CIDFontType2 (TrueType, with
// a /CIDToGIDMap from codes to the subset's glyphs) or a CIDFontType0
// (CFF, FontFile3 /CIDFontType0C). libharu only keeps the objects and
// streams; its own font code (TrueType only, codes through its UTF-8
// encoder, which turns everything above U+FFFF into a space) is not used.
// Each font has:
// - /FontDescriptor with the subset program, deflated here;
// - /W and /DW with the commonest width as default;
// - /ToUnicode: an exact map from each code to its text (to_unicode.h);
// and one Type0/CIDFont pair per instance, all sharing the descriptor and
// program. A page refers to an instance's Type0 dictionary, which exists
// from the first use and is filled in at the end.
#include <hpdf.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/font_face.h"
#include "core/source_span.h"
#include "render/pdf/font_codes.h"
#include "render/pdf/hpdf_document.h"

namespace render::pdf {

class FontSources;

// One font file's face as the pages use it.
class PdfFont {
 public:
  PdfFont(core::FontFace face, FontCodes codes, core::SourceSpan first_use)
      : face_(std::move(face)), codes_(std::move(codes)), first_use_(std::move(first_use)) {}
  // The code of `use` (font_codes.h); `advance_em` is the glyph's own
  // advance in ems (the frame's advance over its size). Throws PdfError at `span`.
  CodeRef code(const GlyphUse& use, double advance_em, const core::SourceSpan& span);
  // The width `ref` is drawn at, 1/1000 em.
  int width(CodeRef ref) const { return codes_.width(ref); }
  // The Type0 font dictionary of instance `k`, made on first call.
  HPDF_Dict instance(HpdfDocument& doc, std::uint16_t k);
  // Subsets the font and fills in every instance's dictionary.
  void write(HpdfDocument& doc, FontSources* shared);

 private:
  core::FontFace face_;
  FontCodes codes_;
  core::SourceSpan first_use_;  // where errors about this font point
  std::vector<HPDF_Dict> instances_;
};

class PdfFonts {
 public:
  // CFF faces are subset from `shared` when given (font_sources.h).
  PdfFonts(HpdfDocument& doc, FontSources* shared);
  ~PdfFonts();

  // The font of `face`, opened on first use (`span`: the run using it, for
  // errors). Throws PdfError.
  PdfFont& font(const core::FontFace& face, const core::SourceSpan& span);
  // Subsets and writes every font used, in order of first use. Throws PdfError.
  void finish();

 private:
  HpdfDocument& doc_;
  FontSources* shared_;
  std::map<std::pair<std::string, int>, std::size_t> index_;  // (path, face index) -> fonts_
  std::vector<std::unique_ptr<PdfFont>> fonts_;
};

}  // namespace render::pdf
