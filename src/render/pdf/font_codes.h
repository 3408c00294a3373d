#pragma once
// The code each glyph is drawn with, decided as the pages are painted —
// before the font is subset, so that a page can be written out and let go
// as soon as it is made up. Codes are Identity-H, two bytes:
// - in a CFF font, the glyph's CID (its glyph id in a name-keyed CFF, which
//   is then subset keeping glyph ids): what the subset's charset gives it;
// - in a TrueType font, numbered in order of first use from 1; the font's
//   /CIDToGIDMap maps each to its glyph in the subset.
// A glyph drawn at a second width or standing for a second text (see
// GlyphUse) is drawn from a second *instance* of the font with the same
// code: its first use is instance 0, its k-th other use instance k.
// Pure bookkeeping; no HarfBuzz or libharu here.
#include <compare>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace render::pdf {

// A glyph as drawn: the same glyph standing for different text needs its
// own code, since ToUnicode maps codes, not glyphs.
struct GlyphUse {
  std::uint32_t gid = 0;
  std::string text;  // UTF-8, may be ""
  int width = -1;    // 1/1000 em when narrower than the font's advance; -1 = the font's own
  auto operator<=>(const GlyphUse&) const = default;
};

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

class FontCodes {
 public:
  // `glyph_count`: glyphs in the font; `cid_of_gid`: a CFF font's CIDs by
  // glyph id (empty for TrueType).
  FontCodes(Outlines outlines, unsigned glyph_count, std::vector<std::uint16_t> cid_of_gid);

  // The code of `use`, given on first sight; `own_width` is the glyph's
  // advance in 1/1000 em, its width unless the use has one. Throws
  // std::runtime_error for a glyph id the font does not have, or a 65,536th code.
  CodeRef code(const GlyphUse& use, int own_width);
  int width(CodeRef ref) const { return instances_[ref.instance].width_of_code.at(ref.code); }

  Outlines outlines() const { return outlines_; }
  const std::map<GlyphUse, CodeRef>& codes() const { return code_of_; }
  const std::vector<FontInstance>& instances() const { return instances_; }
  // TrueType: the glyph (in the whole font) each code draws, index = code;
  // entry 0 is .notdef.
  const std::vector<std::uint32_t>& glyph_of_code() const { return glyph_of_code_; }

 private:
  Outlines outlines_;
  unsigned glyph_count_;
  std::vector<std::uint16_t> cid_of_gid_;
  std::map<GlyphUse, CodeRef> code_of_;
  struct Glyph {
    std::uint16_t code = 0;
    std::uint16_t uses = 0;  // instances given out so far
  };
  std::map<std::uint32_t, Glyph> glyph_;
  std::vector<FontInstance> instances_;
  std::vector<std::uint32_t> glyph_of_code_{0};
};

}  // namespace render::pdf
