// load_document: the format of docs/format.md read exactly, every problem reported as
// FILE:LINE:COLUMN with the words a user sees.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "model/load_document.h"

namespace {

namespace fs = std::filesystem;
using core::Diagnostics;

const std::string kData = BROADSHEET_TEST_DATA;

// `text` with every "FILE" replaced by `path`: keeps the expectations short.
std::string with_file(std::string text, const std::string& path) {
  for (std::size_t at = text.find("FILE"); at != std::string::npos; at = text.find("FILE", at + path.size())) {
    text.replace(at, 4, path);
  }
  return text;
}

std::string diagnose_file(const std::string& path) {
  Diagnostics diags;
  model::load_document(path, diags);
  return core::format_all(diags);
}

std::string diagnose_text(const std::string& yaml) {
  Diagnostics diags;
  model::load_document_text(yaml, "doc.yaml", diags);
  return core::format_all(diags);
}


// A fresh folder under the system's temporary directory, removed afterwards.
struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& name) : path(fs::temp_directory_path() / name) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
};


}  // namespace

TEST_CASE("each kind of bad document gives its exact message") {
  struct Row {
    std::string file;
    std::string expected;
  };
  const Row rows[] = {
      {"missing-keys.yaml",
       "FILE:3:5: error: missing required key 'union' in article\n"
       "FILE:3:5: error: missing required key 'headline' in article\n"},
      {"no-articles.yaml", "FILE:2:1: error: missing required key 'articles' in the document\n"},
      {"empty-articles.yaml", "FILE:2:11: error: 'articles' must list at least one article\n"},
      {"wrong-types.yaml",
       "FILE:3:9: error: 'page' must be an integer, got a sequence\n"
       "FILE:6:12: error: 'union' must be a string, got a sequence\n"
       "FILE:8:11: error: 'lead' must be a sequence, got '一段导语'\n"
       "FILE:10:18: error: 'heading' must be a string or a sequence of strings, got a mapping\n"
       "FILE:13:28: error: 'unit' must be a string, got a sequence\n"
       "FILE:14:13: error: 'photos' must be a sequence, got 'photos/x.jpg'\n"},
      {"unknown-key.yaml",
       "FILE:4:5: error: unknown key 'headlin' in article; did you mean 'headline'?\n"
       "FILE:5:5: error: unknown key 'colour' in article; known keys are union, kicker, headline, "
       "subheadline, lead, sections, highlights, photos and byline\n"
       "FILE:3:5: error: missing required key 'headline' in article\n"},
      {"missing-photo.yaml",
       "FILE:6:14: error: photo 'photos/missing.jpg' not found\n"
       "FILE:8:15: error: photo 'photos/not-a-photo.jpg' is neither a JPEG nor a PNG file\n"
       "FILE:9:14: error: photo 'photos' is a directory, not an image file\n"
       "FILE:10:9: error: missing required key 'src' in photo\n"},
      {"bad-enum.yaml",
       "FILE:7:15: error: 'span' must be column or page, got 'full'\n"
       "FILE:9:15: error: 'span' must be column or page, got 'pag'; did you mean 'page'?\n"},
      {"bad-date.yaml",
       "FILE:3:9: error: 'date' must be a date written YYYY-MM-DD, got '2024/12/18'; did you mean "
       "'2024-12-18'?\n"
       "FILE:4:9: error: 'page' must be a positive integer, got '-3'\n"},
      {"syntax-error.yaml",
       "FILE:4:15: error: this '[' is never closed; add a ']' where the list ends\n"},
      {"unterminated-quote.yaml", "FILE:5:13: error: this quoted string has no closing quote\n"},
      {"empty.yaml", "FILE: error: the file is empty\n"},
      {"blank.yaml", "FILE: error: the file is empty\n"},
      {"binary.yaml",
       "FILE:1:1: error: invalid UTF-8 (byte 0x89); save the file as UTF-8 (GBK and other encodings are not "
       "supported)\n"},
      {"nul-bytes.yaml", "FILE:2:12: error: binary data, not a text file (NUL byte)\n"},
      {"gbk.yaml",
       "FILE:1:3: error: invalid UTF-8 (byte 0xB9); save the file as UTF-8 (GBK and other encodings are not "
       "supported)\n"},
      {"not-a-mapping.yaml", "FILE:2:1: error: the document must be a mapping, got a sequence\n"},
      {"many-problems.yaml",
       "FILE:7:3: error: unknown key 'pgae' in meta; did you mean 'page'?\n"
       "FILE:5:9: error: 'date' must be a date written YYYY-MM-DD, got '18.12.2024'\n"
       "FILE:6:9: error: 'page' must be a positive integer, got '0'\n"
       "FILE:12:14: error: photo 'photos/missing.jpg' not found\n"
       "FILE:13:5: error: missing required key 'headline' in article\n"
       "FILE:14:17: error: 'lead' item 2 must be a string, got a mapping\n"
       "FILE:15:5: error: article 3 must be a mapping, got '只是一行字'\n"},
      {"no-such-file.yaml", "FILE: error: cannot read the file: no such file\n"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.file);
    const std::string path = kData + "/errors/" + row.file;
    CHECK(diagnose_file(path) == with_file(row.expected, path));
  }
}

TEST_CASE("an alias bomb finishes fast with an error") {
  const std::string path = kData + "/errors/alias-bomb.yaml";
  const auto start = std::chrono::steady_clock::now();
  Diagnostics diags;
  const auto doc = model::load_document(path, diags);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
  CHECK(doc.articles.empty());
  REQUIRE(diags.all().size() == 1);
  CHECK(core::format(diags.all().front()).starts_with(path + ":7:8: error: this alias takes the document past"));
}

TEST_CASE("meta: dates must be real days written YYYY-MM-DD, pages positive integers") {
  struct Row {
    std::string meta;
    std::string expected;
  };
  const Row rows[] = {
      {"date: 2024-12-18", ""},
      {"date: 2024-02-29", ""},
      {"date: 2023-02-29", "doc.yaml:1:14: error: 'date' must be a date written YYYY-MM-DD, got '2023-02-29'\n"},
      {"date: 2024-13-01", "doc.yaml:1:14: error: 'date' must be a date written YYYY-MM-DD, got '2024-13-01'\n"},
      {"date: 2024-4-1",
       "doc.yaml:1:14: error: 'date' must be a date written YYYY-MM-DD, got '2024-4-1'; did you mean "
       "'2024-04-01'?\n"},
      {"date: 2024年12月8日",
       "doc.yaml:1:14: error: 'date' must be a date written YYYY-MM-DD, got '2024年12月8日'; did you mean "
       "'2024-12-08'?\n"},
      {"date: \"2024-12-18 \"", "doc.yaml:1:15: error: 'date' must be a date written YYYY-MM-DD, got '2024-12-18 '\n"},
      {"page: 12", ""},
      {"page: five", "doc.yaml:1:14: error: 'page' must be an integer, got 'five'\n"},
      {"page: 100000", "doc.yaml:1:14: error: 'page' must be at most 99999, got '100000'\n"},
      {"page: 99999999999999999999", "doc.yaml:1:14: error: 'page' must be an integer, got '99999999999999999999'\n"},
      {"title: [a]", "doc.yaml:1:15: error: 'title' must be a string, got a sequence\n"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.meta);
    CHECK(diagnose_text("meta: {" + row.meta + "}\narticles: [{union: 工会, headline: 标题}]\n") == row.expected);
  }
}

TEST_CASE("smaller problems inside articles") {
  struct Row {
    std::string name, yaml, expected;
  };
  const Row rows[] = {
      {"an empty headline", "articles:\n  - union: 工会\n    headline: \"\"\n",
       "doc.yaml:3:16: error: 'headline' must not be empty\n"},
      {"a headline key with nothing after it", "articles:\n  - union: 工会\n    headline:\n",
       "doc.yaml:3:5: error: 'headline' must not be empty\n"},
      {"articles with nothing after it", "articles:\n",
       "doc.yaml:1:1: error: 'articles' must list at least one article\n"},
      {"articles as a mapping", "articles: {union: 工会}\n",
       "doc.yaml:1:11: error: 'articles' must be a sequence, got a mapping\n"},
      {"a blank paragraph", "articles:\n  - union: 工会\n    headline: 标题\n    lead: [一, \" \"]\n",
       "doc.yaml:4:16: warning: 'lead' item 2 is empty\n"},
      {"an empty section", "articles:\n  - union: 工会\n    headline: 标题\n    sections: [{}]\n",
       "doc.yaml:4:16: warning: section has neither 'heading' nor 'paragraphs'\n"},
      {"a section that is a string", "articles:\n  - union: 工会\n    headline: 标题\n    sections: [小标题]\n",
       "doc.yaml:4:16: error: section 1 must be a mapping, got '小标题'\n"},
      {"a highlight without its value", "articles:\n  - union: 工会\n    headline: 标题\n    highlights:\n      - {label: 人}\n",
       "doc.yaml:5:9: error: missing required key 'value' in highlight\n"},
      {"an unknown key at the top", "artcles: []\n",
       "doc.yaml:1:1: error: unknown key 'artcles' in the document; did you mean 'articles'?\n"
       "doc.yaml:1:1: error: missing required key 'articles' in the document\n"},
      {"a duplicate key", "articles:\n  - union: 工会\n    headline: 一\n    headline: 二\n",
       "doc.yaml:4:5: error: duplicate key 'headline' (first given on line 3)\n"},
      {"layout of the wrong type", "layout: [a]\narticles: [{union: 工会, headline: 标题}]\n",
       "doc.yaml:1:9: error: 'layout' must be a string, got a sequence\n"},
      // Found by fuzz_document: the heading's text was read without looking whether it could be.
      {"a section heading with a control character",
       "articles:\n  - union: 工会\n    headline: 标题\n    sections:\n      - heading: \"小\\r标题\"\n",
       "doc.yaml:5:19: error: 'heading' holds the control character U+000D (from an escape such as \\x01 or \\e), "
       "which cannot be printed\n"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    CHECK(diagnose_text(row.yaml) == row.expected);
  }
}

TEST_CASE("a good document is read completely, with positions") {
  const std::string path = kData + "/docs/full.yaml";
  Diagnostics diags;
  const model::Document doc = model::load_document(path, diags);
  CHECK(core::format_all(diags) == "");
  CHECK(doc.path == path);
  CHECK(doc.dir == kData + "/docs");
  CHECK(doc.layout.value == "sheet-a4");
  CHECK(doc.meta.paper.value == "工会周刊");
  CHECK(doc.meta.edition.value == "产改进行时");
  CHECK(doc.meta.date.value == "2024-12-18");
  CHECK(doc.meta.page == 5);
  CHECK(doc.meta.title.value == "县级工会工作成果");
  REQUIRE(doc.articles.size() == 1);
  const model::Article& a = doc.articles[0];
  CHECK(a.span.line == 10);
  CHECK(a.span.column == 5);
  CHECK(a.union_name.value == "佛山市高明区总工会");
  CHECK(a.kicker.value == "引题在主标题之上");
  CHECK(a.headline.value == "推进产改走深走实 赋能产业工人成才成匠");
  CHECK(a.subheadline.value == "副题");
  REQUIRE(a.lead.size() == 2);
  // Two source lines, joined without a space between Chinese characters.
  CHECK(a.lead[0].value == "作为佛山市首批产业工人队伍建设改革试点单位之一，佛山市高明安华陶瓷洁具有限公司建立广东省科技专家工作站。");
  CHECK_FALSE(a.lead[0].one_line);
  CHECK(a.lead[1].value == "**高明区总工会**积极发挥牵头抓总作用。");
  REQUIRE(a.sections.size() == 2);
  REQUIRE(a.sections[0].heading.size() == 1);
  CHECK(a.sections[0].heading[0].value == "突出党建引领 推进精准施策");
  CHECK(a.sections[0].paragraphs.size() == 1);
  REQUIRE(a.sections[1].heading.size() == 2);
  CHECK(a.sections[1].heading[1].value == "提升职工凝聚力");
  CHECK(a.sections[1].heading[1].span.column == 32);
  CHECK(a.sections[1].paragraphs[0].value == "坚持党建带工建。");
  REQUIRE(a.highlights.size() == 2);
  CHECK(a.highlights[0].value.value == "276");  // a number, read as text
  CHECK(a.highlights[0].unit.value == "名");
  CHECK(a.highlights[0].label.value == "三年培养骨干人才");
  CHECK(a.highlights[1].value.value == "15");
  REQUIRE(a.photos.size() == 2);
  CHECK(a.photos[0].src.value == "photos/tiny.jpg");
  CHECK(a.photos[0].path == kData + "/docs/photos/tiny.jpg");
  CHECK(a.photos[0].span == model::PhotoSpan::Column);
  CHECK(a.photos[0].caption.value == "佛山市高明区总工会成立“百千万工程”职工宣讲团。");
  CHECK(a.photos[0].credit.value == "单位供图");
  CHECK(a.photos[1].span == model::PhotoSpan::Page);
  CHECK(a.photos[1].where.line == 31);
  CHECK(a.byline.value == "全媒体记者黄细英 通讯员赵韵仪");
}

TEST_CASE("Text::char_span points at each character of a one-line string") {
  Diagnostics diags;
  const auto doc = model::load_document_text(
      "articles:\n  - union: 佛山市\n    headline: \"推进产改 赋能\"\n", "doc.yaml", diags);
  CHECK(diags.empty());
  REQUIRE(doc.articles.size() == 1);
  const model::Text& headline = doc.articles[0].headline;
  CHECK(headline.one_line);
  // Line 3 is `    headline: "推进产改 赋能"`: the quote is column 15.
  CHECK(headline.span.line == 3);
  CHECK(headline.char_span(0).column == 16);  // 推
  CHECK(headline.char_span(4).column == 20);  // the space
  CHECK(headline.char_span(6).column == 22);  // 能
  const model::Text& union_name = doc.articles[0].union_name;
  CHECK(union_name.char_span(2).line == 2);
  CHECK(union_name.char_span(2).column == 14);  // 市
}

TEST_CASE("the seed page loads with no diagnostics once its photos exist") {
  // A copy with tiny stand-in photos, so this does not depend on samples/.
  TempDir dir("broadsheet-seed-test");
  fs::copy_file(std::string(BROADSHEET_SOURCE_DIR) + "/samples/seed-page.yaml", dir.path / "seed-page.yaml");
  fs::create_directories(dir.path / "photos");
  fs::copy_file(kData + "/docs/photos/tiny.jpg", dir.path / "photos/gaoming-lecture.jpg");
  fs::copy_file(kData + "/docs/photos/tiny.jpg", dir.path / "photos/yangchun-contest.jpg");
  Diagnostics diags;
  const auto doc = model::load_document((dir.path / "seed-page.yaml").string(), diags);
  CHECK(core::format_all(diags) == "");
  REQUIRE(doc.articles.size() == 2);
  CHECK(doc.meta.page == 5);
  CHECK(doc.articles[0].union_name.value == "佛山市高明区总工会");
  CHECK(doc.articles[0].sections.size() == 3);
  CHECK(doc.articles[1].sections[0].heading.size() == 2);
  CHECK(doc.articles[1].photos[0].path == (dir.path / "photos/yangchun-contest.jpg").string());

  SUBCASE("without its photos, each is an error at its src") {
    fs::remove_all(dir.path / "photos");
    Diagnostics missing;
    model::load_document((dir.path / "seed-page.yaml").string(), missing);
    CHECK(missing.error_count() == 2);
    CHECK(core::format(missing.all()[0]).ends_with(":32:14: error: photo 'photos/gaoming-lecture.jpg' not found"));
  }
}

TEST_CASE("samples/seed-page.yaml as shipped loads with no diagnostics") {
  Diagnostics diags;
  model::load_document(std::string(BROADSHEET_SOURCE_DIR) + "/samples/seed-page.yaml", diags);
  CHECK(core::format_all(diags) == "");
}

TEST_CASE("never throws, whatever the input") {
  Diagnostics diags;
  CHECK_NOTHROW(model::load_document(kData, diags));  // a directory
  CHECK_NOTHROW(model::load_document_text(std::string(1000, '['), "deep.yaml", diags));
  CHECK_NOTHROW(model::load_document_text("articles: " + std::string(5000, '[') + "\n", "deep2.yaml", diags));
  CHECK(diags.error_count() == 3);
}
