#include "text/shape_text.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstdio>

#include "core/utf8.h"

namespace text {
namespace {

bool is_wide_placeholder(char32_t c) {
  const int eaw = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
  return eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH || c >= 0x20000;
}

core::SourceSpan source_of(const core::Span& span, int char_index) {
  return span.one_line ? span.source.shifted(char_index) : span.source;
}

// Nearest cluster in direction `step` that is not a space or invisible.
const Cluster* neighbour(const std::vector<Cluster>& cs, std::size_t i, int step) {
  for (std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + step;
       j >= 0 && j < static_cast<std::ptrdiff_t>(cs.size()); j += step) {
    const core::CharClass k = cs[j].cls;
    if (!core::is_space(k) && !core::is_invisible(k)) return &cs[j];
  }
  return nullptr;
}

bool cjk_side(const Cluster* c) { return c && core::is_cjk(c->cls); }

// “ ” ‘ ’ are full-width marks in Chinese text and Latin quotes in Latin
// text. An apostrophe inside a word is Latin; a closing quote follows its
// opening one; otherwise any Chinese neighbour makes the quote Chinese.
void resolve_quotes(std::vector<Cluster>& cs) {
  int open_double = 0, open_single = 0;  // +1 Chinese, -1 Latin, 0 none open
  for (std::size_t i = 0; i < cs.size(); ++i) {
    Cluster& c = cs[i];
    if (!core::is_ambiguous_quote(c.cp)) continue;
    const Cluster* before = i > 0 ? &cs[i - 1] : nullptr;
    const Cluster* after = i + 1 < cs.size() ? &cs[i + 1] : nullptr;
    const bool opening = c.cp == 0x201C || c.cp == 0x2018;
    int& open = c.cp == 0x201C || c.cp == 0x201D ? open_double : open_single;
    bool chinese;
    if (c.cp == 0x2019 && before && after && before->cls == core::CharClass::Latin &&
        after->cls == core::CharClass::Latin) {
      chinese = false;  // don’t
    } else if (!opening && open != 0) {
      chinese = open > 0;
      open = 0;
    } else {
      chinese = cjk_side(neighbour(cs, i, -1)) || cjk_side(neighbour(cs, i, +1));
      if (opening) open = chinese ? 1 : -1;
    }
    if (!chinese) c.cls = core::CharClass::LatinPunct;
  }
}

// Box, glyph offset and compressible blank of every visible cluster.
void set_boxes(std::vector<Cluster>& cs, const GlyphMetrics& metrics) {
  for (Cluster& c : cs) {
    const double em = c.size;
    if (c.missing) {
      c.box = (is_wide_placeholder(c.cp) ? 1.0 : 0.5) * em;
      continue;
    }
    if (core::is_space(c.cls) || core::is_invisible(c.cls)) {
      c.box = c.cls == core::CharClass::Mark ? c.advance : 0;
      continue;
    }
    c.box = c.advance;
    if (core::is_cjk_punct(c.cls)) {
      // A full-width mark takes a full em even when the font's glyph is a
      // narrow Western one (WenQuanYi's “ ”): ink goes to the inner side.
      c.box = std::max(c.advance, em);
      if (c.cls == core::CharClass::Opening) c.offset = c.box - c.advance;
      const InkExtent ink = metrics.ink(c.face, c.gid);
      if (!ink.empty) {
        c.side = blank_side(c.offset + ink.left * em, c.offset + ink.right * em, c.box);
        if (c.side != BlankSide::None) c.half = c.box / 2;
      }
    } else if (c.cls == core::CharClass::Interpunct) {
      // GB: the interpunct is half an em, its dot in the middle.
      c.box = 0.5 * em;
      const InkExtent ink = metrics.ink(c.face, c.gid);
      const double centre = ink.empty ? c.advance / 2 : (ink.left + ink.right) / 2 * em;
      c.offset = c.box / 2 - centre;
    }
  }
}

// Words and numbers: runs of Latin letters, digits and the punctuation
// between them, with a currency sign before or a unit sign after a digit.
void find_words(ShapedText& st, const std::vector<core::Span>& spans) {
  auto& cs = st.clusters;
  const std::size_t n = cs.size();
  std::size_t i = 0;
  while (i < n) {
    if (!core::is_word_char(cs[i].cls)) {
      ++i;
      continue;
    }
    std::size_t first = i, last = i;
    std::size_t j = i + 1;
    while (j < n && (core::is_word_char(cs[j].cls) || cs[j].cls == core::CharClass::Mark ||
                     cs[j].cls == core::CharClass::Format)) {
      if (core::is_word_char(cs[j].cls)) last = j;
      ++j;
    }
    if (first > 0 && cs[first - 1].cls == core::CharClass::Prefix) --first;
    if (last + 1 < n && cs[last + 1].cls == core::CharClass::Postfix) ++last;
    WordRun w;
    w.first = static_cast<int>(first);
    w.last = static_cast<int>(last);
    for (std::size_t k = first; k <= last; ++k) {
      cs[k].word = static_cast<int>(st.words.size());
      w.width += cs[k].box;
      if (k < last && !core::is_invisible(cs[k + 1].cls)) w.width += spans[cs[k].span].style.tracking * cs[k].size;
      if (u_getIntPropertyValue(static_cast<UChar32>(cs[k].cp), UCHAR_LINE_BREAK) ==
          U_LB_COMPLEX_CONTEXT) {
        w.complex = true;
      }
    }
    st.words.push_back(w);
    i = last + 1;
  }
}

}  // namespace

std::string code_point_name(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}

ShapedText shape_text(const std::vector<core::Span>& spans, const GlyphMetrics& metrics,
                      core::Diagnostics& diags) {
  ShapedText st;
  std::size_t total = 0;
  for (const auto& s : spans) total += s.text.size();
  st.text.reserve(total);
  st.clusters.reserve(total / 2 + 1);

  for (std::size_t si = 0; si < spans.size(); ++si) {
    const core::Span& span = spans[si];
    const std::string_view t = span.text;
    const std::uint32_t base = static_cast<std::uint32_t>(st.text.size());
    st.text += t;
    int char_index = 0;
    for (std::size_t i = 0; i < t.size();) {
      const core::Decoded d = core::decode_utf8(t, i);
      const char32_t cp = d.valid ? d.code_point : 0xFFFD;
      Cluster c;
      c.begin = base + static_cast<std::uint32_t>(i);
      c.end = c.begin + static_cast<std::uint32_t>(d.length);
      c.cp = cp;
      c.cls = core::classify(cp);
      c.span = static_cast<std::uint16_t>(si);
      c.char_index = char_index;
      c.size = span.style.size;
      // Spaces and invisible characters are drawn as the role's space glyph
      // (ink-free), so copy and search still see them.
      const bool drawn = !core::is_space(c.cls) && c.cls != core::CharClass::Format && c.cls != core::CharClass::BreakHint;
      GlyphInfo g = metrics.lookup(span.style.role, drawn ? cp : U' ');
      c.face = g.face;
      c.gid = g.gid;
      c.missing = drawn && g.missing;
      c.advance = g.advance * c.size;
      if (c.missing) {
        std::string ch;
        core::append_utf8(ch, cp);
        diags.warning(source_of(span, char_index),
                      "no installed font has the character “" + ch + "” (" + code_point_name(cp) +
                          "); it is drawn as a placeholder box");
      }
      st.clusters.push_back(c);
      i += d.length;
      ++char_index;
    }
  }
  resolve_quotes(st.clusters);
  set_boxes(st.clusters, metrics);
  find_words(st, spans);
  return st;
}

}  // namespace text
