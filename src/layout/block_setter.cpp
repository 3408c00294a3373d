#include "layout/block_setter.h"

#include <algorithm>
#include <cmath>

#include "core/utf8.h"
#include "layout/line_runs.h"

namespace layout {
namespace {

double max_size(const std::vector<core::Span>& spans) {
  double s = 0;
  for (const auto& sp : spans) s = std::max(s, sp.style.size);
  return s;
}

// `c` at `share` of its strength on white paper, in its own colour space.
core::Color tint(const core::Color& c, double share) {
  using Space = core::Color::Space;
  core::Color t = c;
  const int n = c.space == Space::Cmyk ? 4 : c.space == Space::Gray ? 1 : 3;
  for (int i = 0; i < n; ++i) t.v[i] = c.space == Space::Cmyk ? share * c.v[i] : 1 - share * (1 - c.v[i]);
  return t;
}

// Baseline of a line of `size` pt inside a band of `leading` pt starting at `top`.
double baseline_in_band(double top, double leading, double size) {
  return top + (leading - size) / 2 + kEmAscent * size;
}

}  // namespace

double BlockSetter::leading_of(style::Role role) const {
  const auto& st = theme_.style(role);
  return st.leading > 0 ? st.leading : 1.25 * st.size;
}

int BlockSetter::rows_for(double height) const {
  return std::max(1, static_cast<int>(std::ceil(height / grid_.pitch - 1e-6)));
}

// Whole rows, rounded down; the tolerance keeps 0.6 of 50 rows at 30.
int BlockSetter::share_of_rows(double share) const {
  return static_cast<int>(std::floor(grid_.rows * share + 1e-9));
}

// A headline that wraps breaks where its author put a space between
// phrases (推进产改走深走实 赋能产业工人成才成匠), when every phrase fits a line.
std::vector<text::Line> BlockSetter::phrase_lines(const std::vector<core::Span>& spans, double width,
                                                  std::vector<text::Line> fallback) {
  std::vector<text::Line> out;
  for (const auto& span : spans) {
    std::size_t start = 0;
    int chars = 0;
    while (start <= span.text.size()) {
      std::size_t end = span.text.find(' ', start);
      if (end == std::string::npos) end = span.text.size();
      if (end > start) {
        core::Span phrase = span;
        phrase.text = span.text.substr(start, end - start);
        phrase.source = span.one_line ? span.source.shifted(chars) : span.source;
        auto lines = set_ragged({phrase}, width);
        if (lines.size() != 1) return fallback;
        out.push_back(std::move(lines.front()));
      }
      chars += core::count_code_points(std::string_view(span.text).substr(start, end - start));
      chars += 1;  // the space
      start = end + 1;
    }
  }
  if (out.size() < 2 || spans.size() != 1) return fallback;
  return out;
}

std::vector<text::Line> BlockSetter::set_ragged(const std::vector<core::Span>& spans, double width) {
  text::ParagraphSpec spec;
  spec.spans = spans;
  spec.width = width;
  spec.align = core::Align::Left;
  return text::set_paragraph(spec, fonts_, diags_);
}

double BlockSetter::stack(const std::vector<text::Line>& lines, double x, double top, double width,
                          double leading, core::Align align, std::vector<frame::Item>& out) {
  double y = top;
  for (const auto& line : lines) {
    double dx = 0;
    if (align == core::Align::Center) dx = (width - line.width) / 2;
    else if (align == core::Align::Right) dx = width - line.width;
    append_line(line, x + dx, baseline_in_band(y, leading, line.size), out);
    y += leading;
  }
  return y - top;
}

std::vector<FlowItem> BlockSetter::set_chosen_paragraph(const style::StyledBlock& block, int looseness) {
  core::Diagnostics reported_already;
  return std::move(set_paragraph_lines(block, {looseness}, {}, reported_already).front());
}

std::vector<std::vector<FlowItem>> BlockSetter::set_paragraph_lines(const style::StyledBlock& block,
                                                                    const std::vector<int>& loosenesses,
                                                                    const std::vector<bool>& count_only,
                                                                    core::Diagnostics& diags) {
  text::ParagraphSpec spec;
  spec.spans = block.lines.front();
  spec.width = grid_.column_width;
  spec.first_indent = 2 * grid_.body_size;  // two characters
  spec.align = core::Align::Justify;
  std::vector<std::vector<FlowItem>> out;
  for (const auto& lines : text::set_paragraph_variants(spec, fonts_, diags, loosenesses, count_only)) {
    auto& items = out.emplace_back();
    for (const auto& line : lines) {
      FlowItem item;
      append_line(line, 0, grid_.baseline_in_row(grid_.body_size), item.items);
      items.push_back(std::move(item));
    }
  }
  return out;
}

CaptionLines BlockSetter::set_caption(const style::StyledBlock& block, double width) {
  CaptionLines out;
  out.caption = set_ragged(block.caption, width);
  out.credit = set_ragged(block.credit, width);
  if (!out.caption.empty() && out.credit.size() == 1) {
    // An em of white keeps the credit apart from the caption's last words.
    const text::Line& last = out.caption.back();
    out.credit_on_last = last.width + last.size + out.credit.front().width <= width + 1e-6;
  }
  return out;
}

double BlockSetter::draw_caption(const CaptionLines& lines, double x, double top, double width, double leading,
                                 std::vector<frame::Item>& out) {
  double y = top + stack(lines.caption, x, top, width, leading, core::Align::Left, out);
  std::size_t first_own = 0;
  if (lines.credit_on_last) {
    // On the caption's own baseline, whatever the two sizes.
    const text::Line& credit = lines.credit.front();
    append_line(credit, x + width - credit.width, baseline_in_band(y - leading, leading, lines.caption.back().size),
                out);
    first_own = 1;
  }
  const std::vector<text::Line> own(lines.credit.begin() + static_cast<std::ptrdiff_t>(first_own), lines.credit.end());
  y += stack(own, x, y, width, leading, core::Align::Right, out);
  return y - top;
}

FlowItem BlockSetter::set_banner(const style::StyledBlock& block) {
  const auto& st = theme_.style(style::Role::Banner);
  const double leading = leading_of(style::Role::Banner);
  const double pad_x = st.size;
  const double pad_y = 0.3 * st.size;
  std::vector<std::vector<text::Line>> heading;
  int n = 0;
  for (const auto& spans : block.lines) {
    heading.push_back(set_ragged(spans, grid_.column_width - 2 * pad_x));
    n += static_cast<int>(heading.back().size());
  }
  // The bar takes whole rows, the heading centred in it, so that it lines up
  // with the rows of the columns beside it; the air above it is whole rows too.
  const double text_h = n * leading;
  const int bar_rows = rows_for(text_h + 2 * pad_y);
  const int air_rows = static_cast<int>(std::ceil(st.space_before - 1e-6));
  FlowItem item;
  item.rows = air_rows + bar_rows;
  const double box_top = air_rows * grid_.pitch;
  const double box_h = bar_rows * grid_.pitch;
  if (st.has_background) {
    frame::Box bar;
    bar.rect = {0, box_top, grid_.column_width, box_h};
    bar.fill = true;
    bar.fill_color = st.background;
    bar.span = block.source;
    item.items.push_back(bar);
  } else {
    frame::Rule r{{0, box_top + box_h}, {grid_.column_width, box_top + box_h}, 0.8, st.color};
    item.items.push_back(r);
  }
  double y = box_top + (box_h - text_h) / 2;
  for (const auto& lines : heading) {
    y += stack(lines, pad_x, y, grid_.column_width - 2 * pad_x, leading, st.align, item.items);
  }
  return item;
}

FlowItem BlockSetter::set_highlights(const style::StyledBlock& block, int per_row) {
  const auto& st = theme_.style(style::Role::Highlights);
  const double label_leading = leading_of(style::Role::Highlights);
  const double pad = 0.6 * st.size;
  const double cell_w = (grid_.column_width - 2 * pad) / per_row;

  FlowItem item;
  std::vector<frame::Item> content;
  double y = pad;
  for (std::size_t i = 0; i < block.highlights.size(); i += per_row) {
    double row_h = 0;
    for (int c = 0; c < per_row && i + c < block.highlights.size(); ++c) {
      const auto& h = block.highlights[i + c];
      const double x = pad + c * cell_w;
      const double fig_size = max_size(h.figure);
      const double fig_h = stack(set_ragged(h.figure, cell_w - pad), x, y, cell_w - pad,
                                 fig_size * 1.25, core::Align::Left, content);
      const double lab_h = stack(set_ragged(h.label, cell_w - pad), x, y + fig_h, cell_w - pad,
                                 label_leading, core::Align::Left, content);
      row_h = std::max(row_h, fig_h + lab_h);
    }
    y += row_h + 0.4 * pad;
  }
  const double box_h = y + pad * 0.6;
  item.rows = rows_for(box_h + 0.4 * grid_.pitch);
  const double top = (item.rows * grid_.pitch - box_h) / 2;
  frame::Box bg;
  bg.rect = {0, top, grid_.column_width, box_h};
  bg.fill = st.has_background;
  bg.fill_color = st.background;
  bg.stroke = !st.has_background;
  bg.span = block.source;
  item.items.push_back(bg);
  for (auto& c : content) item.items.push_back(translated(c, 0, top));
  return item;
}

FlowItem BlockSetter::set_byline(const style::StyledBlock& block) {
  FlowItem item;
  const auto& st = theme_.style(style::Role::Byline);
  auto lines = set_ragged(block.lines.front(), grid_.column_width);
  stack(lines, 0, 0, grid_.column_width, grid_.pitch, st.align, item.items);
  item.rows = static_cast<int>(std::max<std::size_t>(1, lines.size()));
  return item;
}

FlowItem BlockSetter::set_head(const std::vector<style::StyledBlock>& head, double width,
                               core::SourceSpan* tallest) {
  using style::BlockKind;
  FlowItem item;
  double y = 0;
  std::size_t below_union = 0;  // items after the union strip
  int tallest_rows = -1;
  for (const auto& block : head) {
    const double block_top = y;
    const auto& st = theme_.style(block.role);
    const double leading = block.leading > 0 ? block.leading : leading_of(block.role);
    const auto& spans = block.lines.front();
    if (spans.empty()) continue;
    std::vector<text::Line> lines = set_ragged(spans, width);
    bool phrased = false;
    if (block.kind == BlockKind::Headline && lines.size() > 1) {
      auto by_phrase = phrase_lines(spans, width, {});
      phrased = !by_phrase.empty();
      if (phrased) lines = std::move(by_phrase);
    }
    if (block.kind == BlockKind::Headline && lines.size() > 1 && !phrased) {
      // Balance a wrapped headline: the narrowest measure that keeps the same
      // number of lines gives lines of nearly equal length.
      double lo = width / lines.size(), hi = width;
      for (int i = 0; i < 12; ++i) {
        const double mid = (lo + hi) / 2;
        if (set_ragged(spans, mid).size() <= lines.size()) hi = mid;
        else lo = mid;
      }
      lines = set_ragged(spans, hi);
    }
    if (block.kind == BlockKind::Union) {
      // The union's name on a light strip across the block, a red tab
      // before it, the way papers label a report.
      frame::Box strip;
      strip.rect = {0, y, width, leading};
      strip.fill = true;
      strip.fill_color = tint(st.color, 0.1);
      item.items.push_back(strip);
      frame::Box tab;
      tab.rect = {0, y + (leading - st.size) / 2, 0.35 * st.size, st.size};
      tab.fill = true;
      tab.fill_color = st.color;
      tab.span = block.source;
      item.items.push_back(tab);
      y += stack(lines, 0.7 * st.size, y, width, leading, core::Align::Left, item.items);
      below_union = item.items.size();
    } else {
      y += st.space_before * grid_.pitch;
      y += stack(lines, 0, y, width, leading, st.align, item.items);
    }
    y += st.space_after * grid_.pitch;
    // The rows this part would take as a head of its own.
    if (const int rows = rows_for(y - block_top + 0.15 * grid_.pitch); tallest && rows > tallest_rows) {
      tallest_rows = rows;
      *tallest = block.source;
    }
  }
  // The rows' slack is shared above and below the headline, so that no
  // band of white opens between the label, the headline and the text.
  item.rows = rows_for(y + 0.15 * grid_.pitch);
  const double slack = item.rows * grid_.pitch - y;
  for (std::size_t i = below_union; i < item.items.size(); ++i) item.items[i] = translated(item.items[i], 0, slack / 2);
  return item;
}

}  // namespace layout
