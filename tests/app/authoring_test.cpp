// What a clerk writing a sheet meets: `new`, the schema editors use, help on
// every command, and messages that say what is wrong, where, and what to do.
#include <doctest/doctest.h>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "model/load_document.h"
#include "run_command.h"
#include "style/load_theme.h"
#include "test_files.h"

namespace fs = std::filesystem;

namespace {

fs::path temp_dir(const std::string& name) { return fresh_dir("authoring", name); }

// Validates YAML files against a schema as an editor would (python3-jsonschema).
CommandResult validate(const std::string& schema, const std::string& files) {
  return run_command("/usr/bin/python3 " + source_dir() + "/tests/tools/validate_schema.py " + source_dir() +
                     "/schemas/" + schema + " " + files + " 2>&1");
}

// `broadsheet check` on a document written from `yaml`: exit code and output.
CommandResult check_text(const fs::path& dir, const std::string& name, const std::string& yaml) {
  std::ofstream(dir / name) << yaml;
  return run_command("cd " + dir.string() + " && " + broadsheet() + " check " + name + " 2>&1");
}

const std::string kOneError = "checked 1 document: 0 good, 1 with errors\n";

}  // namespace

TEST_CASE("new writes a document that validates against the schema, checks and renders") {
  const auto dir = temp_dir("new");
  const auto doc = dir / "first.yaml";
  auto made = run_command(broadsheet() + " new " + doc.string() + " 2>&1");
  INFO(made.out);
  REQUIRE(made.exit_code == 0);
  const std::string text = read_file(doc);
  CHECK(text.starts_with("# yaml-language-server: $schema=" +
                         (fs::path(source_dir()) / "schemas" / "document.schema.json").lexically_normal().string() +
                         "\n"));
  CHECK(text.find("layout: newspaper-a4") != std::string::npos);

  auto valid = validate("document.schema.json", doc.string());
  INFO(valid.out);
  CHECK(valid.exit_code == 0);
  auto checked = run_command(broadsheet() + " check " + doc.string() + " 2>&1");
  INFO(checked.out);
  CHECK(checked.exit_code == 0);
  auto rendered = run_command(broadsheet() + " render " + doc.string() + " 2>&1");
  INFO(rendered.out);
  CHECK(rendered.exit_code == 0);
  CHECK(read_file(dir / "first.pdf").starts_with("%PDF-"));

  // Never over a file that exists.
  auto again = run_command(broadsheet() + " new " + doc.string() + " 2>&1");
  CHECK(again.exit_code == 2);
  CHECK(again.out.find("already exists") != std::string::npos);
  CHECK(read_file(doc) == text);

  auto sheet = run_command(broadsheet() + " new " + (dir / "sheet.yaml").string() + " --layout sheet-a4 2>&1");
  CHECK(sheet.exit_code == 0);
  CHECK(read_file(dir / "sheet.yaml").find("layout: sheet-a4") != std::string::npos);
  CHECK(run_command(broadsheet() + " check " + (dir / "sheet.yaml").string() + " 2>&1").exit_code == 0);

  auto wrong = run_command(broadsheet() + " new " + (dir / "x.yaml").string() + " --layout sheet-a5 2>&1");
  CHECK(wrong.exit_code == 2);
  CHECK(wrong.out.find("did you mean 'sheet-a4'?") != std::string::npos);
  CHECK(!fs::exists(dir / "x.yaml"));
  fs::remove_all(dir);
}

TEST_CASE("every sample and layout validates against its schema; a misspelt key does not") {
  auto docs = validate("document.schema.json", source_dir() + "/samples/*.yaml " + source_dir() +
                                                   "/samples/counties/*.yaml " + source_dir() +
                                                   "/tests/data/docs/*.yaml");
  INFO(docs.out);
  CHECK(docs.exit_code == 0);
  auto layouts = validate("layout.schema.json", source_dir() + "/layouts/*.yaml");
  INFO(layouts.out);
  CHECK(layouts.exit_code == 0);

  const auto dir = temp_dir("schema");
  std::ofstream(dir / "bad.yaml") << "articles:\n  - union: 县总工会\n    headline: 标题\n    section: []\n";
  auto bad = validate("document.schema.json", (dir / "bad.yaml").string());
  CHECK(bad.exit_code == 1);
  CHECK(bad.out.find("'section' was unexpected") != std::string::npos);
  fs::remove_all(dir);
}

namespace {

// The keys a loader accepts at one place, read from its own message about
// a key it does not know: "...; known keys are a, b and c".
std::set<std::string> keys_in_message(const std::string& messages) {
  const std::string marker = "known keys are ";
  const auto at = messages.find(marker);
  REQUIRE_MESSAGE(at != std::string::npos, messages);
  std::string list = messages.substr(at + marker.size());
  list = list.substr(0, list.find('\n'));
  std::set<std::string> keys;
  for (std::size_t start = 0; start < list.size();) {
    std::size_t end = std::min(list.find(", ", start), list.find(" and ", start));
    if (end == std::string::npos) end = list.size();
    keys.insert(list.substr(start, end - start));
    start = end + (list.compare(end, 5, " and ") == 0 ? 5 : 2);
  }
  return keys;
}

std::set<std::string> schema_keys(const std::string& schema_file, const std::string& pointer) {
  Poco::JSON::Parser parser;
  auto node = parser.parse(read_file(source_dir() + "/schemas/" + schema_file)).extract<Poco::JSON::Object::Ptr>();
  std::istringstream parts(pointer);
  for (std::string part; std::getline(parts, part, '/');) {
    if (part.empty()) continue;
    if (node->isArray(part)) {  // "oneOf/1": the item after the array's name
      const auto items = node->getArray(part);
      std::getline(parts, part, '/');
      node = items->getObject(static_cast<unsigned>(std::stoul(part)));
    } else {
      node = node->getObject(part);
    }
    REQUIRE_MESSAGE(node, pointer);
  }
  std::set<std::string> keys;
  for (const auto& [key, value] : *node->getObject("properties")) keys.insert(key);
  return keys;
}

constexpr const char* kUnknown = "zzzzzzzzzzzz: 1";

}  // namespace

TEST_CASE("the loaders and the schemas accept the same keys") {
  struct Place {
    std::string yaml;     // with kUnknown at the place
    std::string pointer;  // the schema object of that place
  };
  const std::string article = "articles:\n  - union: 工会\n    headline: 标题\n";
  const Place documents[] = {
      {std::string(kUnknown) + "\n" + article, ""},
      {"meta: {" + std::string(kUnknown) + "}\n" + article, "properties/meta"},
      {article + "    " + kUnknown + "\n", "definitions/article"},
      {article + "    sections: [{" + kUnknown + "}]\n", "definitions/section"},
      {article + "    highlights: [{value: 1, " + kUnknown + "}]\n", "definitions/highlight"},
      {article + "    photos: [{src: x.jpg, " + kUnknown + "}]\n", "definitions/photo"},
  };
  for (const Place& p : documents) {
    CAPTURE(p.yaml);
    core::Diagnostics diags;
    model::load_document_text(p.yaml, "doc.yaml", diags);
    CHECK(keys_in_message(core::format_all(diags)) == schema_keys("document.schema.json", p.pointer));
  }

  const auto dir = temp_dir("layout-keys");
  const Place layouts[] = {
      {std::string("name: x\n") + kUnknown + "\n", ""},
      {std::string("name: x\npage: {") + kUnknown + "}\n", "properties/page"},
      {std::string("name: x\npage: {margins: {") + kUnknown + "}}\n", "properties/page/properties/margins"},
      {std::string("name: x\ncolumns: {") + kUnknown + "}\n", "properties/columns"},
      {std::string("name: x\nbody: {") + kUnknown + "}\n", "properties/body"},
      {std::string("name: x\nmakeup: {") + kUnknown + "}\n", "properties/makeup"},
      {std::string("name: x\nstyles: {") + kUnknown + "}\n", "properties/styles"},
      {std::string("name: x\nstyles: {body: {") + kUnknown + "}}\n", "definitions/style"},
      {std::string("name: x\nprint: {") + kUnknown + "}\n", "properties/print/oneOf/1"},
  };
  for (const Place& p : layouts) {
    CAPTURE(p.yaml);
    std::ofstream(dir / "layout.yaml") << p.yaml;
    core::Diagnostics diags;
    style::load_theme((dir / "layout.yaml").string(), diags);
    CHECK(keys_in_message(core::format_all(diags)) == schema_keys("layout.schema.json", p.pointer));
  }
  fs::remove_all(dir);
}

TEST_CASE("each common mistake: the exact message, the source line, a caret, exit 1") {
  const auto dir = temp_dir("mistakes");
  struct Row {
    std::string name, yaml, expected;
  };
  const std::string head = "articles:\n  - union: 某县总工会\n    headline: 标题\n";
  const Row rows[] = {
      {"a misspelt key", head + "    section:\n      - heading: 小标题\n",
       "doc.yaml:4:5: error: unknown key 'section' in article; did you mean 'sections'?\n"
       "    section:\n"
       "    ^\n"},
      {"a full-width colon", head + "    byline：记者 张三\n",
       "doc.yaml:4:11: error: the key 'byline' is followed by the full-width colon '：' (U+FF1A) of a Chinese "
       "input method; type an ASCII colon and a space instead: 'byline: '\n"
       "    byline：记者 张三\n"
       "          ^\n"},
      {"full-width spaces as indentation", "articles:\n  - union: 某县总工会\n\u3000\u3000headline: 标题\n",
       "doc.yaml:3:1: error: this line is indented with the full-width space '\u3000' (U+3000) of a Chinese "
       "input method; indent with ordinary spaces instead\n"
       "\u3000\u3000headline: 标题\n"
       "^\n"},
      {"a full-width list mark", head + "    lead:\n      \uff0d 第一段\n",
       "doc.yaml:5:7: error: the list mark is the full-width '－' (U+FF0D) of a Chinese input method; type '-' "
       "followed by a space instead\n"
       "      \uff0d 第一段\n"
       "      ^\n"},
      {"a wrong indent, reported on its own line", head + "   byline: 记者\n    lead: [段落]\n",
       "doc.yaml:4:4: error: wrong indentation: this key is indented 3 spaces and lines up with nothing above "
       "it; indent it 4 spaces, like line 3\n"
       "   byline: 记者\n"
       "   ^\n"},
      {"a key without its colon, reported on its own line",
       "articles:\n  - union: 某县总工会\n    headline 标题\n    byline: 记者\n",
       "doc.yaml:3:5: error: the key 'headline' has no colon after it; write 'headline: 标题'\n"
       "    headline 标题\n"
       "    ^\n"},
      {"a date without its zeros", "meta:\n  date: 2024-4-1\n" + head,
       "doc.yaml:2:9: error: 'date' must be a date written YYYY-MM-DD, got '2024-4-1'; did you mean "
       "'2024-04-01'?\n"
       "  date: 2024-4-1\n"
       "        ^\n"},
      {"an unknown layout", "layout: newspaper-a5\n" + head,
       "doc.yaml:1:9: error: unknown layout 'newspaper-a5'; did you mean 'newspaper-a4'? The layouts are "
       "broadsheet-a3, newspaper-a4 and sheet-a4; a layout may also be the path of a .yaml layout file, "
       "relative to the document\n"
       "layout: newspaper-a5\n"
       "        ^\n"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    const auto r = check_text(dir, "doc.yaml", row.yaml);
    CHECK(r.exit_code == 1);
    CHECK(r.out == row.expected + kOneError);
  }

  // A photo that is not there: the name of the one that is.
  fs::create_directories(dir / "photos");
  fs::copy_file(source_dir() + "/samples/photos/gaoming-lecture.jpg", dir / "photos" / "gaoming-lecture.jpg");
  const auto photo = check_text(dir, "photo.yaml", head + "    photos:\n      - src: photos/gaoming-lectures.jpg\n");
  CHECK(photo.exit_code == 1);
  CHECK(photo.out.starts_with("photo.yaml:5:14: error: photo 'photos/gaoming-lectures.jpg' not found; did you "
                              "mean 'photos/gaoming-lecture.jpg'?\n"));
  fs::remove_all(dir);
}

TEST_CASE("a character no font has: one line for the character, once with --strict") {
  const auto dir = temp_dir("missing-char");
  std::ofstream(dir / "doc.yaml") << "articles:\n  - union: 某县总工会\n    headline: 标题\n    lead:\n"
                                     "      - 甲\u0378乙\u0378丙\u0378\n      - 丁\u0378\n";
  const std::string message = "doc.yaml:5:10: warning: no installed font has the character “\u0378” (U+0378); it "
                              "is drawn as a placeholder box (and 3 more times)\n";
  const auto plain = run_command("cd " + dir.string() + " && " + broadsheet() + " render doc.yaml 2>&1");
  CHECK(plain.exit_code == 0);
  CHECK(plain.out == message + "      - 甲\u0378乙\u0378丙\u0378\n          ^\n");
  const auto strict = run_command("cd " + dir.string() + " && " + broadsheet() + " render doc.yaml --strict 2>&1");
  CHECK(strict.exit_code == 1);
  CHECK(strict.out == "doc.yaml:5:10: error:" + message.substr(message.find(" no installed")) +
                          "      - 甲\u0378乙\u0378丙\u0378\n          ^\n");
  fs::remove_all(dir);
}

TEST_CASE("PyYAML's anchors and aliases render; an alias bomb fails fast at its alias") {
  const auto dir = temp_dir("aliases");
  const std::string doc = std::string(BROADSHEET_TEST_DATA) + "/docs/pyyaml-aliases.yaml";
  REQUIRE(read_file(doc).find("&id001") != std::string::npos);
  core::Diagnostics diags;
  const auto model = model::load_document(doc, diags);
  CHECK(core::format_all(diags) == "");
  REQUIRE(model.articles.size() == 2);
  CHECK(model.articles[1].highlights.size() == 2);
  CHECK(model.articles[1].lead.size() == 1);
  const auto rendered =
      run_command(broadsheet() + " render " + doc + " -o " + (dir / "aliases.pdf").string() + " 2>&1");
  INFO(rendered.out);
  CHECK(rendered.exit_code == 0);
  CHECK(read_file(dir / "aliases.pdf").starts_with("%PDF-"));

  const std::string bomb = std::string(BROADSHEET_TEST_DATA) + "/errors/alias-bomb.yaml";
  const auto start = std::chrono::steady_clock::now();
  const auto refused = run_command(broadsheet() + " check " + bomb + " 2>&1");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  CHECK(refused.exit_code == 1);
  CHECK(refused.out.starts_with(bomb + ":7:8: error: this alias takes the document past 100000 values"));
  CHECK(refused.out.find("f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n       ^\n") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("--help and -h work on every command; -V prints the version") {
  for (const std::string command : {"render", "batch", "preview", "check", "new", "layouts", "fonts"}) {
    CAPTURE(command);
    for (const std::string flag : {"--help", "-h"}) {
      const auto r = run_command(broadsheet() + " " + command + " " + flag + " 2>&1");
      CHECK(r.exit_code == 0);
      CHECK(r.out.starts_with("usage: broadsheet " + command));
      CHECK(r.out.find("\noptions:\n") != std::string::npos);
      CHECK(r.out.find("\nexample:\n  broadsheet " + command) != std::string::npos);
    }
  }
  const auto help = run_command(broadsheet() + " --help");
  CHECK(help.out.find("broadsheet new FILE.yaml") != std::string::npos);
  // The default named in the help is the one the program uses, never a {placeholder}.
  const auto new_help = run_command(broadsheet() + " new --help");
  CHECK(new_help.out.find("(default " + std::string(style::kDefaultLayout) + ")\n") != std::string::npos);
  CHECK(new_help.out.find('{') == std::string::npos);
  CHECK(run_command(broadsheet() + " -V").out == "broadsheet " BROADSHEET_VERSION "\n");
  const auto typo = run_command(broadsheet() + " chek x.yaml 2>&1");
  CHECK(typo.exit_code == 2);
  CHECK(typo.out.find("did you mean 'check'?") != std::string::npos);
}

TEST_CASE("layouts lists the shipped layouts, one line each") {
  const auto r = run_command(broadsheet() + " layouts");
  CHECK(r.exit_code == 0);
  CHECK(r.out.starts_with("broadsheet-a3  "));
  CHECK(r.out.find("\nnewspaper-a4   ") != std::string::npos);
  CHECK(r.out.find("(the default)\n") != std::string::npos);
  CHECK(r.out.find("\nsheet-a4       ") != std::string::npos);
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 3);
}

TEST_CASE("check takes folders, and ends with a summary line") {
  const auto good = run_command(broadsheet() + " check " + source_dir() + "/samples/counties 2>&1");
  INFO(good.out);
  CHECK(good.exit_code == 0);
  CHECK(good.out.find("checked 12 documents: all good") != std::string::npos);

  const auto dir = temp_dir("check-folder");
  fs::create_directories(dir / "sub");
  fs::copy_file(source_dir() + "/tests/data/docs/minimal.yaml", dir / "a.yaml");
  std::ofstream(dir / "sub" / "b.yaml") << "articles:\n  - union: 工会\n    headlin: 标题\n";
  const auto mixed = run_command(broadsheet() + " check " + dir.string() + " 2>&1");
  CHECK(mixed.exit_code == 1);
  CHECK(mixed.out.find((dir / "sub" / "b.yaml").string() + ":3:5: error: unknown key 'headlin'") !=
        std::string::npos);
  CHECK(mixed.out.find("checked 2 documents: 1 good, 1 with errors") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("no Chinese font installed: the packages to install, exit 1, never an internal error") {
  const auto dir = temp_dir("no-fonts");
  std::ofstream(dir / "fonts.conf") << "<?xml version=\"1.0\"?>\n<fontconfig></fontconfig>\n";
  const std::string env = "FONTCONFIG_FILE=" + (dir / "fonts.conf").string() + " ";
  for (const std::string& args : {std::string("fonts"), "check " + source_dir() + "/samples/seed-page.yaml"}) {
    CAPTURE(args);
    const auto r = run_command(env + broadsheet() + " " + args + " 2>&1");
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("no Chinese font is installed") != std::string::npos);
    CHECK(r.out.find("sudo apt-get install fonts-noto-cjk") != std::string::npos);
    CHECK(r.out.find("internal error") == std::string::npos);
  }
  fs::remove_all(dir);
}

TEST_CASE("render --png takes --ppi") {
  const auto dir = temp_dir("ppi");
  const std::string seed = source_dir() + "/samples/seed-page.yaml";
  const auto r = run_command(broadsheet() + " render " + seed + " -o " + (dir / "s.pdf").string() + " --png " +
                             (dir / "png").string() + " --ppi 30 2>&1");
  INFO(r.out);
  CHECK(r.exit_code == 0);
  // A4 at 30 ppi: 248 × 351 pixels; the PNG header holds the width.
  const std::string png = read_file(dir / "png" / "seed-page-1.png");
  REQUIRE(png.size() > 24);
  const auto width = (static_cast<unsigned char>(png[18]) << 8) | static_cast<unsigned char>(png[19]);
  CHECK(width == 248);
  CHECK(run_command(broadsheet() + " render " + seed + " --ppi 30 2>&1").exit_code == 2);
  fs::remove_all(dir);
}
