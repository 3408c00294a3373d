#pragma once
// One font of the publication cut down to the glyphs drawn with it.
// HarfBuzz's hb-subset keeps only those glyphs (renumbered 1..n, or at
// their own ids in a name-keyed CFF), from TrueType (glyf) and
// OpenType/CFF faces alike; the writer embeds the result itself as a
// CIDFontType2 (FontFile2) or CIDFontType0 (FontFile3 /CIDFontType0C) with
// Identity-H and the codes font_codes.h gave out while the pages were
// painted. No character code is involved, so characters above U+FFFF (𬭎)
// and glyphs that stand for no single character (alternate forms,
// clusters) need nothing special; /ToUnicode maps every code back to its
// text. A glyph drawn at two widths (see uses_of) or standing for two
// texts is drawn from a second *instance* of the font: the same embedded
// program and descriptor, its own /W and /ToUnicode.
// Pure HarfBuzz; no libharu here.
#include <compare>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "frame/frame.h"
#include "render/pdf/font_codes.h"

namespace render::pdf {

// The uses of a run's glyphs. Most gaps in a line are the line's own
// spacing (drawn with Tc); a glyph followed by a gap well off that spacing
// gets a width of its own that absorbs the difference: narrower for
// compressed punctuation (。” or 》、《 take 1.5 em), wider before a
// quarter-em Han–Latin gap or a narrow quote set in a full-width cell. The
// widths in the PDF then agree with the positions, so text extraction sees
// neither overlapping glyphs (which break a line in two) nor gaps that read
// as spaces the source does not have. A run's last glyph, which no gap
// follows, takes the room layout gave it when that is narrower (a mark
// squeezed into the end of a line), so that its box ends at the measure.
std::vector<GlyphUse> uses_of(const frame::GlyphRun& run);

// The FontDescriptor's numbers, in 1/1000 em.
struct FontMetrics {
  int bbox[4] = {0, 0, 1000, 1000};
  int ascent = 880, descent = -120, cap_height = 700, stem_v = 80;
  double italic_angle = 0;
  int flags = 4;  // symbolic: CJK glyphs are outside the standard Latin set
};

struct SubsetFont {
  std::string base_name;  // "ABCDEF+NotoSerifCJKsc-Regular": tag from a hash of the glyphs and codes
  Outlines outlines = Outlines::TrueType;
  // What is embedded: a TrueType font (outlines, metrics, our `name`, no
  // `cmap`) or a bare CFF table.
  std::string program;
  // TrueType: the subset's glyph for each code (FontCodes::glyph_of_code),
  // the /CIDToGIDMap. Empty for CFF, whose codes are CIDs.
  std::vector<std::uint16_t> glyph_of_code;
  FontMetrics metrics;
  std::size_t glyph_count = 0;  // glyphs in the subset, .notdef included
};

class FontSources;

// Opens `face` for painting: what its glyphs' codes are (font_codes.h),
// reading its metrics and a CFF face's charset, not its outlines. Throws
// std::runtime_error (message without the file name's context) when the
// font cannot be read or has neither TrueType nor CFF outlines.
FontCodes font_codes(const core::FontFace& face);

// The subset of every glyph `codes` gave out. Throws std::runtime_error
// when the font cannot be read or forbids embedding or subsetting. With
// `shared`, a CFF face is read from the copy documents share instead of
// from the file (same subset).
SubsetFont subset_font(const core::FontFace& face, const FontCodes& codes, FontSources* shared = nullptr);

}  // namespace render::pdf
