#include "style/styled_document.h"

#include <algorithm>
#include <cstdio>

#include "core/utf8.h"

namespace style {
namespace {

core::Span make_span(const model::Text& t, std::string value, int first_char,
                     const core::TextStyle& st) {
  core::Span s;
  s.text = std::move(value);
  s.style = st;
  s.source = t.char_span(first_char);
  s.one_line = t.one_line;
  return s;
}

std::vector<core::Span> plain(const model::Text& t, const RoleStyle& r) {
  if (t.empty()) return {};
  return {make_span(t, t.value, 0, text_style(r))};
}

StyledBlock text_block(BlockKind kind, Role role, const model::Text& t, const Theme& theme) {
  StyledBlock b;
  b.kind = kind;
  b.role = role;
  b.lines.push_back(plain(t, theme.style(role)));
  b.source = t.span;
  return b;
}

StyledBlock paragraph_block(const model::Text& t, const Theme& theme) {
  StyledBlock b;
  b.kind = BlockKind::Paragraph;
  b.role = Role::Body;
  b.lines.push_back(split_emphasis(t, text_style(theme.style(Role::Body)),
                                   text_style(theme.style(Role::Emphasis))));
  b.source = t.span;
  return b;
}

StyledBlock photo_block(const model::Photo& p, const Theme& theme) {
  StyledBlock b;
  b.kind = BlockKind::Photo;
  b.role = Role::Caption;
  b.image_path = p.path;
  b.image = p.image;
  b.focus = p.focus;
  b.source = p.where;
  const auto cap = text_style(theme.style(Role::Caption));
  if (!p.caption.empty()) {
    // ■ marks the start of a caption, as Chinese papers print it.
    core::Span mark = make_span(p.caption, "■", 0, cap);
    b.caption.push_back(mark);
    b.caption.push_back(make_span(p.caption, p.caption.value, 0, cap));
  }
  if (!p.credit.empty()) b.credit.push_back(make_span(p.credit, p.credit.value, 0, text_style(theme.style(Role::Credit))));
  return b;
}

StyledBlock highlights_block(const model::Article& a, const Theme& theme) {
  StyledBlock b;
  b.kind = BlockKind::Highlights;
  b.role = Role::Highlights;
  b.source = a.highlights.front().span;
  const auto value = text_style(theme.style(Role::HighlightValue));
  auto unit = text_style(theme.style(Role::Highlights));
  unit.color = value.color;
  const auto label = text_style(theme.style(Role::Highlights));
  for (const auto& h : a.highlights) {
    HighlightItem item;
    if (!h.value.empty()) item.figure.push_back(make_span(h.value, h.value.value, 0, value));
    if (!h.unit.empty()) item.figure.push_back(make_span(h.unit, h.unit.value, 0, unit));
    if (!h.label.empty()) item.label.push_back(make_span(h.label, h.label.value, 0, label));
    b.highlights.push_back(std::move(item));
  }
  return b;
}

// The lead story's headline is the largest; the others take the layout's
// next sizes, their leading scaled alike.
void rank_headline(StyledBlock& headline, std::size_t rank, const Theme& theme) {
  const auto& sizes = theme.makeup.headline_sizes;
  if (sizes.empty()) return;
  const auto& st = theme.style(Role::Headline);
  const double size = sizes[std::min(rank, sizes.size() - 1)];
  const double base_leading = st.leading > 0 ? st.leading : 1.25 * st.size;
  headline.leading = base_leading * size / st.size;
  for (auto& line : headline.lines)
    for (auto& span : line) span.style.size = size;
}

StyledArticle style_article(const model::Article& a, std::size_t rank, const Theme& theme) {
  StyledArticle out;
  out.source = a.span;
  out.title = a.headline.value;
  out.head.push_back(text_block(BlockKind::Union, Role::Union, a.union_name, theme));
  if (!a.kicker.empty()) out.head.push_back(text_block(BlockKind::Kicker, Role::Kicker, a.kicker, theme));
  out.head.push_back(text_block(BlockKind::Headline, Role::Headline, a.headline, theme));
  rank_headline(out.head.back(), rank, theme);
  if (!a.subheadline.empty())
    out.head.push_back(text_block(BlockKind::Subheadline, Role::Subheadline, a.subheadline, theme));

  // Column photos go after the lead, where a reader meets them first; the
  // column flow moves one to the next column top when it does not fit.
  std::vector<StyledBlock> column_photos;
  for (const auto& p : a.photos) {
    if (p.span == model::PhotoSpan::Page) out.wide_photos.push_back(photo_block(p, theme));
    else column_photos.push_back(photo_block(p, theme));
  }
  for (const auto& t : a.lead) out.flow.push_back(paragraph_block(t, theme));
  if (!a.highlights.empty()) out.flow.push_back(highlights_block(a, theme));
  for (auto& p : column_photos) out.flow.push_back(std::move(p));
  for (const auto& s : a.sections) {
    if (!s.heading.empty()) {
      StyledBlock banner;
      banner.kind = BlockKind::Banner;
      banner.role = Role::Banner;
      banner.source = s.heading.front().span;
      for (const auto& line : s.heading) banner.lines.push_back(plain(line, theme.style(Role::Banner)));
      out.flow.push_back(std::move(banner));
    }
    for (const auto& t : s.paragraphs) out.flow.push_back(paragraph_block(t, theme));
  }
  if (!a.byline.empty()) {
    StyledBlock by = text_block(BlockKind::Byline, Role::Byline, a.byline, theme);
    auto mark = make_span(a.byline, "■", 0, text_style(theme.style(Role::Byline)));
    by.lines.front().insert(by.lines.front().begin(), mark);
    out.flow.push_back(std::move(by));
  }
  return out;
}

}  // namespace

core::TextStyle text_style(const RoleStyle& r) {
  core::TextStyle s;
  s.role = r.font;
  s.size = r.size;
  s.color = r.color;
  s.tracking = r.tracking;
  s.han_latin_gap = r.han_latin_space;
  s.headline = r.headline;
  return s;
}

std::vector<core::Span> split_emphasis(const model::Text& t, const core::TextStyle& base,
                                       const core::TextStyle& emphasis) {
  std::vector<core::Span> spans;
  const std::string& s = t.value;
  // Only a matched pair of markers is emphasis; a lone ** stays as text.
  std::size_t pos = 0;
  int chars_before = 0;  // code points of `s` before `pos`
  auto emit = [&](std::size_t from, std::size_t to, int first_char, const core::TextStyle& st) {
    if (to > from) spans.push_back(make_span(t, s.substr(from, to - from), first_char, st));
  };
  while (pos < s.size()) {
    std::size_t open = s.find("**", pos);
    std::size_t close = open == std::string::npos ? std::string::npos : s.find("**", open + 2);
    if (close == std::string::npos) break;
    emit(pos, open, chars_before, base);
    int open_chars = chars_before + core::count_code_points(std::string_view(s).substr(pos, open - pos));
    emit(open + 2, close, open_chars + 2, emphasis);
    chars_before = open_chars + 2 + core::count_code_points(std::string_view(s).substr(open + 2, close - open - 2)) + 2;
    pos = close + 2;
  }
  emit(pos, s.size(), chars_before, base);
  return spans;
}

std::string chinese_date(const std::string& iso) {
  int y = 0, m = 0, d = 0;
  if (iso.size() != 10 || std::sscanf(iso.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) return "";
  if (m < 1 || m > 12 || d < 1 || d > 31) return "";
  // Day of the week from the civil date (Sakamoto's method): no clock, no locale.
  static constexpr int kOffsets[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  int yy = m < 3 ? y - 1 : y;
  int wd = (yy + yy / 4 - yy / 100 + yy / 400 + kOffsets[m - 1] + d) % 7;  // 0 = Sunday
  static constexpr const char* kDays[] = {"日", "一", "二", "三", "四", "五", "六"};
  return std::to_string(y) + "年" + std::to_string(m) + "月" + std::to_string(d) + "日 星期" + kDays[wd];
}

StyledDocument style_document(const model::Document& doc, const Theme& theme) {
  StyledDocument out;
  for (std::size_t i = 0; i < doc.articles.size(); ++i)
    out.articles.push_back(style_article(doc.articles[i], i, theme));
  out.folio.paper = plain(doc.meta.paper, theme.style(Role::Masthead));
  out.folio.edition = plain(doc.meta.edition, theme.style(Role::Folio));
  out.folio.date_text = chinese_date(doc.meta.date.value);
  out.folio.first_page = doc.meta.page;
  out.date = doc.meta.date.value;
  out.title = !doc.meta.title.empty() ? doc.meta.title.value
              : doc.articles.empty()  ? std::string()
                                      : doc.articles.front().headline.value;
  // What a library catalogue files the PDF under.
  out.subject = !doc.meta.subject.empty() ? doc.meta.subject.value
                : !doc.meta.paper.empty() ? doc.meta.paper.value
                                          : theme.subject;
  return out;
}

}  // namespace style
