#pragma once
// Where the typesetter gets glyphs and their sizes from. The real source is
// the FontBook (HarfBuzz metrics, fontconfig fallback); tests and the layout
// stage's own tests can use MonoMetrics, a fake monospace font in which
// every CJK character is 1 em and every other character 0.5 em, so expected
// lines can be worked out by hand.
#include <cstdint>
#include <set>

#include "core/font_role.h"
#include "text/font_book.h"

namespace text {

struct GlyphInfo {
  int face = 0;            // index into FontBook::faces()
  std::uint32_t gid = 0;   // 0 when missing
  double advance = 0;      // em
  bool missing = false;    // no font has the character
};

// Horizontal extent of a glyph's ink, em, from its origin.
struct InkExtent {
  double left = 0, right = 0;
  bool empty = true;  // no ink at all (a space)
};

class GlyphMetrics {
 public:
  virtual ~GlyphMetrics() = default;
  // The glyph that draws `c` in `role`, after per-character fallback. When
  // no font has it: missing=true, the role's first face and glyph 0.
  virtual GlyphInfo lookup(core::FontRole role, char32_t c) const = 0;
  // The glyph's advance in em (for glyph 0 of a missing character).
  virtual double advance(int face, std::uint32_t gid) const = 0;
  virtual InkExtent ink(int face, std::uint32_t gid) const = 0;
};

class FontBookMetrics final : public GlyphMetrics {
 public:
  explicit FontBookMetrics(const FontBook& fonts) : fonts_(fonts) {}
  GlyphInfo lookup(core::FontRole role, char32_t c) const override;
  double advance(int face, std::uint32_t gid) const override;
  InkExtent ink(int face, std::uint32_t gid) const override;

 private:
  const FontBook& fonts_;
};

// The fake font: face 0, glyph id = code point. Punctuation ink sits where
// GB fonts put it: ，。、；：！？ and closing marks in the left half, opening
// marks in the right half, · centred in its half em.
class MonoMetrics final : public GlyphMetrics {
 public:
  MonoMetrics() = default;
  // Characters no font has (drawn as placeholders, reported as warnings).
  explicit MonoMetrics(std::set<char32_t> missing) : missing_(std::move(missing)) {}
  GlyphInfo lookup(core::FontRole role, char32_t c) const override;
  double advance(int face, std::uint32_t gid) const override;
  InkExtent ink(int face, std::uint32_t gid) const override;

 private:
  std::set<char32_t> missing_;
};

}  // namespace text
