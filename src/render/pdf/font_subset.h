#pragma once
// One font of the publication cut down to the glyphs drawn with it, ready
// for libharu. HarfBuzz's hb-subset keeps only those glyphs (renumbered
// 1..n); the writer then gives every (glyph, text) pair a 2-byte code and
// writes its own `cmap` so that codes are what libharu's UTF-8 path draws:
// - the real code point for a glyph that is the font's nominal glyph of a
//   single BMP character, so the CIDs in the page read as Unicode;
// - a private-use code (U+E000…) otherwise: alternate forms, clusters and
//   every character above U+FFFF, which libharu's UTF-8 encoder would
//   otherwise turn into spaces.
// The /ToUnicode CMap maps every code back to its text.
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
// as spaces the source does not have.
std::vector<GlyphUse> uses_of(const frame::GlyphRun& run);

struct SubsetFont {
  std::string base_name;  // "ABCDEF+UMingCN": subset tag from a hash of the glyphs and codes
  // The TrueType program to embed: outlines and metrics, our `name`, no
  // `cmap` (a CIDFontType2 reaches glyphs through /CIDToGIDMap).
  std::string sfnt;
  // What libharu loads: the same font with our `cmap` and each glyph cut
  // to its 10-byte header (contour count, bounding box), all libharu ever
  // reads of glyf; it spares libharu copying outlines byte by byte.
  std::string metrics_sfnt;
  std::vector<std::uint16_t> gid_of_code;  // CIDToGIDMap: index = code, 0 = unused
  std::map<GlyphUse, std::uint16_t> code_of;
  std::map<std::uint16_t, std::u32string> text_of_code;
  // Advance per code in 1/1000 em, rounded: what /W says, so the page
  // positions glyphs with exactly the widths viewers will use.
  std::map<std::uint16_t, int> width_of_code;
  int cap_height = 0;  // 1/1000 em
  std::size_t glyph_count = 0;  // glyphs in the subset, .notdef included
};

// Throws std::runtime_error (message without the file name's context) when
// the font cannot be read, is not glyf-based TrueType, forbids embedding or
// subsetting, or has too many distinct glyphs for one 2-byte code space.
SubsetFont subset_font(const frame::FontFace& face, const std::set<GlyphUse>& uses);

}  // namespace render::pdf
