// Where lines break: the Chinese rules, numbered R1–R17 here (each case
// states its rule), on the fake monospace font (CJK 1 em, other characters
// 0.5 em). Every row also checks
// the invariants: all text kept in order, justified lines flush both sides.
#include "text_test_support.h"

using namespace text_test;

namespace {

enum class Mode { Basic, Strict, HalfWhenNeeded };

struct BreakCase {
  const char* rule;
  const char* text;
  double width_em;
  double indent_em;
  Mode mode;
  const char* lines;  // expected, "|" between lines
};

const BreakCase kCases[] = {
    // Chinese breaks between any two characters.
    {"CJK wraps between any two characters", "县总工会表彰先进", 4, 0, Mode::Basic, "县总工会|表彰先进"},
    {"a line that fits exactly is not touched", "县总工会表彰先进", 8, 0, Mode::Basic, "县总工会表彰先进"},
    // R1: closing marks never start a line; the character before is pushed down.
    {"R1 ， never starts a line: push out", "工会组织了培训，职工积极参加。", 7, 0, Mode::Basic,
     "工会组织了培|训，职工积极|参加。"},
    {"。 at a break stays on the line above", "职工之家建设。", 6, 0, Mode::Basic, "职工之家建|设。"},
    // R2: squeeze before push (先挤进, 后推出).
    {"R2 squeeze 、 and line-end 。 before pushing out", "工会、职工好。再见", 6, 0, Mode::Basic,
     "工会、职工好。|再见"},
    {"R2 also when line-end marks are halved only when needed", "工会、职工好。再见", 6, 0,
     Mode::HalfWhenNeeded, "工会、职工好。|再见"},
    // R3: opening marks never end a line.
    {"R3 “ never ends a line", "总工会开展了“送清凉”活动", 7, 0, Mode::Basic, "总工会开展了|“送清凉”活动"},
    {"opening quote moves down with its word", "他说“好”", 3, 0, Mode::Basic, "他说|“好”"},
    {"《 never ends a line; a line-start 《 is not squeezed to pull a character up", "《劳动法》、《工会法》等", 6, 0,
     Mode::Basic, "《劳动法》、|《工会法》等"},
    // R4, R5: —— and …… are one unit.
    {"R4 —— never split (basic: may start a line)", "他说——好", 3, 0, Mode::Basic, "他说|——好"},
    {"R4 strict: —— may not start a line", "他说——好", 3, 0, Mode::Strict, "他|说——|好"},
    {"R5 …… never split", "我们……走", 3, 0, Mode::Basic, "我们|……走"},
    {"R5 strict: …… may not start a line", "我们……走", 3, 0, Mode::Strict, "我|们……|走"},
    {"R11 —— ends a line whole", "达到1280人——创新高", 8, 0, Mode::Basic, "达到1280人——|创新高"},
    // Runs of closing marks stay together at the end of a line.
    {"？！ run stays on the line, compressed", "真的吗？！好啊", 4, 0, Mode::Basic, "真的吗？！|好啊"},
    {"）”， run ends the line, all three compressed", "他们都说是（真的）”，很好", 9, 0, Mode::Basic,
     "他们都说是（真的）”，|很好"},
    {"）” run never starts a line", "大家都说（真的）”很好", 7, 0, Mode::Basic, "大家都说（真|的）”很好"},
    {"。” at a break: both stay, 。” takes one em", "他说：“好的。”然后", 6, 0, Mode::Basic,
     "他说：“好的。”|然后"},
    {"。” at a break in a wider line", "他说：“好的。”然后", 7, 0, Mode::Basic, "他说：“好的。”|然后"},
    // R6: numbers with their affixes are one unit.
    {"R6 1280 and 35.6% are never split", "全年培训1280人次，增长35.6%", 8, 0, Mode::Basic,
     "全年培训1280人|次，增长35.6%"},
    {"R6 in a narrow column", "全年培训1280人次，增长35.6%", 6, 0, Mode::Basic, "全年培训|1280人次，增|长35.6%"},
    {"80% stays whole", "职工增长80%以上", 5, 0, Mode::Basic, "职工增长|80%以上"},
    {"2024 stays whole; 年 may follow on the next line", "会议于2024年3月召开", 6, 0, Mode::Basic,
     "会议于2024|年3月召开"},
    {"a date 2024-12-18 is one unit", "日期为2024-12-18，请查收", 9, 0, Mode::Basic, "日期为2024-12-18，|请查收"},
    {"￥3000 and 30℃ keep their signs", "价格￥3000元，气温30℃左右", 5, 0, Mode::Basic, "价格￥3000|元，气温|30℃左右"},
    // R7: Latin words are whole unless wider than the column.
    {"R7 a Latin word moves whole", "通过WeChat小程序报名", 6, 0, Mode::Basic, "通过WeChat|小程序报名"},
    {"R7 a word alone on its line is letter-spaced, not split", "通过WeChat小程序报名", 4, 0, Mode::Basic,
     "通过|WeChat|小程序报|名"},
    {"Latin text breaks at spaces; word spaces squeeze", "Hello world, this is Latin text.", 8, 0,
     Mode::Basic, "Hello world, this |is Latin text."},
    {"a word wider than the column is broken", "Supercalifragilistic", 6, 0, Mode::Basic, "Supercalifra|gilistic"},
    {"a URL narrower than the column stays whole", "详见acftu.org/a.html网页", 13, 0, Mode::Basic,
     "详见acftu.org/a.html网页"},
    {"a URL that does not fit the rest of a line moves whole", "网址：acftu.org/a.html", 10, 0, Mode::Basic,
     "网址：|acftu.org/a.html"},
    {"a URL wider than the column is broken to fill lines", "详见https://www.acftu.org/xwdt/index.html网页", 12,
     0, Mode::Basic, "详见https://www.acftu.o|rg/xwdt/index.html网页"},
    {"Han–Latin text in a narrow column", "中文English混排Text测试", 6, 0, Mode::Basic,
     "中文English|混排Text测|试"},
    // R10: a mark at line end is half width.
    {"R10 line-end 。 set half width, line justified", "工会成立了。职工", 6, 0, Mode::Basic, "工会成立了。|职工"},
    {"R10 when-needed mode: 。 keeps its width when the line fits", "工会成立了。职工", 6, 0, Mode::HalfWhenNeeded,
     "工会成立了。|职工"},
    // R14: no 孤字 on the last line when a better break exists.
    {"R14 one char + 。 alone is avoided", "工会组织了培训活动。", 8, 0, Mode::Basic, "工会组织了培训|活动。"},
    {"R14 holds in when-needed mode too", "工会组织了培训活动。", 8, 0, Mode::HalfWhenNeeded, "工会组织了培训|活动。"},
    {"R14 a single char alone is avoided", "我们一起努力", 5, 0, Mode::Basic, "我们一起|努力"},
    {"R14 looks across the whole paragraph", "一二三四五六七八九十一二三四五六七八九十一", 10, 0, Mode::Basic,
     "一二三四五六七八九十|一二三四五六七八九|十一"},
    {"R14 with a first-line indent", "工会组织了培训活动。", 8, 2, Mode::Basic, "工会组织了培|训活动。"},
    {"孤字 kept when the only alternative is far looser", "职工之家建设。", 6, 0, Mode::Basic, "职工之家建|设。"},
    // R16, R17.
    {"R16 · never starts a line", "马克思·恩格斯", 4, 0, Mode::Basic, "马克思·|恩格斯"},
    {"R17 / never ends a line (GB)", "劳模/工匠", 3, 0, Mode::Basic, "劳模|/工匠"},
    // Spaces.
    {"a space between Han is a break opportunity, kept as text", "中共中央 国务院印发", 5, 0, Mode::Basic,
     "中共中央 |国务院印发"},
    {"ZWSP is a break opportunity inside Latin text", "abc\u200Bdef", 2, 0, Mode::Basic, "abc\u200B|def"},
    {"a no-break space never breaks", "共10\u00A0000人参加", 4, 0, Mode::Basic, "共10\u00A0000|人参加"},
    {"R12 two-character indent; “ keeps its box", "“劳模精神”代代传承不息", 6, 2, Mode::Basic,
     "“劳模精|神”代代传承|不息"},
};

core::CompositionRules rules_for(Mode m) {
  core::CompositionRules r;
  r.strict = m == Mode::Strict;
  if (m == Mode::HalfWhenNeeded) r.line_end = core::LineEndMarks::HalfWhenNeeded;
  return r;
}

}  // namespace

TEST_CASE("set_paragraph breaks lines by the Chinese rules") {
  for (const auto& c : kCases) {
    CAPTURE(std::string(c.rule));
    CAPTURE(std::string(c.text));
    Options o;
    o.indent_em = c.indent_em;
    o.rules = rules_for(c.mode);
    const auto spec = mono_spec(c.text, c.width_em, o);
    const auto lines = set_mono(spec);
    CHECK(joined(lines) == c.lines);
    check_invariants(spec, lines);
  }
}
