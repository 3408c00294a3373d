#include "text/line_items.h"

#include <algorithm>

namespace text {
namespace {

// Gaps and stretch, in em: a quarter em between Han and Latin, half an em
// for a space between Han, and how far each may stretch or shrink.
constexpr double kHanLatinMin = 0.5;      // a Han–Latin gap squeezed at most to this part of it
constexpr double kHanSpaceGap = 0.5;      // a source space between two Han characters
constexpr double kHeadlineSpaceGap = 1.0; // ...in a headline: 一字空
constexpr double kWordSpaceMin = 0.25;    // a Latin word space squeezed at most to this
constexpr double kGapStretch = 0.25;      // every inter-character gap, at ratio 1
constexpr double kWordSpaceStretch = 0.5; // Latin word spaces stretch more than Han gaps

enum class Side { None, Han, Latin, Punct };

bool is_sentence_punct(char32_t c) {
  return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?';
}

// How a cluster takes part in spacing; `facing_right`: the junction is on its right.
Side side_of(const Cluster& c, bool facing_right) {
  switch (c.cls) {
    case core::CharClass::Han: case core::CharClass::Wide:
      return Side::Han;
    case core::CharClass::Latin:
      return Side::Latin;
    case core::CharClass::LatinPunct:
      // Operators and signs take no space (法院+工会, 3×4); a Latin piece
      // ending in , . : gets no Han–Latin gap after it.
      if (core::is_math_operator(c.cp)) return Side::Punct;
      return facing_right && is_sentence_punct(c.cp) ? Side::Punct : Side::Latin;
    case core::CharClass::Prefix: case core::CharClass::Postfix:
      return c.word >= 0 ? Side::Punct : Side::Han;
    default:
      return Side::Punct;
  }
}

bool around_unit(core::CharClass k) {
  return k == core::CharClass::Dash || k == core::CharClass::Ellipsis || k == core::CharClass::Interpunct;
}

std::uint8_t mark_tier(core::CharClass k) {
  switch (k) {
    case core::CharClass::Opening: case core::CharClass::Closing: return kTierBracket;
    case core::CharClass::Stop: return kTierStop;
    default: return kTierPause;
  }
}

// The nearest cluster before `i` that is drawn (not a space or invisible).
int visible_before(const std::vector<Cluster>& cs, int i) {
  for (int j = i; j >= 0; --j) {
    if (!core::is_space(cs[j].cls) && !core::is_invisible(cs[j].cls)) return j;
  }
  return -1;
}

}  // namespace

LineItems build_line_items(const ShapedText& st, const std::vector<BreakPoint>& breaks,
                           const std::vector<core::Span>& spans, const core::CompositionRules& rules) {
  const auto& cs = st.clusters;
  const int n = static_cast<int>(cs.size());
  LineItems it;
  it.box.resize(n);
  it.end_trim.assign(n, 0);
  it.end_shrink.assign(n, 0);
  it.start_keep.assign(n, 0);
  it.counts.assign(n, 0);
  it.junctions.resize(n > 0 ? n - 1 : 0);

  for (int i = 0; i < n; ++i) {
    const Cluster& c = cs[i];
    it.box[i] = c.box;
    it.counts[i] = !(core::is_space(c.cls) || core::is_invisible(c.cls) || core::is_cjk_punct(c.cls) ||
                     c.cls == core::CharClass::Interpunct || c.cls == core::CharClass::Dash || c.cls == core::CharClass::Ellipsis);
  }

  // Where two full-width marks meet (。” ，“ 》、《 ？！), the pair takes
  // 1.5 em: the first mark gives up its blank half if it has one facing the
  // second, else the second gives up its left half. Each mark at most once.
  std::vector<char> used(n, 0);
  for (int i = 0; i + 1 < n; ++i) {
    const Cluster& a = cs[i];
    const Cluster& b = cs[i + 1];
    if (!core::is_cjk_punct(a.cls) || !core::is_cjk_punct(b.cls)) continue;
    Junction& j = it.junctions[i];
    if (!used[i] && (a.side == BlankSide::Right || a.side == BlankSide::Both)) {
      j.pair = a.half;
      j.pair_mark = i;
      used[i] = 1;
    } else if (!used[i + 1] && (b.side == BlankSide::Left || b.side == BlankSide::Both)) {
      j.pair = b.half;
      j.pair_mark = i + 1;
      used[i + 1] = 1;
    }
  }

  for (int i = 0; i < n; ++i) {
    const Cluster& c = cs[i];
    if (c.half <= 0) continue;
    const bool halved_by_left_pair = i > 0 && it.junctions[i - 1].pair_mark == i;
    // GB/T 15834 §5.1.10: a mark at line end is set half width. Opening
    // marks never end a line; their blank is on the left anyway.
    if (c.side != BlankSide::Left && !halved_by_left_pair) {
      if (rules.line_end == core::LineEndMarks::Half) it.end_trim[i] = c.half;
      else it.end_shrink[i] = c.half;
    }
    // A mark no pair has halved may still be squeezed to fit a line.
    if (!used[i] && i + 1 < n) {
      it.junctions[i].mark_shrink = c.half;
      it.junctions[i].mark_tier = mark_tier(c.cls);
      // Squeezing a blank on a mark's left moves the mark left: at a line's
      // start that would put it before the column's edge, so a line-start
      // opening mark keeps its full width.
      if (c.side == BlankSide::Left || c.side == BlankSide::Both) it.start_keep[i] = c.half;
    }
  }

  for (int i = 0; i + 1 < n; ++i) {
    const Cluster& a = cs[i];
    const Cluster& b = cs[i + 1];
    Junction& j = it.junctions[i];
    j.brk = i < static_cast<int>(breaks.size()) ? breaks[i] : BreakPoint{};
    const double em = std::max(a.size, b.size);
    // Gaps (and tracking) sit before the next visible character: after any
    // combining marks, after the last of a run of spaces, so that a break
    // drops them and nothing separates a mark from its base.
    if (core::is_invisible(b.cls) || core::is_space(b.cls)) continue;
    const int left_i = visible_before(cs, i);
    if (left_i < 0) continue;  // spaces at the start of the paragraph
    const Cluster& left = cs[left_i];
    j.glue += spans[left.span].style.tracking * left.size;
    const Side r = side_of(b, false);

    if (core::is_space(a.cls)) {
      // "Hello, 世界": after a space, a comma counts as part of the word.
      const Side l = side_of(left, false);
      const bool words = (core::is_word_char(left.cls) || left.word >= 0) && (core::is_word_char(b.cls) || b.word >= 0);
      if (a.cls == core::CharClass::NoBreakSpace || words) {
        // A Latin word space: the font's own width, squeezable to a quarter em.
        j.glue += a.advance;
        j.stretch = kWordSpaceStretch * em;
        j.glue_shrink = std::max(0.0, a.advance - kWordSpaceMin * em);
        j.glue_tier = kTierWordSpace;
      } else if (spans[b.span].style.headline && l != Side::Latin && r != Side::Latin) {
        // A space in a headline separates phrases: one em (一字空).
        j.glue += kHeadlineSpaceGap * em;
      } else if (l == Side::Han && r == Side::Han) {
        // 中共中央 国务院: the space is meant; it stays half an em.
        j.glue += kHanSpaceGap * em;
        j.stretch = kGapStretch * em;
      } else if ((l == Side::Han && r == Side::Latin) || (l == Side::Latin && r == Side::Han)) {
        // "2024 年": the space *is* the Han–Latin gap (none when set solid).
        const double gap = spans[b.span].style.han_latin_gap;
        j.glue += gap * em;
        j.stretch = kGapStretch * em;
        j.glue_shrink = gap * (1 - kHanLatinMin) * em;
        j.glue_tier = kTierHanLatin;
      } else {
        // Beside a full-width mark: its blank half already separates.
        j.stretch = kGapStretch * em;
      }
      continue;
    }
    const Side l = side_of(left, true);
    if (left.word >= 0 && left.word == b.word) continue;        // inside a word or number
    if (j.pair > 0 || (core::is_cjk_punct(left.cls) && core::is_cjk_punct(b.cls))) continue;  // marks hug
    if (around_unit(left.cls) || around_unit(b.cls)) continue;  // never stretch at —— …… ·
    j.stretch = kGapStretch * em;
    if ((l == Side::Han && r == Side::Latin) || (l == Side::Latin && r == Side::Han)) {
      const double gap = spans[b.span].style.han_latin_gap;
      j.glue += gap * em;
      j.glue_shrink = gap * (1 - kHanLatinMin) * em;
      j.glue_tier = kTierHanLatin;
    }
  }
  return it;
}

}  // namespace text
