#pragma once
// Helpers for the text stage's tests: set a string with the fake monospace
// font (CJK 1 em, everything else 0.5 em, 1 em = 10 pt) and show the lines
// as "line|line", so expectations can be worked out by hand.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "text/glyph_metrics.h"
#include "text/paragraph.h"

namespace text_test {

inline constexpr double kEm = 10;  // pt: the fake font's size in every test

struct Options {
  double indent_em = 0;
  core::Align align = core::Align::Justify;
  core::CompositionRules rules;
};

inline Options aligned(core::Align a) {
  Options o;
  o.align = a;
  return o;
}

inline text::ParagraphSpec mono_spec(const std::string& s, double width_em, const Options& o = {}) {
  text::ParagraphSpec spec;
  core::Span span;
  span.text = s;
  span.style.size = kEm;
  span.source = {"doc.yaml", 3, 7};
  span.one_line = true;
  spec.spans.push_back(span);
  spec.width = width_em * kEm;
  spec.first_indent = o.indent_em * kEm;
  spec.align = o.align;
  spec.rules = o.rules;
  return spec;
}

inline std::vector<text::Line> set_mono(const text::ParagraphSpec& spec,
                                        const text::MonoMetrics& metrics = text::MonoMetrics()) {
  core::Diagnostics diags;
  return text::set_paragraph(spec, metrics, diags);
}

inline std::string line_text(const text::Line& line) {
  std::string s;
  for (const auto& g : line.glyphs) s += g.text;
  return s;
}

inline std::string joined(const std::vector<text::Line>& lines) {
  std::string s;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i) s += '|';
    s += line_text(lines[i]);
  }
  return s;
}

inline std::string all_text(const std::vector<text::Line>& lines) {
  std::string s;
  for (const auto& l : lines) s += line_text(l);
  return s;
}

// The invariants every set paragraph keeps, whatever the rule under test:
// no text lost or reordered; every justified line but the last reaches both
// edges; glyphs advance left to right.
inline void check_invariants(const text::ParagraphSpec& spec, const std::vector<text::Line>& lines) {
  std::string input;
  for (const auto& s : spec.spans) input += s.text;
  CHECK(all_text(lines) == input);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& l = lines[i];
    CAPTURE(i);
    CAPTURE(line_text(l));
    REQUIRE(!l.glyphs.empty());
    const auto& g = l.glyphs.back();
    CHECK(std::abs(g.x + g.set_width - l.width) < 0.01);
    // A line of one character has no gap to spread: it alone may fall short.
    int visible = 0;
    for (const auto& gl : l.glyphs) visible += gl.set_width > 0;
    if (spec.align == core::Align::Justify && !l.last && visible > 1) {
      CHECK(std::abs(l.width - spec.width) < 0.01);
    }
    CHECK(l.width <= spec.width + 0.01);
    CHECK(l.last == (i + 1 == lines.size()));
  }
}

}  // namespace text_test
