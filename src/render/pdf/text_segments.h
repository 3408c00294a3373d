#pragma once
// Splits a glyph run into text shows. Every glyph of the frame has an
// absolute x; a PDF text show places each glyph after the previous one at
// its width plus the character spacing Tc (word spacing never applies to
// 2-byte codes). Consecutive glyphs whose gaps are all the same constant c
// therefore form one show with Tc = c: a justified body line is one show.
// A show starts wherever the spacing changes (punctuation compression, a
// Han-Latin quarter em).
#include <cstddef>
#include <optional>
#include <vector>

namespace render::pdf {

struct TextSegment {
  std::size_t first = 0;
  std::size_t count = 0;
  // Tc for the show; nullopt for a single glyph, where any Tc will do.
  std::optional<double> char_space;
};

// Largest drift, in points, between where a show would put a glyph and
// where the frame wants it before a new show starts. Far below what any
// press or screen resolves; large enough to absorb float noise.
constexpr double kPositionTolerance = 0.01;

// x: the glyphs' pen positions; width: each glyph's advance in the PDF font
// at this size (points). Tc stays within libharu's accepted [-30, 300].
std::vector<TextSegment> split_text_segments(const std::vector<double>& x, const std::vector<double>& width);

}  // namespace render::pdf
