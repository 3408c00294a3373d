// set_paragraph: the table of contents of the text stage.
#include "text/paragraph.h"

#include <algorithm>

#include "text/break_rules.h"
#include "text/glyph_metrics.h"
#include "text/justify.h"
#include "text/line_break.h"
#include "text/line_items.h"
#include "text/shape_text.h"

namespace text {
namespace {

// `icu`: a line break iterator to reuse, or null to open one.
std::vector<std::vector<Line>> set_paragraph_with(const ParagraphSpec& spec, const GlyphMetrics& metrics,
                                                  core::Diagnostics& diags, UBreakIterator* icu,
                                                  const std::vector<int>& loosenesses,
                                                  const std::vector<bool>& count_only = {}) {
  std::vector<std::vector<Line>> out(loosenesses.size());
  const ShapedText st = shape_text(spec.spans, metrics, diags);        // text -> clusters
  if (st.clusters.empty()) return out;
  const LineShape shape{spec.width, spec.first_indent, spec.align};
  const double narrowest = std::max(0.0, spec.width - spec.first_indent);
  core::CompositionRules rules = spec.rules;
  rules.words_only = rules.words_only ||
                     std::all_of(spec.spans.begin(), spec.spans.end(), [](const core::Span& s) { return s.style.headline; });
  const auto breaks = find_breaks(st, narrowest, rules, icu);          // where lines may end
  const LineItems items = build_line_items(st, breaks, spec.spans, rules);  // gaps, squeezes
  const std::vector<int> best = break_lines(items, shape);             // where lines do end
  for (std::size_t v = 0; v < loosenesses.size(); ++v) {
    const std::vector<int> ends =
        loosenesses[v] == 0 ? best
                            : break_lines_exactly(items, shape, static_cast<int>(best.size()) + loosenesses[v]);
    auto& lines = out[v];
    if (v < count_only.size() && count_only[v]) {
      lines.resize(ends.size());
      continue;
    }
    lines.reserve(ends.size());
    int first = 0;
    for (std::size_t i = 0; i < ends.size(); ++i) {                    // set each line
      lines.push_back(set_line(st, items, spec.spans, first, ends[i], shape, i + 1 == ends.size()));
      first = ends[i] + 1;
    }
  }
  return out;
}

}  // namespace

std::vector<Line> set_paragraph(const ParagraphSpec& spec, const GlyphMetrics& metrics,
                                core::Diagnostics& diags) {
  return std::move(set_paragraph_with(spec, metrics, diags, nullptr, {0}).front());
}

std::vector<Line> set_paragraph(const ParagraphSpec& spec, const FontBook& fonts,
                                core::Diagnostics& diags) {
  return std::move(set_paragraph_variants(spec, fonts, diags, {0}).front());
}

std::vector<std::vector<Line>> set_paragraph_variants(const ParagraphSpec& spec, const FontBook& fonts,
                                                      core::Diagnostics& diags,
                                                      const std::vector<int>& loosenesses,
                                                      const std::vector<bool>& count_only) {
  const LineBreakerPool::Lease icu = fonts.line_breakers().borrow();
  return set_paragraph_with(spec, FontBookMetrics(fonts), diags, icu.get(), loosenesses, count_only);
}

}  // namespace text
