// Break opportunities before line fitting: ICU's line breaks with the
// Chinese rules on top. "|" marks an allowed break, "!" a break allowed only
// because a word is wider than the column (at an ICU point), "?" one
// anywhere inside such a word.
#include <doctest/doctest.h>

#include "text/break_rules.h"
#include "text/shape_text.h"

namespace {

std::string render(const char* s, double narrowest_em, bool strict, bool words_only = false) {
  core::Span span;
  span.text = s;
  span.style.size = 10;
  core::Diagnostics diags;
  const text::MonoMetrics metrics;
  const text::ShapedText st = text::shape_text({span}, metrics, diags);
  core::CompositionRules rules;
  rules.strict = strict;
  rules.words_only = words_only;
  const auto breaks = text::find_breaks(st, narrowest_em * 10, rules);
  std::string out;
  for (std::size_t i = 0; i < st.clusters.size(); ++i) {
    const auto& c = st.clusters[i];
    out.append(st.text, c.begin, c.end - c.begin);
    if (i < breaks.size()) {
      switch (breaks[i].kind) {
        case text::Break::Allowed: out += '|'; break;
        case text::Break::Emergency: out += '!'; break;
        case text::Break::LastResort: out += '?'; break;
        case text::Break::Never: break;
      }
    }
  }
  return out;
}

struct Case {
  const char* rule;
  const char* text;
  double narrowest_em;
  bool strict;
  const char* expected;
};

const Case kCases[] = {
    {"closing marks never start, opening never end (between marks: a last resort)", "他说“好”。", 20, false,
     "他|说|“好”?。"},
    {"a run of marks longer than a line breaks between marks, as a last resort", "好。。。。", 2, false,
     "好。?。?。?。"},
    {"signs inside figures and names: 法院+工会", "法院+工会", 20, false, "法|院|+工|会"},
    {"numbers and percentages are units", "共10人，80%以上", 20, false, "共|10|人，|80%|以|上"},
    {"operators between figures keep them together: 3×4=12, 6÷2, 5−1, 5~10", "得3×4=12和6÷2与5−1及5~10人", 20, false,
     "得|3×4=12|和|6÷2|与|5−1|及|5~10|人"},
    {"$ with the number after it, ‰ with the one before", "收$300达3‰", 20, false, "收|$300|达|3‰"},
    {"a date is one unit", "于2024-12-18召开", 20, false, "于|2024-12-18|召|开"},
    {"currency and unit signs stay with the number", "￥3000元30℃", 20, false, "￥3000|元|30℃"},
    {"a Latin word is one unit", "用WeChat报名", 20, false, "用|WeChat|报|名"},
    {"Latin text breaks after spaces", "Hello big world", 20, false, "Hello |big |world"},
    {"a space between Han: break after it", "中央 国务院", 20, false, "中|央 |国|务|院"},
    {"—— and …… are units (basic: may start a line)", "他说——好……走", 20, false, "他|说|——|好|……|走"},
    {"strict: —— and …… may not start a line", "他说——好……走", 20, true, "他|说——|好……|走"},
    {"interpunct never starts a line", "马克思·恩格斯", 20, false, "马|克|思·|恩|格|斯"},
    {"solidus never ends a line (GB)", "劳模/工匠", 20, false, "劳|模|/工|匠"},
    {"half-width , and ) never start a line", "中文,abc)中", 20, false, "中|文,abc)|中"},
    {"a URL wider than the column: ICU points first, then anywhere", "https://a.cn/xy", 4, false,
     "h?t?t?p?s?:?/?/!a?.?c?n?/!x?y"},
    {"a URL narrower than the column is one unit", "https://a.cn/xy", 10, false, "https://a.cn/xy"},
    {"combining marks stay with their base", "cafe\u0301 好", 20, false, "cafe\u0301 |好"},
    {"ZWSP is an opportunity, a word joiner is not", "ab\u200Bcd\u2060ef", 20, false, "ab\u200B|cd\u2060ef"},
};

}  // namespace

TEST_CASE("find_breaks: ICU opportunities with the Chinese rules on top") {
  for (const auto& c : kCases) {
    CAPTURE(std::string(c.rule));
    CHECK(render(c.text, c.narrowest_em, c.strict) == c.expected);
  }
}

TEST_CASE("headlines break only between words (ICU's dictionary), inside a word only as a last resort") {
  // 广州市|从化区|深化|产业|工人|队伍|建设|改革|纪实: never 产业工/人.
  const std::string got = render("深化产业工人队伍建设", 20, false, true);
  CHECK(got.find("工|人") == std::string::npos);
  CHECK(got.find("工!人") != std::string::npos);
  CHECK(got.find("化|产") != std::string::npos);
  CHECK(got.find("伍|建") != std::string::npos);
  CHECK(render("深化产业工人队伍建设", 20, false, false).find("工|人") != std::string::npos);  // body text: anywhere
}
