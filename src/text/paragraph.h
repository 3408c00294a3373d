#pragma once
// Sets one paragraph (or heading, caption, folio line) into lines of
// positioned glyphs, following the Chinese rules: line-start and
// line-end prohibitions, unbreakable numbers/words/URLs, …… and —— whole,
// quarter-em Han–Latin gaps, half-em gaps for spaces between Han,
// punctuation compression, first-line indent, justification.
// Never calls libharu; knows nothing of pages.
#include <cstdint>
#include <string>
#include <vector>

#include "core/color.h"
#include "core/diagnostics.h"
#include "core/geometry.h"
#include "core/text_style.h"
#include "text/font_book.h"

namespace text {

struct ParagraphSpec {
  std::vector<core::Span> spans;
  double width = 0;          // the measure, pt
  double first_indent = 0;   // pt (two characters for body text)
  core::Align align = core::Align::Justify;  // Justify: last line flush left
  core::CompositionRules rules;
};

struct PositionedGlyph {
  int face = 0;
  double size = 9.5;
  core::Color color;
  std::uint32_t gid = 0;
  double x = 0;        // from the line's left edge, pt
  double advance = 0;  // font advance at `size`, pt
  std::string text;    // the characters this glyph stands for
  bool missing = false;  // no installed font has it: draw a placeholder box
  core::SourceSpan source;
  // The room the glyph takes on the line from `x`: its advance after
  // punctuation compression or padding, before justification space. For
  // the last glyph of a line x + set_width == Line::width. 0 for spaces
  // (their gap is the room before the next glyph) and invisible characters.
  double set_width = 0;
};

struct Line {
  std::vector<PositionedGlyph> glyphs;
  double width = 0;      // set width (== measure for justified lines)
  double size = 0;       // largest type size on the line
  bool last = false;     // a paragraph's last line
  // The ideographic em box of the largest type: 0.88 em above the
  // baseline, 0.12 em below, whatever the font (glyph ink may exceed it).
  double ascent = 0;
  double descent = 0;
};

// Breaks and sets the paragraph. Characters no font has are reported as
// warnings (code point and source position) and come back with missing=true.
std::vector<Line> set_paragraph(const ParagraphSpec& spec, const FontBook& fonts,
                                core::Diagnostics& diags);

// The paragraph shaped once and broken once per entry of `loosenesses`: 0
// is the best breaking, +1 / -1 a line more or fewer (TeX's \looseness, for
// page make-up); an entry that cannot be met within the justification
// limits comes back with no lines. An entry whose `count_only` is true
// comes back as that many empty lines: make-up plans with line counts and
// sets only the variant it chooses.
std::vector<std::vector<Line>> set_paragraph_variants(const ParagraphSpec& spec, const FontBook& fonts,
                                                      core::Diagnostics& diags,
                                                      const std::vector<int>& loosenesses,
                                                      const std::vector<bool>& count_only = {});

class GlyphMetrics;  // text/glyph_metrics.h
// The same with any glyph source, e.g. MonoMetrics in tests.
std::vector<Line> set_paragraph(const ParagraphSpec& spec, const GlyphMetrics& metrics,
                                core::Diagnostics& diags);

}  // namespace text
