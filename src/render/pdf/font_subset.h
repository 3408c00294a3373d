#pragma once
// One font of the publication cut down to the glyphs drawn with it.
// HarfBuzz's hb-subset keeps only those glyphs (renumbered 1..n), from
// TrueType (glyf) and OpenType/CFF faces alike; the writer embeds the
// result itself as a CIDFontType2 (FontFile2) or CIDFontType0 (FontFile3
// /CIDFontType0C) with Identity-H, so a code on the page is:
// - for TrueType, the subset's glyph id (/CIDToGIDMap /Identity);
// - for CFF, the glyph's CID in the subset's charset (its glyph id in a
//   name-keyed CFF).
// No character code is involved, so characters above U+FFFF (𬭎) and
// glyphs that stand for no single character (alternate forms, clusters)
// need nothing special; /ToUnicode maps every code back to its text.
// A glyph drawn at two widths (see uses_of) or standing for two texts is
// drawn from a second *instance* of the font: the same embedded program
// and descriptor, its own /W and /ToUnicode.
// Pure HarfBuzz; no libharu here.
#include <compare>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "frame/frame.h"

namespace render::pdf {

// A glyph as drawn: the same glyph standing for different text needs its
// own code, since ToUnicode maps codes, not glyphs.
struct GlyphUse {
  std::uint32_t gid = 0;
  std::string text;  // UTF-8, may be ""
  int width = -1;    // 1/1000 em when narrower than the font's advance; -1 = the font's own
  auto operator<=>(const GlyphUse&) const = default;
};

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

enum class Outlines { TrueType, Cff };

// Where a use is drawn from: which instance of the font, and its code.
struct CodeRef {
  std::uint16_t instance = 0;
  std::uint16_t code = 0;
  auto operator<=>(const CodeRef&) const = default;
};

// What one instance's /W and /ToUnicode say.
struct FontInstance {
  std::map<std::uint16_t, int> width_of_code;  // 1/1000 em, rounded
  std::map<std::uint16_t, std::u32string> text_of_code;
};

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
  std::map<GlyphUse, CodeRef> code_of;
  std::vector<FontInstance> instances;  // at least one
  FontMetrics metrics;
  std::size_t glyph_count = 0;  // glyphs in the subset, .notdef included
};

class FontSources;

// Throws std::runtime_error (message without the file name's context) when
// the font cannot be read, has neither TrueType nor CFF outlines, or
// forbids embedding or subsetting. With `shared`, a CFF face is read from
// the copy documents share instead of from the file (same subset).
SubsetFont subset_font(const core::FontFace& face, const std::set<GlyphUse>& uses, FontSources* shared = nullptr);

}  // namespace render::pdf
