#pragma once
// Sets one paragraph (or heading, caption, folio line) into lines of
// positioned glyphs, following the Chinese rules of SPEC §5: line-start and
// line-end prohibitions, unbreakable numbers/words/URLs, …… and —— whole,
// quarter-em Han–Latin gaps, half-em gaps for spaces between Han,
// punctuation compression, first-line indent, justification.
// Never calls libharu; knows nothing of pages.
#include <cstdint>
#include <string>
#include <vector>

#include "frame/geometry.h"
#include "source/diagnostics.h"
#include "text/font_book.h"
#include "text/font_role.h"

namespace text {

struct TextStyle {
  FontRole role = FontRole::Song;
  double size = 9.5;       // pt
  frame::Color color;
  double tracking = 0;     // em of extra space after every character
  // (added) Gap between a Han character and a Latin letter or digit, em:
  // 0.25 (a quarter em) or 0 (set solid, common newspaper practice).
  double han_latin_gap = 0.25;
  // (added) Headline composition: a space is a full em, and a line breaks
  // only between words (ICU's dictionary word boundaries) or at a space.
  bool headline = false;
};

// A piece of input text in one style, with where it came from.
struct Span {
  std::string text;  // UTF-8
  TextStyle style;
  source::SourceSpan source;   // position of the span's first character...
  bool one_line = false;       // ...valid per character only when true
};

// Choices among the accepted Chinese conventions (added; the defaults are
// the mainland newspaper practice of typesetting-rules §1).
enum class LineEndMarks {
  Half,            // GB/T 15834 §5.1.10: a full-width mark ending a line is always set half width
  HalfWhenNeeded,  // only when that lets the line fit; otherwise its blank half stays
};
struct CompositionRules {
  // clreq "strict" level: —— and …… may not start a line either.
  bool strict = false;
  LineEndMarks line_end = LineEndMarks::Half;
  // (added) Chinese text breaks only between words (ICU's dictionary word
  // boundaries), never inside one: 产业工人, not 产业工/人. Set for headlines.
  bool words_only = false;
};

struct ParagraphSpec {
  std::vector<Span> spans;
  double width = 0;          // the measure, pt
  double first_indent = 0;   // pt (two characters for body text)
  Align align = Align::Justify;  // Justify: last line flush left
  CompositionRules rules;    // (added)
};

struct PositionedGlyph {
  int face = 0;
  double size = 9.5;
  frame::Color color;
  std::uint32_t gid = 0;
  double x = 0;        // from the line's left edge, pt
  double advance = 0;  // font advance at `size`, pt
  std::string text;    // the characters this glyph stands for
  bool missing = false;  // no installed font has it: draw a placeholder box
  source::SourceSpan source;
  // (added) The room the glyph takes on the line from `x`: its advance after
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
  // (added) The ideographic em box of the largest type: 0.88 em above the
  // baseline, 0.12 em below, whatever the font (glyph ink may exceed it).
  double ascent = 0;
  double descent = 0;
};

// Breaks and sets the paragraph. Characters no font has are reported as
// warnings (code point and source position) and come back with missing=true.
std::vector<Line> set_paragraph(const ParagraphSpec& spec, const FontBook& fonts,
                                source::Diagnostics& diags);

// The paragraph shaped once and broken once per entry of `loosenesses`: 0
// is the best breaking, +1 / -1 a line more or fewer (TeX's \looseness, for
// page make-up); an entry that cannot be met within the justification
// limits comes back with no lines.
std::vector<std::vector<Line>> set_paragraph_variants(const ParagraphSpec& spec, const FontBook& fonts,
                                                      source::Diagnostics& diags,
                                                      const std::vector<int>& loosenesses);

class GlyphMetrics;  // text/glyph_metrics.h
// (added) The same with any glyph source, e.g. MonoMetrics in tests.
std::vector<Line> set_paragraph(const ParagraphSpec& spec, const GlyphMetrics& metrics,
                                source::Diagnostics& diags);

}  // namespace text
