// load_theme and resolve_layout: the shipped layouts read cleanly, and every
// kind of mistake in a layout file is reported where it is.
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/color.h"
#include "core/geometry.h"
#include "style/load_theme.h"

namespace {

namespace fs = std::filesystem;
using core::Diagnostics;

const std::string kSource = BROADSHEET_SOURCE_DIR;
const std::string kData = BROADSHEET_TEST_DATA;

std::string with_file(std::string text, const std::string& path) {
  for (std::size_t at = text.find("FILE"); at != std::string::npos; at = text.find("FILE", at + path.size())) {
    text.replace(at, 4, path);
  }
  return text;
}

// A layout file in a temporary folder, removed afterwards.
struct TempLayout {
  fs::path dir = fs::temp_directory_path() / "broadsheet-theme-test";
  fs::path path = dir / "layout.yaml";
  explicit TempLayout(const std::string& yaml) {
    fs::create_directories(dir);
    std::ofstream(path, std::ios::binary) << yaml;
  }
  ~TempLayout() { fs::remove_all(dir); }
};

// The messages for a layout file holding `yaml`, each without its path:
// "L:C: error: ...".
std::string positions(const std::string& yaml) {
  TempLayout file(yaml);
  Diagnostics diags;
  style::load_theme(file.path.string(), diags);
  std::string out = core::format_all(diags);
  const std::string prefix = file.path.string() + ":";
  for (std::size_t at = out.find(prefix); at != std::string::npos; at = out.find(prefix, at)) {
    out.erase(at, prefix.size());
  }
  return out;
}

bool near(double a, double b) { return std::abs(a - b) < 1e-3; }

}  // namespace

TEST_CASE("the three shipped layouts load with no diagnostics") {
  for (const char* name : {"newspaper-a4", "broadsheet-a3", "sheet-a4"}) {
    CAPTURE(name);
    Diagnostics diags;
    const style::Theme theme = style::load_theme(kSource + "/layouts/" + name + ".yaml", diags);
    CHECK(core::format_all(diags) == "");
    CHECK(theme.name == name);
  }
}

TEST_CASE("broadsheet-a3 is read into points") {
  Diagnostics diags;
  const auto path = kSource + "/layouts/broadsheet-a3.yaml";
  const style::Theme t = style::load_theme(path, diags);
  CHECK(diags.empty());
  CHECK(t.path == path);
  CHECK(near(t.page.size.width, core::mm(297)));
  CHECK(near(t.page.size.height, core::mm(420)));
  CHECK(near(t.page.margin_top, core::mm(16)));
  CHECK(near(t.page.bleed, core::mm(3)));
  CHECK(t.page.crop_marks);
  CHECK(t.columns.count == 4);
  CHECK(near(t.columns.gutter, core::mm(5)));
  CHECK(t.columns.rule);
  CHECK(t.grid.body_size == 9);
  CHECK(t.grid.leading == doctest::Approx(13.4));
  const style::RoleStyle& headline = t.style(style::Role::Headline);
  CHECK(headline.font == core::FontRole::SongBold);  // font: song, weight: bold
  CHECK(headline.size == 30);
  CHECK(headline.tracking == doctest::Approx(0.05));
  CHECK(headline.align == core::Align::Center);
  CHECK(headline.leading == 40);
  CHECK(headline.space_after == doctest::Approx(0.2));
  CHECK(t.makeup.pages == 1);
  REQUIRE(t.makeup.headline_sizes.size() == 2);
  CHECK(t.makeup.headline_sizes[0] == 32);
  const style::RoleStyle& banner = t.style(style::Role::Banner);
  CHECK(banner.font == core::FontRole::HeiBold);
  CHECK(t.style(style::Role::Body).font == core::FontRole::Song);
  CHECK(banner.color == core::Color{1, 1, 1});
  CHECK(banner.has_background);
  CHECK(near(banner.background.v[0], 0xb4 / 255.0));
  CHECK(near(banner.background.v[1], 0x1e / 255.0));
  CHECK(t.style(style::Role::Caption).font == core::FontRole::Kai);
  CHECK(t.style(style::Role::HighlightValue).size == 20);
  CHECK_FALSE(t.style(style::Role::Body).has_background);
}

TEST_CASE("a layout with one problem of each kind: all reported in one run") {
  const std::string path = kData + "/errors/layout-problems.yaml";
  Diagnostics diags;
  const style::Theme t = style::load_theme(path, diags);
  CHECK(core::format_all(diags) ==
        with_file("FILE:4:9: error: 'size' must be A4, A3 or [width_mm, height_mm], got 'B5'\n"
                  "FILE:5:30: error: 'bottom' must not be negative, got '-1'\n"
                  "FILE:6:10: error: 'bleed' must be between 0 and 20, got '30'\n"
                  "FILE:7:15: error: 'crop_marks' must be true or false, got 'maybe'\n"
                  "FILE:8:18: error: 'count' must be between 1 and 6, got '8'\n"
                  "FILE:9:14: error: 'size' must be greater than 0 and at most 72, got '0'\n"
                  "FILE:14:3: error: unknown key 'captoin' in styles; did you mean 'caption'?\n"
                  "FILE:11:20: error: 'font' must be song, hei or kai, got 'heii'; did you mean 'hei'?\n"
                  "FILE:11:61: error: 'align' must be left, center, right or justify, got 'middle'\n"
                  "FILE:12:23: error: unknown key 'colour' in style 'banner'; did you mean 'color'?\n"
                  "FILE:12:54: error: 'background' must be a colour: \"#rrggbb\", cmyk(c, m, y, k) in percent or gray(g) from 0 to 1, got 'red'\n"
                  "FILE:13:23: error: 'tracking' must be between -0.5 and 2, got '3'\n"
                  "FILE:13:40: error: 'space_before' must be between 0 and 20, got '-1'\n",
                  path));
  // What was good is kept; what was bad keeps its default.
  CHECK(t.name == "broken");
  CHECK(t.columns.count == 2);
  CHECK(t.style(style::Role::Headline).size == 24);
  CHECK(t.style(style::Role::Headline).font == core::FontRole::Song);
}

TEST_CASE("margins and columns must leave room on the page") {
  const std::string path = kData + "/errors/layout-geometry.yaml";
  Diagnostics diags;
  style::load_theme(path, diags);
  CHECK(core::format_all(diags) ==
        with_file("FILE:3:1: error: missing required key 'name' in the layout\n"
                  "FILE:5:12: error: the top and bottom margins (80 mm) leave no room on a page 80 mm high\n"
                  "FILE:6:10: error: 3 columns with 50 mm gutters do not fit in the 80 mm between the margins\n"
                  "FILE:7:7: warning: the body leading (8 pt) is less than the body size (10 pt): lines will "
                  "overlap\n",
                  path));
}

TEST_CASE("layout values, one at a time") {
  struct Row {
    std::string name, yaml, expected;
  };
  const Row rows[] = {
      {"custom size", "name: x\npage: {size: [148, 210]}\n", ""},
      {"custom size, three numbers", "name: x\npage: {size: [1, 2, 3]}\n",
       "2:14: error: 'size' must be A4, A3 or [width_mm, height_mm], got a sequence\n"},
      {"custom size, zero width", "name: x\npage: {size: [0, 210]}\n",
       "2:15: error: 'width' must be greater than 0 and at most 5000, got '0'\n"},
      {"custom size, words", "name: x\npage: {size: [148, tall]}\n",
       "2:20: error: 'height' must be a number, got 'tall'\n"},
      {"left and right margins", "name: x\npage: {size: A4, margins: {left: 105, right: 105}}\n",
       "2:27: error: the left and right margins (210 mm) leave no room on a page 210 mm wide\n"},
      {"upper-case colour", "name: x\nstyles: {body: {color: \"#B41E1E\"}}\n", ""},
      {"short colour", "name: x\nstyles: {body: {color: \"#b41e1\"}}\n",
       "2:25: error: 'color' must be a colour: \"#rrggbb\", cmyk(c, m, y, k) in percent or gray(g) from 0 to 1, "
       "got '#b41e1'\n"},
      {"cmyk and gray colours", "name: x\nstyles: {body: {color: \"cmyk(0, 90, 85, 0)\", background: \"gray(0.8)\"}}\n", ""},
      {"cmyk over 100 %", "name: x\nstyles: {body: {color: \"cmyk(0, 120, 0, 0)\"}}\n",
       "2:25: error: 'color' must be a colour: \"#rrggbb\", cmyk(c, m, y, k) in percent or gray(g) from 0 to 1, "
       "got 'cmyk(0, 120, 0, 0)'\n"},
      {"cmyk with three numbers", "name: x\nstyles: {body: {color: \"cmyk(0, 1, 2)\"}}\n",
       "2:25: error: 'color' must be a colour: \"#rrggbb\", cmyk(c, m, y, k) in percent or gray(g) from 0 to 1, "
       "got 'cmyk(0, 1, 2)'\n"},
      {"gray above 1", "name: x\nstyles: {body: {color: \"gray(80)\"}}\n",
       "2:25: error: 'color' must be a colour: \"#rrggbb\", cmyk(c, m, y, k) in percent or gray(g) from 0 to 1, "
       "got 'gray(80)'\n"},
      {"print: press", "name: x\nprint: press\n", ""},
      {"print mode misspelt", "name: x\nprint: {mode: pres}\n",
       "2:15: error: 'mode' must be screen or press, got 'pres'; did you mean 'press'?\n"},
      {"ink limit too low", "name: x\nprint: {ink_limit: 50}\n",
       "2:20: error: 'ink_limit' must be between 100 and 400, got '50'\n"},
      {"an RGB profile", "name: x\nprint: {mode: press, profile: /usr/share/color/icc/sRGB.icc}\n",
       "2:31: error: /usr/share/color/icc/sRGB.icc is an RGB profile; press output needs a CMYK profile\n"},
      {"colour without quotes is a comment", "name: x\nstyles: {body: {color: #b41e1e}}\n",
       "2:16: error: this '{' is never closed; add a '}' where the mapping ends\n"},
      {"colour without quotes, block style", "name: x\nstyles:\n  body:\n    color: #b41e1e\n",
       "4:5: error: 'color' has no value; write colours in quotes, \"#rrggbb\" (an unquoted # starts a comment)\n"},
      {"unknown role", "name: x\nstyles: {headlines: {size: 3}}\n",
       "2:10: error: unknown key 'headlines' in styles; did you mean 'headline'?\n"},
      {"style not a mapping", "name: x\nstyles: {body: hei}\n",
       "2:16: error: 'body' must be a mapping, got 'hei'\n"},
      {"unknown top-level key", "name: x\ncolumn: {count: 3}\n",
       "2:1: error: unknown key 'column' in the layout; did you mean 'columns'?\n"},
      {"bold weight", "name: x\nstyles: {banner: {font: hei, weight: bold}}\n", ""},
      {"unknown weight", "name: x\nstyles: {banner: {font: hei, weight: heavy}}\n",
       "2:38: error: 'weight' must be regular or bold, got 'heavy'\n"},
      {"columns as a number", "name: x\ncolumns: 2\n", "2:10: error: 'columns' must be a mapping, got '2'\n"},
      {"count not an integer", "name: x\ncolumns: {count: 2.5}\n",
       "2:18: error: 'count' must be an integer, got '2.5'\n"},
      {"negative leading", "name: x\nstyles: {body: {leading: -2}}\n",
       "2:26: error: 'leading' must be between 0 and 400, got '-2'\n"},
      {"empty name", "name: \"\"\n", "1:8: error: 'name' must not be empty\n"},
      {"photo depth of none", "name: x\nmakeup: {photo_depth: 0}\n",
       "2:23: error: 'photo_depth' must be greater than 0 and at most 1, got '0'\n"},
      {"wide photo depth over a page", "name: x\nmakeup: {wide_photo_depth: 1.5}\n",
       "2:28: error: 'wide_photo_depth' must be greater than 0 and at most 1, got '1.5'\n"},
      {"rule colour misspelt", "name: x\ncolumns: {rule_color: \"#66666\"}\n",
       "2:24: error: 'rule_color' must be a colour: \"#rrggbb\", cmyk(c, m, y, k) in percent or gray(g) from 0 to "
       "1, got '#66666'\n"},
      {"not a mapping", "- a\n", "1:1: error: the document must be a mapping, got a sequence\n"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    CHECK(positions(row.yaml) == row.expected);
  }
}

TEST_CASE("a custom page size is read in millimetres") {
  TempLayout file("name: x\npage:\n  size: [148, 210]\n  margins: {top: 10, bottom: 10, left: 12, right: 12}\n");
  Diagnostics diags;
  const style::Theme t = style::load_theme(file.path.string(), diags);
  CHECK(diags.empty());
  CHECK(near(t.page.size.width, core::mm(148)));
  CHECK(near(t.page.size.height, core::mm(210)));
  CHECK(near(t.page.margin_left, core::mm(12)));
}

TEST_CASE("colours keep their space: hex RGB, cmyk() in percent, gray()") {
  TempLayout file(
      "name: x\nstyles:\n  body: {color: \"#b41e1e\"}\n  banner: {color: \"cmyk(0, 90, 85, 0)\", "
      "background: \"gray(0.8)\"}\n");
  Diagnostics diags;
  const style::Theme t = style::load_theme(file.path.string(), diags);
  CHECK(diags.empty());
  CHECK(t.style(style::Role::Body).color.space == core::Color::Space::Rgb);
  CHECK(t.style(style::Role::Banner).color == core::Color::cmyk(0, 0.9, 0.85, 0));
  CHECK(t.style(style::Role::Banner).background == core::Color::gray(0.8));
}

TEST_CASE("the column rule's colour, the deepest photos and the PDF subject come from the layout") {
  Diagnostics diags;
  const style::Theme plain = style::load_theme_text("name: x\n", "x.yaml", diags);
  CHECK(plain.columns.rule_color == core::Color{0.4, 0.4, 0.4});
  CHECK(plain.makeup.photo_depth == 0.5);
  CHECK(plain.makeup.wide_photo_depth == 0.6);
  CHECK(plain.subject == "工会成果");
  const style::Theme set = style::load_theme_text(
      "name: x\nsubject: 职工风采\ncolumns: {rule_color: \"gray(0.5)\"}\n"
      "makeup: {photo_depth: 0.4, wide_photo_depth: 0.75}\n",
      "x.yaml", diags);
  CHECK(diags.empty());
  CHECK(set.columns.rule_color == core::Color::gray(0.5));
  CHECK(set.makeup.photo_depth == 0.4);
  CHECK(set.makeup.wide_photo_depth == 0.75);
  CHECK(set.subject == "职工风采");
}

TEST_CASE("print: screen by default with the default profile; a press layout names its own") {
  Diagnostics diags;
  const style::Theme shipped = style::load_theme(kSource + "/layouts/newspaper-a4.yaml", diags);
  CHECK(diags.empty());
  CHECK_FALSE(shipped.print.press);
  CHECK(shipped.print.output.profile == "/usr/share/color/icc/ghostscript/default_cmyk.icc");
  CHECK(shipped.print.output.ink_limit == 240);

  // A press's own profile, relative to the layout file.
  TempLayout file("name: x\nprint: {mode: press, profile: plant.icc, ink_limit: 260}\n");
  fs::copy_file("/usr/share/color/icc/ghostscript/default_cmyk.icc", file.dir / "plant.icc");
  const style::Theme t = style::load_theme(file.path.string(), diags);
  CHECK(diags.empty());
  CHECK(t.print.press);
  CHECK(t.print.output.profile == (file.dir / "plant.icc").string());
  CHECK(t.print.output.ink_limit == 260);
}

TEST_CASE("a missing press profile is an error at its line") {
  TempLayout file("name: x\nprint:\n  mode: press\n  profile: missing.icc\n");
  Diagnostics diags;
  style::load_theme(file.path.string(), diags);
  const std::string text = core::format_all(diags);
  CHECK(text.find(file.path.string() + ":4:12: error: cannot read the ICC profile " +
                  (file.dir / "missing.icc").string()) != std::string::npos);
}

TEST_CASE("a layout file that cannot be read") {
  Diagnostics diags;
  const style::Theme t = style::load_theme("/nonexistent/layout.yaml", diags);
  CHECK(core::format_all(diags) == "/nonexistent/layout.yaml: error: cannot read the file: no such file\n");
  CHECK(t.columns.count == 2);  // the defaults of theme.h
  CHECK(positions("") == " error: the file is empty\n");
}

TEST_CASE("resolve_layout: names from the data folder, paths from the document's folder") {
  const std::string docs = kData + "/docs";
  const std::string layouts = kSource + "/layouts";
  CHECK(style::resolve_layout("newspaper-a4", docs, kSource) == layouts + "/newspaper-a4.yaml");
  CHECK(style::resolve_layout("sheet-a4", docs, kSource) == layouts + "/sheet-a4.yaml");
  CHECK(style::resolve_layout("", docs, kSource) == layouts + "/newspaper-a4.yaml");
  CHECK(style::resolve_layout("no-such-layout", docs, kSource) == "");
  // A path: relative to the document, whatever the current directory.
  CHECK(style::resolve_layout("../errors/layout-geometry.yaml", docs, kSource) ==
        kData + "/errors/layout-geometry.yaml");
  CHECK(style::resolve_layout("layout-geometry.yaml", kData + "/errors", kSource) ==
        kData + "/errors/layout-geometry.yaml");
  CHECK(style::resolve_layout(layouts + "/sheet-a4.yaml", docs, "/nonexistent") == layouts + "/sheet-a4.yaml");
  CHECK(style::resolve_layout("missing.yaml", docs, kSource) == "");
  // A name never reaches outside layouts/.
  CHECK(style::resolve_layout("..", docs, kSource) == "");
  // A path names a YAML file: nothing else is read (and quoted in messages).
  CHECK(style::resolve_layout("/etc/passwd", docs, kSource) == "");
  CHECK(style::resolve_layout("../docs", docs, kSource) == "");
}
