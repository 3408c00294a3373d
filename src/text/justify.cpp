#include "text/justify.h"

#include <algorithm>

namespace text {
namespace {

constexpr double kEps = 1e-9;
// The ideographic em box (OpenType BASE 'ideo' default): bottom 0.12 em
// below the baseline. Same for every font, so mixed fonts share a grid.
constexpr double kEmAscent = 0.88;
constexpr double kEmDescent = 0.12;

}  // namespace

Line set_line(const ShapedText& st, const LineItems& it, const std::vector<core::Span>& spans,
              int s, int e, const LineShape& shape, bool last_line) {
  const int count = e - s + 1;
  const double indent = s == 0 ? shape.first_indent : 0;
  // squeeze[k]: how much of cluster s+k's box goes; gap[k]: space after it.
  std::vector<double> squeeze(count, 0), gap(count, 0);
  for (int j = s; j < e; ++j) {
    const Junction& jn = it.junctions[j];
    gap[j - s] = jn.glue;
    if (jn.pair > 0) squeeze[jn.pair_mark - s] += jn.pair;
  }
  squeeze[count - 1] += it.end_trim[e];

  double content = 0;
  for (int k = 0; k < count; ++k) content += it.box[s + k] - squeeze[k] + gap[k];
  const double room = shape.width - indent;
  double avail = room - content;
  const bool justify = shape.align == core::Align::Justify && !last_line;

  if (avail < -kEps) {
    double need = -avail;
    const double end = std::min(need, it.end_shrink[e]);
    squeeze[count - 1] += end;
    need -= end;
    for (int tier = kTierWordSpace; tier < kTierCount && need > kEps; ++tier) {
      double total = 0;
      for (int j = s; j < e; ++j) {
        const Junction& jn = it.junctions[j];
        if (jn.glue_tier == tier) total += jn.glue_shrink;
        if (jn.mark_tier == tier) total += jn.mark_shrink - (j == s ? it.start_keep[s] : 0);
      }
      if (total <= kEps) continue;
      const double f = std::min(1.0, need / total);
      for (int j = s; j < e; ++j) {
        const Junction& jn = it.junctions[j];
        if (jn.glue_tier == tier) gap[j - s] -= jn.glue_shrink * f;
        if (jn.mark_tier == tier) squeeze[j - s] += (jn.mark_shrink - (j == s ? it.start_keep[s] : 0)) * f;
      }
      need -= total * f;
    }
    avail = -need;  // what is left over cannot be helped: the line overflows
  } else if (avail > kEps && justify) {
    double total = 0;
    for (int j = s; j < e; ++j) total += it.junctions[j].stretch;
    if (total > kEps) {
      for (int j = s; j < e; ++j) gap[j - s] += it.junctions[j].stretch / total * avail;
      avail = 0;
    } else if (e > s) {
      // Nothing may stretch (a line of one word): spacing the letters is
      // still better than a ragged edge in a justified column.
      for (int j = s; j < e; ++j) gap[j - s] += avail / (e - s);
      avail = 0;
    }
  }

  double x = indent;
  if (avail > kEps && shape.align == core::Align::Center) x += avail / 2;
  if (avail > kEps && shape.align == core::Align::Right) x += avail;

  Line line;
  line.last = last_line;
  line.glyphs.reserve(count);
  for (int k = 0; k < count; ++k) {
    const Cluster& c = st.clusters[s + k];
    const core::Span& span = spans[c.span];
    // Where the squeezed blank came from decides where the glyph moves.
    double left_cut = 0;
    if (c.side == BlankSide::Left) left_cut = squeeze[k];
    else if (c.side == BlankSide::Both) left_cut = squeeze[k] / 2;
    const double box_end = x + it.box[s + k] - squeeze[k];

    PositionedGlyph g;
    g.face = c.face;
    g.size = c.size;
    g.color = span.style.color;
    g.gid = c.gid;
    g.x = x + c.offset - left_cut;
    g.advance = c.advance;
    g.text.assign(st.text, c.begin, c.end - c.begin);
    g.missing = c.missing;
    g.source = span.one_line ? span.source.shifted(c.char_index) : span.source;
    g.set_width = box_end - g.x;
    line.glyphs.push_back(std::move(g));

    if (!core::is_space(c.cls) && !core::is_invisible(c.cls)) line.size = std::max(line.size, c.size);
    x = box_end + gap[k];
  }
  line.width = x - gap[count - 1];
  if (line.size == 0) line.size = st.clusters[s].size;
  line.ascent = kEmAscent * line.size;
  line.descent = kEmDescent * line.size;
  return line;
}

}  // namespace text
