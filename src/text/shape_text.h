#pragma once
// Stage 1 of setting a paragraph: the spans' text as a row of clusters, each
// with its glyph, its box on the line and what kind of character it is.
// Chinese needs no contextual shaping (and the PDF stage draws nominal
// glyphs), so a cluster is one code point and its glyph comes from the cmap
// of the first font in the role's fallback chain that has it.
#include <cstdint>
#include <string>
#include <vector>

#include "core/char_class.h"
#include "core/diagnostics.h"
#include "text/blank_side.h"
#include "text/glyph_metrics.h"
#include "text/paragraph.h"

namespace text {

struct Cluster {
  std::uint32_t begin = 0, end = 0;  // its bytes in ShapedText::text
  char32_t cp = 0;
  core::CharClass cls = core::CharClass::Han;
  BlankSide side = BlankSide::None;  // which blank compression takes
  std::uint16_t span = 0;            // index into the paragraph's spans
  int char_index = 0;                // code points from the start of its span
  int face = 0;
  std::uint32_t gid = 0;
  bool missing = false;
  double size = 0;     // pt
  double advance = 0;  // the font's advance, pt
  double box = 0;      // set width before compression, pt (0 for spaces and invisibles)
  double offset = 0;   // glyph origin from the box's left edge, pt
  double half = 0;     // how much compression may take, pt (half an em for full-width marks)
  int word = -1;       // index into ShapedText::words when part of a word or number
};

// A Latin word, number, percentage, date or URL: set as one piece.
struct WordRun {
  int first = 0, last = 0;  // cluster indices, inclusive
  double width = 0;         // natural width, pt
  bool complex = false;     // Thai-like script: ICU's dictionary breaks apply inside
};

struct ShapedText {
  std::string text;  // all spans' text, concatenated
  std::vector<Cluster> clusters;
  std::vector<WordRun> words;
};

// Characters no font has come back missing=true and are reported in `diags`
// with their code point and source position.
ShapedText shape_text(const std::vector<core::Span>& spans, const GlyphMetrics& metrics,
                      core::Diagnostics& diags);

// "U+2CB4E" — how messages and reports name a code point.
std::string code_point_name(char32_t c);

}  // namespace text
