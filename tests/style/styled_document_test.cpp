// The style stage: emphasis markers, dates for the folio.
#include <doctest/doctest.h>

#include "style/styled_document.h"

using style::split_emphasis;

namespace {

model::Text one_line(const std::string& s) {
  model::Text t;
  t.value = s;
  t.span = {"doc.yaml", 4, 10};
  t.one_line = true;
  return t;
}

std::string joined(const std::vector<core::Span>& spans) {
  std::string out;
  for (const auto& s : spans) out += (s.style.role == core::FontRole::Hei ? "[" + s.text + "]" : s.text);
  return out;
}

}  // namespace

TEST_CASE("split_emphasis marks **text** in the emphasis style and keeps everything else") {
  core::TextStyle body;
  core::TextStyle emph;
  emph.role = core::FontRole::Hei;
  struct Case {
    const char* input;
    const char* expected;
  };
  const Case cases[] = {
      {"普通段落", "普通段落"},
      {"**思想领航，凝心铸魂。**阳春市总工会", "[思想领航，凝心铸魂。]阳春市总工会"},
      {"前**中**后", "前[中]后"},
      {"**甲**乙**丙**", "[甲]乙[丙]"},
      {"只有一个**标记", "只有一个**标记"},  // unmatched: kept as text, never dropped
      {"", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.input);
    CHECK(joined(split_emphasis(one_line(c.input), body, emph)) == c.expected);
  }
}

TEST_CASE("split_emphasis gives each span the column of its first character") {
  core::TextStyle body, emph;
  auto spans = split_emphasis(one_line("前**中**后"), body, emph);
  REQUIRE(spans.size() == 3);
  CHECK(spans[0].source.column == 10);
  CHECK(spans[1].source.column == 13);  // after 前 and the two asterisks
  CHECK(spans[2].source.column == 16);
}

TEST_CASE("chinese_date names the weekday without a clock") {
  CHECK(style::chinese_date("2024-12-18") == "2024年12月18日 星期三");
  CHECK(style::chinese_date("2000-01-01") == "2000年1月1日 星期六");
  CHECK(style::chinese_date("2026-11-24") == "2026年11月24日 星期二");
  CHECK(style::chinese_date("2024-13-01").empty());
  CHECK(style::chinese_date("tomorrow").empty());
}

TEST_CASE("the PDF subject: the document's, else its paper's name, else the layout's") {
  style::Theme theme;
  theme.subject = "职工风采";
  model::Document doc;
  CHECK(style::style_document(doc, theme).subject == "职工风采");
  doc.meta.paper = one_line("安吉工人报");
  CHECK(style::style_document(doc, theme).subject == "安吉工人报");
  doc.meta.subject = one_line("产改成果");
  CHECK(style::style_document(doc, theme).subject == "产改成果");
}
