#pragma once
// Text as the style stage hands it to the text stage: runs of characters,
// each in a font role, size and colour, with where they came from; and the
// choices among the accepted Chinese composition conventions.
#include <string>

#include "core/color.h"
#include "core/font_role.h"
#include "core/source_span.h"

namespace core {

enum class Align { Justify, Left, Center, Right };

struct TextStyle {
  FontRole role = FontRole::Song;
  double size = 9.5;       // pt
  Color color;
  double tracking = 0;     // em of extra space after every character
  // Gap between a Han character and a Latin letter or digit, em:
  // 0.25 (a quarter em) or 0 (set solid, common newspaper practice).
  double han_latin_gap = 0.25;
  // Headline composition: a space is a full em, and a line breaks
  // only between words (ICU's dictionary word boundaries) or at a space.
  bool headline = false;
};

// A piece of input text in one style, with where it came from.
struct Span {
  std::string text;  // UTF-8
  TextStyle style;
  SourceSpan source;   // position of the span's first character...
  bool one_line = false;       // ...valid per character only when true
};

// Choices among the accepted Chinese conventions; the defaults are mainland
// newspaper practice.
enum class LineEndMarks {
  Half,            // GB/T 15834 §5.1.10: a full-width mark ending a line is always set half width
  HalfWhenNeeded,  // only when that lets the line fit; otherwise its blank half stays
};
struct CompositionRules {
  // clreq "strict" level: —— and …… may not start a line either.
  bool strict = false;
  LineEndMarks line_end = LineEndMarks::Half;
  // Chinese text breaks only between words (ICU's dictionary word
  // boundaries), never inside one: 产业工人, not 产业工/人. Set for headlines.
  bool words_only = false;
};

}  // namespace core
