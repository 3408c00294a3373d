// The yaml-cpp wrapper: what it refuses before building a tree, and the
// exact words of every kind of message the loaders rely on.
#include <doctest/doctest.h>

#include <ctime>

#include <chrono>
#include <string>

#include "source/yaml_prescan.h"
#include "source/yaml_reader.h"

namespace {

using core::Diagnostics;
using source::YamlReader;

std::string load(const std::string& yaml) {
  Diagnostics diags;
  YamlReader r(diags);
  r.load_text(yaml, "t.yaml");
  return core::format_all(diags);
}

constexpr std::string_view kKeys[] = {"union", "headline", "page", "span", "rule", "size", "lead"};

// Runs `body` on the root mapping of `yaml` and returns every message.
template <typename Body>
std::string with_root(const std::string& yaml, Body body) {
  Diagnostics diags;
  YamlReader r(diags);
  REQUIRE(r.load_text(yaml, "t.yaml"));
  if (auto map = r.root_map("article", kKeys)) body(r, *map);
  return core::format_all(diags);
}

// The classic "billion laughs": nine levels of nine aliases, 10^9 strings
// when expanded.
std::string alias_bomb() {
  std::string yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  for (char c = 'b'; c <= 'i'; ++c) {
    const std::string prev(1, static_cast<char>(c - 1));
    yaml += std::string(1, c) + ": &" + std::string(1, c) + " [";
    for (int i = 0; i < 9; ++i) yaml += (i ? ",*" : "*") + prev;
    yaml += "]\n";
  }
  return yaml;
}

}  // namespace

TEST_CASE("problems found before a tree is built") {
  struct Row {
    std::string name;
    std::string yaml;
    std::string expected;
  };
  const Row rows[] = {
      {"an unclosed '[' is reported where it opens", "a: [1, 2\nb: 3\n",
       "t.yaml:1:4: error: this '[' is never closed; add a ']' where the list ends\n"},
      {"an unclosed mapping inside a sequence", "a: [{b: 1, c: [2]\n",
       "t.yaml:1:5: error: this '{' is never closed; add a '}' where the mapping ends\n"},
      {"a key indented to no level", "标题: 推进\n 错: 误\n",
       "t.yaml:2:2: error: wrong indentation: this key is indented 1 space and lines up with nothing above "
       "it; indent it 0 spaces, like line 1\n"},
      {"a value with ': ' in it", "a: 1\n标题: 推进: 错\n",
       "t.yaml:2:5: error: this value contains ': ', which YAML reads as another key; put the value in "
       "quotes: 标题: \"推进: 错\"\n"},
      {"a key without its colon, found on the line after", "a: 1\nheadline 标题\nb: 2\n",
       "t.yaml:2:1: error: the key 'headline' has no colon after it; write 'headline: 标题'\n"},
      {"a tab in the indentation", "a:\n\t- 1\n",
       "t.yaml:2:1: error: a tab in the indentation: YAML indents with spaces only\n"},
      {"a full-width colon after a key", "a: 1\nbyline：记者\n",
       "t.yaml:2:7: error: the key 'byline' is followed by the full-width colon '：' (U+FF1A) of a Chinese "
       "input method; type an ASCII colon and a space instead: 'byline: '\n"},
      {"full-width spaces as indentation", "a:\n\u3000- 1\n",
       "t.yaml:2:1: error: this line is indented with the full-width space '\u3000' (U+3000) of a Chinese "
       "input method; indent with ordinary spaces instead\n"},
      {"a full-width list mark", "a:\n  \uff0d 1\n",
       "t.yaml:2:3: error: the list mark is the full-width '－' (U+FF0D) of a Chinese input method; type '-' "
       "followed by a space instead\n"},
      {"full-width marks inside values are text", "a: 时间：2024年\nb:\n  - 　　段落\n", ""},
      {"an alias inside the value it names", "a: &x [1, *x]\n",
       "t.yaml:1:11: error: this alias is inside the value it names, which would repeat without end\n"},
      {"a quoted string never closed", "a: ok\nb: \"推进产改\n",
       "t.yaml:2:4: error: this quoted string has no closing quote\n"},
      {"a single-quoted string never closed", "a: 'it''s\n",
       "t.yaml:1:4: error: this quoted string has no closing quote\n"},
      {"content after the document", "- a\nb: c\n",
       "t.yaml:2:1: error: unexpected content after the end of the document (a file holds one YAML document)\n"},
      {"a second document", "a: 1\n---\nb: 2\n",
       "t.yaml:2:1: error: unexpected content after the end of the document (a file holds one YAML document)\n"},
      {"aliases within the budget", "a: &x [1]\nb: *x\nc: [*x]\n", ""},
      {"only comments", "# nothing here\n", "t.yaml: error: the document is empty\n"},
      {"an explicit null", "~\n", "t.yaml: error: the document is empty\n"},
      {"a good document", "a: 1\n", ""},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    CHECK(load(row.yaml) == row.expected);
  }
}

TEST_CASE("an alias bomb is refused quickly, without expanding it") {
  const auto start = std::chrono::steady_clock::now();
  Diagnostics diags;
  YamlReader r(diags);
  CHECK_FALSE(r.load_text(alias_bomb(), "bomb.yaml"));
  const auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK(elapsed < std::chrono::seconds(2));
  // 9 + 81 + ... values: line 6 is the first to pass 100,000, at its first alias.
  REQUIRE(diags.all().size() == 1);
  CHECK(core::format(diags.all()[0]) ==
        "bomb.yaml:6:8: error: this alias takes the document past 100000 values (an alias counts as often "
        "as it is used); no document is that large, so this looks like an alias bomb");
}

TEST_CASE("a file with too many values is refused before a tree is built") {
  std::string yaml = "lead: [";
  for (int i = 0; i < 100'000; ++i) yaml += "1,";
  yaml += "1]\n";
  CHECK(load(yaml) == "t.yaml:1:200002: error: too many values in one file (more than 100000)\n");
}

TEST_CASE("positions on one very long line are found quickly") {
  // 50,000 strings on one line: each position must not rescan the line.
  std::string yaml = "lead: [";
  for (int i = 0; i < 50'000; ++i) yaml += "段落,";
  yaml += "尾]\n";
  // CPU time: a busy machine must not fail it (a rescan per position would
  // take minutes, not seconds).
  const std::clock_t start = std::clock();
  with_root(yaml, [](YamlReader& r, const source::YamlMap& map) {
    const auto lead = r.text_list(*map.get("lead"));
    REQUIRE(lead);
    REQUIRE(lead->size() == 50'001);
    CHECK(lead->back().span.column == 8 + 50'000 * 3);
  });
  CHECK(static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC < 5.0);
}

TEST_CASE("a document that is not a mapping") {
  struct Row {
    std::string yaml, expected;
  };
  const Row rows[] = {
      {"- a\n- b\n", "t.yaml:1:1: error: the document must be a mapping, got a sequence\n"},
      {"just words\n", "t.yaml:1:1: error: the document must be a mapping, got 'just words'\n"},
      {"  \"quoted\"\n", "t.yaml:1:4: error: the document must be a mapping, got 'quoted'\n"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.yaml);
    Diagnostics diags;
    YamlReader r(diags);
    REQUIRE(r.load_text(row.yaml, "t.yaml"));
    CHECK_FALSE(r.root_map("the document", kKeys));
    CHECK(core::format_all(diags) == row.expected);
  }
}

TEST_CASE("keys: unknown and repeated ones are errors, with a suggestion") {
  const auto messages = with_root(
      "union: 工会\nheadlin: 标题\ncolour: red\nunion: 又一个\n[a, b]: c\nHeadline: x\n",
      [](YamlReader&, const source::YamlMap& map) {
        CHECK(map.entries.size() == 4);
        CHECK(map.get("union")->value.Scalar() == "工会");
      });
  CHECK(messages ==
        "t.yaml:2:1: error: unknown key 'headlin' in article; did you mean 'headline'?\n"
        "t.yaml:3:1: error: unknown key 'colour' in article; known keys are union, headline, page, span, "
        "rule, size and lead\n"
        "t.yaml:4:1: error: duplicate key 'union' (first given on line 1)\n"
        "t.yaml:5:1: error: a key must be a string, got a sequence\n"
        "t.yaml:6:1: error: unknown key 'Headline' in article; did you mean 'headline'?\n");
}

TEST_CASE("a missing required key is reported at its mapping; an empty one at the key") {
  CHECK(with_root("# top\n\n  union: 工会\n  page: 1\n",
                  [](YamlReader& r, const source::YamlMap& map) { CHECK_FALSE(r.required_text(map, "headline")); }) ==
        "t.yaml:3:3: error: missing required key 'headline' in article\n");
  CHECK(with_root("union: 工会\nheadline:\npage: 1\n",
                  [](YamlReader& r, const source::YamlMap& map) {
                    CHECK(map.find("headline"));
                    CHECK_FALSE(map.get("headline"));
                    CHECK_FALSE(r.required_text(map, "headline"));
                  }) == "t.yaml:2:1: error: 'headline' must not be empty\n");
  CHECK(with_root("headline: \"  \"\n",
                  [](YamlReader& r, const source::YamlMap& map) { CHECK_FALSE(r.required_text(map, "headline")); }) ==
        "t.yaml:1:12: error: 'headline' must not be empty\n");
}

TEST_CASE("wrong types are reported at the value with what was found") {
  struct Row {
    std::string name;
    std::string yaml;
    std::string expected;
  };
  const Row rows[] = {
      {"integer, got a sequence", "page: [5]\n", "t.yaml:1:7: error: 'page' must be an integer, got a sequence\n"},
      {"integer, got a decimal", "page: 5.5\n", "t.yaml:1:7: error: 'page' must be an integer, got '5.5'\n"},
      {"integer, got nothing", "page:\n", ""},  // absent: the default stays
      {"number, got words", "size: big\n", "t.yaml:1:7: error: 'size' must be a number, got 'big'\n"},
      {"number, got infinity", "size: 1e999\n", "t.yaml:1:7: error: 'size' must be a number, got '1e999'\n"},
      {"boolean", "rule: maybe\n", "t.yaml:1:7: error: 'rule' must be true or false, got 'maybe'\n"},
      {"string, got a mapping", "headline: {a: 1}\n",
       "t.yaml:1:11: error: 'headline' must be a string, got a mapping\n"},
      {"enum with a near miss", "span: colum\n",
       "t.yaml:1:7: error: 'span' must be column or page, got 'colum'; did you mean 'column'?\n"},
      {"enum far off", "span: full\n", "t.yaml:1:7: error: 'span' must be column or page, got 'full'\n"},
      {"list of strings", "lead: [一, [二], {三: 3}, ~]\n",
       "t.yaml:1:11: error: 'lead' item 2 must be a string, got a sequence\n"
       "t.yaml:1:16: error: 'lead' item 3 must be a string, got a mapping\n"
       "t.yaml:1:7: error: 'lead' item 4 must be a string, got nothing\n"},
      {"list, got a string", "lead: 一段\n", "t.yaml:1:7: error: 'lead' must be a sequence, got '一段'\n"},
      {"long values are shortened", "page: 一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十\n",
       "t.yaml:1:7: error: 'page' must be an integer, got '一二三四五六七八九十一二三四五六七八九十一二三四…'\n"},
  };
  constexpr std::string_view spans[] = {"column", "page"};
  for (const Row& row : rows) {
    CAPTURE(row.name);
    const auto messages = with_root(row.yaml, [&](YamlReader& r, const source::YamlMap& map) {
      if (const auto* e = map.get("page")) r.integer(*e);
      if (const auto* e = map.get("size")) r.number(*e);
      if (const auto* e = map.get("rule")) r.boolean(*e);
      if (const auto* e = map.get("headline")) r.text(*e);
      if (const auto* e = map.get("span")) r.choice(*e, spans);
      if (const auto* e = map.get("lead")) r.text_list(*e);
    });
    CHECK(messages == row.expected);
  }
}

TEST_CASE("good values are read") {
  with_root("page: 12\nsize: +9.5\nrule: false\nspan: page\nlead: [一, 276]\n",
            [](YamlReader& r, const source::YamlMap& map) {
              constexpr std::string_view spans[] = {"column", "page"};
              CHECK(r.integer(*map.get("page")) == 12);
              CHECK(r.number(*map.get("size")) == 9.5);
              CHECK(r.boolean(*map.get("rule")) == false);
              CHECK(r.choice(*map.get("span"), spans) == 1u);
              const auto lead = r.text_list(*map.get("lead"));
              REQUIRE(lead);
              REQUIRE(lead->size() == 2);
              CHECK((*lead)[1].value == "276");
              CHECK((*lead)[1].span.column == 11);
            });
}

TEST_CASE("reading a file: a missing one is one clear error") {
  Diagnostics diags;
  YamlReader r(diags);
  CHECK_FALSE(r.load_file("/nonexistent/doc.yaml"));
  CHECK(core::format_all(diags) == "/nonexistent/doc.yaml: error: cannot read the file: no such file\n");
}

namespace {

// Type, tag, position and value of every node, aliases followed.
void expect_same_tree(const YAML::Node& built, const YAML::Node& loaded) {
  REQUIRE(built.Type() == loaded.Type());
  CHECK(built.Tag() == loaded.Tag());
  CHECK(built.Mark().pos == loaded.Mark().pos);
  CHECK(built.Mark().line == loaded.Mark().line);
  CHECK(built.Mark().column == loaded.Mark().column);
  if (built.IsScalar()) CHECK(built.Scalar() == loaded.Scalar());
  if (!built.IsSequence() && !built.IsMap()) return;
  REQUIRE(built.size() == loaded.size());
  auto b = built.begin();
  for (auto l = loaded.begin(); l != loaded.end(); ++l, ++b) {
    if (built.IsSequence()) {
      expect_same_tree(*b, *l);
    } else {
      expect_same_tree(b->first, l->first);
      expect_same_tree(b->second, l->second);
    }
  }
}

}  // namespace

TEST_CASE("the checking parse builds the very tree YAML::Load builds") {
  const std::string texts[] = {
      "a: 1\nb: [x, 'y', \"z\"]\nc: {d: e, f: [g, {h: i}]}\n",
      "base: &base {size: 9, font: song}\nhead: *base\nlist: [&one 1, *one, *one]\n? [complex, key]\n: value\n",
      "- plain\n- >\n  folded\n  text\n- |\n  literal\n- ~\n- !custom tagged\n- \n",
      "only: a\n---\nsecond: b\n",  // the second document is reported, not built
      "scalar at the root\n",
  };
  for (const std::string& text : texts) {
    CAPTURE(text);
    Diagnostics diags;
    const auto file = source::source_from_text(text, "t.yaml", diags);
    REQUIRE(file);
    const auto built = source::parse_yaml(*file, text, diags);
    const YAML::Node loaded = YAML::Load(text);
    if (text.find("---") != std::string::npos) {
      CHECK_FALSE(built);
      continue;
    }
    REQUIRE(built);
    expect_same_tree(*built, loaded);
  }
  Diagnostics diags;
  const auto seed = source::read_source(BROADSHEET_SOURCE_DIR "/samples/seed-page.yaml", diags);
  REQUIRE(seed);
  const auto built = source::parse_yaml(*seed, seed->text, diags);
  REQUIRE(built);
  expect_same_tree(*built, YAML::Load(seed->text));
}
