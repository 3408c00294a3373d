// Where glyphs sit on a line: Han–Latin gaps, spaces, punctuation
// compression, indent, interpunct, alignment, tracking (rules R8–R12 and
// R16 of line_break_test.cpp's numbering). Positions in em of the fake monospace font, glyph origins.
#include <cstdio>

#include "core/utf8.h"
#include "text_test_support.h"

using namespace text_test;

namespace {

// "t@x" for every glyph of a line, x in em; a space shows as ␣.
std::string positions(const text::Line& line) {
  std::string s;
  for (const auto& g : line.glyphs) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "@%g", std::round(g.x / kEm * 1000) / 1000);
    if (!s.empty()) s += ' ';
    s += g.text == " " ? "␣" : g.text;
    s += buf;
  }
  return s;
}

struct PositionCase {
  const char* rule;
  const char* text;
  double width_em;
  double indent_em;
  core::Align align;
  int line;               // which line to look at
  const char* expected;   // positions()
  double set_width_em;    // expected Line::width in em
};

const PositionCase kCases[] = {
    {"R8 quarter em between Han and Latin/digits, none before ，", "共有120名职工，其中80人", 20, 0,
     core::Align::Left, 0, "共@0 有@1 1@2.25 2@2.75 0@3.25 名@4 职@5 工@6 ，@7 其@8 中@9 8@10.25 0@10.75 人@11.5", 12.5},
    {"a literal space between Han and Latin is that same gap, not doubled", "共有 120 名", 20, 0,
     core::Align::Left, 0, "共@0 有@1 ␣@2 1@2.25 2@2.75 0@3.25 ␣@3.75 名@4", 5},
    {"2024 年 with a space equals 2024年", "2024 年", 20, 0, core::Align::Left, 0, "2@0 0@0.5 2@1 4@1.5 ␣@2 年@2.25", 3.25},
    {"a space between two Han is a half-em gap", "会聚良缘 安居高明", 20, 0, core::Align::Left, 0,
     "会@0 聚@1 良@2 缘@3 ␣@4 安@4.5 居@5.5 高@6.5 明@7.5", 8.5},
    {"no gap between a digit and ，", "其中80，", 20, 0, core::Align::Left, 0, "其@0 中@1 8@2.25 0@2.75 ，@3.25", 3.75},
    {"Latin word space is the font's space", "AI and 工会", 20, 0, core::Align::Left, 0,
     "A@0 I@0.5 ␣@1 a@1.5 n@2 d@2.5 ␣@3 工@3.25 会@4.25", 5.25},
    {"R9 each pair of meeting marks takes 1.5 em", "他说：“好。”《劳动法》、《工会法》", 20, 0, core::Align::Left, 0,
     "他@0 说@1 ：@2 “@2.5 好@3.5 。@4.5 ”@5 《@5.5 劳@6.5 动@7.5 法@8.5 》@9.5 、@10 《@10.5 工@11.5 会@12.5 法@13.5 》@14.5",
     15},
    {"？！ pair compressed, line-end ！ half width", "真的吗？！", 20, 0, core::Align::Left, 0, "真@0 的@1 吗@2 ？@3 ！@3.5", 4},
    {"，“ pair: the comma gives up its blank", "说，“好”", 20, 0, core::Align::Left, 0, "说@0 ，@1 “@1.5 好@2.5 ”@3.5", 4},
    {"R10 line-end 。 half width, slack spread over the Han gaps", "工会成立了。职工", 6, 0, core::Align::Justify, 0,
     "工@0 会@1.1 成@2.2 立@3.3 了@4.4 。@5.5", 6},
    {"R11 no stretch inside 1280 or ——", "达到1280人——创新高", 8, 0, core::Align::Justify, 0,
     "达@0 到@1.167 1@2.583 2@3.083 8@3.583 0@4.083 人@5 —@6 —@7", 8},
    {"R12 two-em first-line indent", "“劳模精神”代代传", 20, 2, core::Align::Justify, 0,
     "“@2 劳@3 模@4 精@5 神@6 ”@7 代@8 代@9 传@10", 11},
    {"R16 interpunct is half an em", "马克思·恩格斯", 20, 0, core::Align::Left, 0, "马@0 克@1 思@2 ·@3 恩@3.5 格@4.5 斯@5.5", 6.5},
    {"an opening mark at line start keeps its full width: never before the column's edge", "《劳动法》、《工会法》等", 6, 0,
     core::Align::Justify, 0, "《@0 劳@1.25 动@2.5 法@3.75 》@5 、@5.5", 6},
    {"centred line (width: where the last box ends)", "工会", 6, 0, core::Align::Center, 0, "工@2 会@3", 4},
    {"right-aligned line", "工会", 6, 0, core::Align::Right, 0, "工@4 会@5", 6},
    {"Latin word spaces stretch twice as much as Han gaps", "AB CD中文字符串", 6, 0, core::Align::Justify, 0,
     "A@0 B@0.5 ␣@1 C@1.6 D@2.1 中@2.9 文@3.95 字@5", 6},
    {"operators take no space between Han: 法院+工会", "法院+工会", 20, 0, core::Align::Left, 0,
     "法@0 院@1 +@2 工@2.5 会@3.5", 4.5},
    {"operators take no space between digits: 3×4=12", "共3×4=12人", 20, 0, core::Align::Left, 0,
     "共@0 3@1.25 ×@1.75 4@2.25 =@2.75 1@3.25 2@3.75 人@4.5", 5.5},
    {"operators take no space between digits: 6÷2−1, 5~10", "共6÷2−1与5~10人", 20, 0, core::Align::Left, 0,
     "共@0 6@1.25 ÷@1.75 2@2.25 −@2.75 1@3.25 与@4 5@5.25 ~@5.75 1@6.25 0@6.75 人@7.5", 8.5},
    {"a dash between figures: 1—11月", "1—11月", 20, 0, core::Align::Left, 0, "1@0 —@0.5 1@1.5 1@2 月@2.75", 3.75},
    {"± stays with its number, no gap before it: 误差±0.01mm", "误差±0.01mm内", 20, 0, core::Align::Left, 0,
     "误@0 差@1 ±@2 0@2.5 .@3 0@3.5 1@4 m@4.5 m@5 内@5.75", 6.75},
    {"trailing space at a break: zero width at the right edge", "中共中央 国务院印发", 5, 0, core::Align::Justify, 0,
     "中@0 共@1.333 中@2.667 央@4 ␣@5", 5},
};

}  // namespace

TEST_CASE("glyph positions follow the spacing and compression rules") {
  for (const auto& c : kCases) {
    CAPTURE(std::string(c.rule));
    Options o;
    o.indent_em = c.indent_em;
    o.align = c.align;
    const auto spec = mono_spec(c.text, c.width_em, o);
    const auto lines = set_mono(spec);
    REQUIRE(static_cast<int>(lines.size()) > c.line);
    CHECK(positions(lines[c.line]) == c.expected);
    CHECK(lines[c.line].width / kEm == doctest::Approx(c.set_width_em));
    check_invariants(spec, lines);
  }
}

TEST_CASE("han_latin_space none sets Han and Latin solid; a headline's space is a full em") {
  Options o = aligned(core::Align::Left);
  auto spec = mono_spec("2024年12月18日 共有120名职工", 30, o);
  spec.spans[0].style.han_latin_gap = 0;
  auto lines = set_mono(spec);
  REQUIRE(lines.size() == 1);
  CHECK(positions(lines[0]) ==
        "2@0 0@0.5 2@1 4@1.5 年@2 1@3 2@3.5 月@4 1@5 8@5.5 日@6 ␣@7 共@7.5 有@8.5 1@9.5 2@10 0@10.5 名@11 职@12 工@13");
  spec = mono_spec("推进产改走深走实 赋能产业工人成才成匠", 30, o);
  spec.spans[0].style.headline = true;
  lines = set_mono(spec);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].glyphs[9].text == "赋");
  CHECK(lines[0].glyphs[9].x == doctest::Approx(9 * kEm));  // 8 characters, then one em
}

TEST_CASE("a full-width mark at line end is half width; in when-needed mode only if that helps") {
  Options o;
  auto lines = set_mono(mono_spec("工会成立了。职工", 6, o));
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].glyphs.back().set_width == doctest::Approx(0.5 * kEm));
  o.rules.line_end = core::LineEndMarks::HalfWhenNeeded;
  lines = set_mono(mono_spec("工会成立了。职工", 6, o));
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].glyphs.back().set_width == doctest::Approx(1.0 * kEm));
  CHECK(lines[0].glyphs.back().x == doctest::Approx(5 * kEm));
}

TEST_CASE("tracking adds space after every character but the last of a line") {
  auto spec = mono_spec("工会组织", 20, aligned(core::Align::Left));
  spec.spans[0].style.tracking = 0.1;
  const auto lines = set_mono(spec);
  REQUIRE(lines.size() == 1);
  CHECK(positions(lines[0]) == "工@0 会@1.1 组@2.2 织@3.3");
  CHECK(lines[0].width == doctest::Approx(4.3 * kEm));

  // At a break the tracking goes with the gap: lines stay flush.
  for (const char* text : {"工会组织工会组织", "ab cd ef gh", "cafe\u0301 cafe\u0301 cafe\u0301"}) {
    CAPTURE(std::string(text));
    auto narrow = mono_spec(text, 4.3);
    narrow.spans[0].style.tracking = 0.1;
    const auto set = set_mono(narrow);
    CHECK(set.size() > 1);
    check_invariants(narrow, set);
  }
  // A combining mark stays on its base: tracking comes after the pair.
  auto accent = mono_spec("e\u0301x", 20, aligned(core::Align::Left));
  accent.spans[0].style.tracking = 0.1;
  CHECK(positions(set_mono(accent)[0]) == "e@0 \u0301@0.5 x@0.6");
}

TEST_CASE("a character no font has is kept, flagged missing and reported with its position") {
  const text::MonoMetrics metrics({U'𡌶', U'ᚠ'});
  auto spec = mono_spec("姓𡌶名ᚠ", 20, aligned(core::Align::Left));
  core::Diagnostics diags;
  const auto lines = text::set_paragraph(spec, metrics, diags);
  REQUIRE(lines.size() == 1);
  const auto& g = lines[0].glyphs;
  REQUIRE(g.size() == 4);
  CHECK(g[1].missing);
  CHECK(g[1].text == "𡌶");
  CHECK(g[1].gid == 0);
  CHECK(g[1].set_width == doctest::Approx(kEm));  // a wide placeholder box
  CHECK(g[3].missing);
  CHECK(g[3].set_width == doctest::Approx(0.5 * kEm));  // a narrow one
  CHECK_FALSE(g[0].missing);
  REQUIRE(diags.warning_count() == 2);
  const std::string first = core::format(diags.all()[0]);
  CHECK(first.find("doc.yaml:3:8: warning:") == 0);
  CHECK(first.find("U+21336") != std::string::npos);
  CHECK(first.find("𡌶") != std::string::npos);
  CHECK(core::format(diags.all()[1]).find("doc.yaml:3:10:") == 0);
  CHECK(core::format(diags.all()[1]).find("U+16A0") != std::string::npos);
}

TEST_CASE("spans keep their style and source; emphasis in hei joins the text seamlessly") {
  text::ParagraphSpec spec;
  core::Span lead{"产改工作", {core::FontRole::Hei, kEm, {0.8, 0, 0}, 0}, {"a.yaml", 4, 12}, true};
  core::Span body{"走深走实。", {core::FontRole::Song, kEm, {}, 0}, {"a.yaml", 4, 18}, true};
  spec.spans = {lead, body};
  spec.width = 20 * kEm;
  const auto lines = set_mono(spec);
  REQUIRE(lines.size() == 1);
  const auto& g = lines[0].glyphs;
  REQUIRE(g.size() == 9);
  CHECK(g[0].color == core::Color{0.8, 0, 0});
  CHECK(g[3].source.column == 15);
  CHECK(g[4].source.column == 18);
  CHECK(g[5].source.column == 19);
  CHECK(g[4].x == doctest::Approx(4 * kEm));
  CHECK(all_text(lines) == "产改工作走深走实。");
}

TEST_CASE("a span not on one line gives every glyph the span's own position") {
  auto spec = mono_spec("工会", 20);
  spec.spans[0].one_line = false;
  const auto lines = set_mono(spec);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].glyphs[1].source.column == 7);
}

TEST_CASE("lines carry the ideographic em box of their largest type") {
  const auto lines = set_mono(mono_spec("工会", 20));
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].size == kEm);
  CHECK(lines[0].ascent == doctest::Approx(0.88 * kEm));
  CHECK(lines[0].descent == doctest::Approx(0.12 * kEm));
  CHECK(lines[0].last);
}

TEST_CASE("empty and blank paragraphs") {
  CHECK(set_mono(mono_spec("", 10)).empty());
  const auto spec = mono_spec("  中文 ", 10);
  const auto lines = set_mono(spec);
  CHECK(all_text(lines) == "  中文 ");
  check_invariants(spec, lines);
}

TEST_CASE("a two-line headline breaks between words: 产业工人, not 产业工/人") {
  Options o = aligned(core::Align::Center);
  auto spec = mono_spec("广州市从化区深化产业工人队伍建设改革纪实", 11, o);
  spec.spans[0].style.headline = true;
  const auto lines = set_mono(spec);
  REQUIRE(lines.size() == 2);
  CHECK(line_text(lines[0]) == "广州市从化区深化产业");
  CHECK(line_text(lines[1]) == "工人队伍建设改革纪实");
  spec.spans[0].style.headline = false;  // body text may break anywhere
  CHECK(line_text(set_mono(spec)[0]) == "广州市从化区深化产业工");
}

TEST_CASE("…… and —— are never alone on a paragraph's last line") {
  Options o = aligned(core::Align::Justify);
  for (const char* text : {"工会组织了培训活动……", "工会组织了培训活动——"}) {
    CAPTURE(std::string(text));
    const auto lines = set_mono(mono_spec(text, 9, o));
    REQUIRE(lines.size() == 2);
    CHECK(core::count_code_points(line_text(lines[1])) >= 3);  // a character comes down with the marks
  }
}
