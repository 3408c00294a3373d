// Line breaks inside strings: joined without a space between Chinese
// characters, with one space between Latin words.
#include <doctest/doctest.h>

#include <string>

#include "source/yaml_reader.h"

namespace {

// The scalar under key `t` of a one-key document.
source::ScalarText read_t(const std::string& yaml) {
  core::Diagnostics diags;
  source::YamlReader r(diags);
  REQUIRE(r.load_text(yaml, "t.yaml"));
  constexpr std::string_view keys[] = {"t"};
  const auto map = r.root_map("the document", keys);
  REQUIRE(map);
  const auto t = r.text(*map->get("t"));
  REQUIRE(t);
  CHECK(core::format_all(diags) == "");
  return *t;
}

}  // namespace

TEST_CASE("folded line breaks join Chinese without a space and Latin with one") {
  struct Row {
    std::string name;
    const char* yaml;
    const char* expected;
  };
  const Row rows[] = {
      {"plain, Chinese", "t: 推进产改\n  走深走实\n", "推进产改走深走实"},
      {"plain, Latin", "t: hello\n  world\n", "hello world"},
      {"plain, Chinese then a digit", "t: 承办2024\n  年佛山市\n", "承办2024 年佛山市"},
      {"plain, full-width punctuation", "t: 工会，\n  职工。\n", "工会，职工。"},
      {"plain, Chinese quotes", "t: 成立\n  “百千万工程”\n", "成立“百千万工程”"},
      {"a space typed on one line stays", "t: 中共中央 国务院\n", "中共中央 国务院"},
      {"a typed space and a fold", "t: 会聚良缘 安居高明\n  暨活动\n", "会聚良缘 安居高明暨活动"},
      {"double-quoted", "t: \"推进产改\n   走深走实\"\n", "推进产改走深走实"},
      {"double-quoted, several lines", "t: \"一\n  二\n  three\n  four\"\n", "一二 three four"},
      {"double-quoted, escaped line break", "t: \"ab\\\n  cd\"\n", "abcd"},
      {"double-quoted, escapes before a fold", "t: \"\\u4e2d\\\"\\t\n  文\"\n", "中\"\t 文"},
      {"double-quoted, unicode escape then fold", "t: \"\\u4e2d\n  文\"\n", "中文"},
      {"double-quoted, newline escape", "t: \"第一\\n第二\"\n", "第一第二"},
      {"single-quoted with a doubled quote", "t: 'it''s 中\n  文'\n", "it's 中文"},
      {"folded block", "t: >\n  推进\n  产改\n", "推进产改"},
      {"folded block with a blank line", "t: >\n  alpha\n\n  beta\n", "alpha beta"},
      {"literal block", "t: |\n  第一行\n  第二行\n", "第一行第二行"},
      {"literal block, Latin", "t: |\n  one\n  two\n", "one two"},
      {"trailing spaces before a fold", "t: 推进  \n  产改\n", "推进产改"},
      {"a comment after the value", "t: 推进产改  # note\n", "推进产改"},
      {"Windows line ends, plain", "t: 推进\r\n  产改\r\n", "推进产改"},
      {"Windows line ends, quoted", "t: \"hello\r\n  world\"\r\n", "hello world"},
      {"Windows line ends, literal block", "t: |\r\n  第一行\r\n  第二行\r\n", "第一行第二行"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    CHECK(read_t(row.yaml).value == row.expected);
  }
}

TEST_CASE("a one-line string points at its first character, so char_span finds each one") {
  struct Row {
    std::string name;
    const char* yaml;
    int line, column;
    bool one_line;
  };
  const Row rows[] = {
      {"plain", "t: 佛山市\n", 1, 4, true},
      {"double-quoted: after the quote", "t: \"推进产改\"\n", 1, 5, true},
      {"single-quoted: after the quote", "t: '推进产改'\n", 1, 5, true},
      {"after a tag", "t: !!str 276\n", 1, 10, true},
      {"on a later line", "# c\nt:\n  推进产改\n", 3, 3, true},
      {"a number", "t: 276\n", 1, 4, true},
      {"an escape: positions can no longer be trusted", "t: \"a\\\"b\"\n", 1, 5, false},
      {"several lines: the start", "t: 推进\n  产改\n", 1, 4, false},
      {"block: its first content line", "t: |\n\n  第一行\n  第二行\n", 3, 3, false},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    const auto t = read_t(row.yaml);
    CHECK(t.span.line == row.line);
    CHECK(t.span.column == row.column);
    CHECK(t.one_line == row.one_line);
  }
}
