// Page make-up as a layout editor judges it: pages full (no band of white
// of 1.5 rows or more beyond 5 % of the type area), blocks level, keep
// rules, overset reported and nothing lost, and the inputs that used to
// loop ending in a located error at once.
#include <doctest/doctest.h>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "layout_fixture.h"

namespace fs = std::filesystem;
using namespace layout_test;

namespace {

constexpr double kMaxEmpty = 0.05;

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("broadsheet-makeup-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(counter()++));
    fs::create_directories(path / "photos");
    for (const auto& e : fs::directory_iterator(kSource + "/samples/counties/photos"))
      fs::copy_file(e.path(), path / "photos" / e.path().filename(), fs::copy_options::overwrite_existing);
  }
  ~TempDir() { fs::remove_all(path); }
  static int& counter() {
    static int n = 0;
    return n;
  }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name) << text;
    return (path / name).string();
  }
};

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Every page but the last is full (at most `max_empty` white); the last is
// full too when `all_full`; every block's columns end level.
void check_made_up(const Composed& c, bool all_full, double max_empty = kMaxEmpty) {
  REQUIRE(!c.pub.pages.empty());
  for (std::size_t p = 0; p < c.pub.pages.size(); ++p) {
    CAPTURE(p);
    if (all_full || p + 1 < c.pub.pages.size()) CHECK(empty_share(c.pub.pages[p], c.grid) <= max_empty);
  }
  for (const auto& page : c.plans)
    for (const auto& b : page.blocks) {
      CHECK(block_raggedness(b) <= 1);
      // An article that starts below another has six rows of text under its
      // head and photos on that page.
      if (b.head_variant >= 0 && b.top > 0) CHECK(b.column_rows >= layout::kMinRowsUnderHead);
    }
}

// Section banners: never two side by side at overlapping heights, and two
// body lines under each in its column.
void check_banners(const Composed& c) {
  const auto& g = c.grid;
  const auto& banner = c.theme.style(style::Role::Banner);
  for (std::size_t p = 0; p < c.pub.pages.size(); ++p) {
    const auto& page = c.pub.pages[p];
    CAPTURE(p);
    std::vector<core::Rect> bars;
    for (const auto& item : page.items)
      if (auto* box = std::get_if<frame::Box>(&item); box && box->fill && box->fill_color == banner.background &&
                                                       box->rect.width <= g.column_width + 0.5 && box->rect.width > g.column_width / 2)
        bars.push_back(box->rect);
    for (const auto& a : bars) {
      for (const auto& b : bars) {
        const bool neighbours = std::abs(b.x - a.x - (g.column_width + g.gutter)) < 1;
        CHECK_FALSE((neighbours && a.y < b.bottom() - 0.01 && b.y < a.bottom() - 0.01));  // bars that only touch are apart
      }
      int lines_below = 0;
      for (const auto& item : page.items)
        if (auto* run = std::get_if<frame::GlyphRun>(&item);
            run && std::abs(run->size - g.body_size) < 1e-6 && !run->glyphs.empty() &&
            run->glyphs.front().x >= a.x - 0.5 && run->glyphs.front().x < a.right() && run->baseline > a.bottom() &&
            run->baseline < a.bottom() + 3.2 * g.pitch)
          ++lines_below;
      CHECK(lines_below >= 2);
    }
  }
}

std::string sentence(int k) {
  static const char* kParts[] = {"县总工会深入企业开展职工技能培训，共举办培训班12期，培训职工1500多人次。",
                                 "推动“技能强企”行动走深走实，一线职工从“会干活”向“干好活”转变。",
                                 "各级工会组织围绕中心、服务大局，团结动员广大职工建功新时代。"};
  return kParts[k % 3];
}

std::string paragraph(int sentences, int seed) {
  std::string p;
  for (int k = 0; k < sentences; ++k) p += sentence(seed + k);
  return p;
}

}  // namespace

TEST_CASE("the seed page fills both newspaper-a4 pages and one broadsheet-a3 page") {
  for (const char* layout : {"newspaper-a4", "broadsheet-a3"}) {
    CAPTURE(layout);
    auto c = compose_file(kSource + "/samples/seed-page.yaml", layout);
    CHECK(!c.diags.has_errors());
    CHECK(c.pub.pages.size() == (std::string(layout) == "broadsheet-a3" ? 1u : 2u));
    check_made_up(c, true);
    check_banners(c);
  }
}

TEST_CASE("the typesetting showcase is one full page with its banners apart") {
  auto c = compose_file(kSource + "/samples/typesetting-showcase.yaml", "newspaper-a4");
  CHECK(!c.diags.has_errors());
  CHECK(c.pub.pages.size() == 1);
  check_made_up(c, true);
  check_banners(c);
}

TEST_CASE("every county sheet is one full page") {
  int sheets = 0;
  for (const auto& e : fs::directory_iterator(kSource + "/samples/counties")) {
    if (e.path().extension() != ".yaml") continue;
    CAPTURE(e.path().string());
    auto c = compose_file(e.path().string(), "sheet-a4");
    CHECK(c.pub.pages.size() == 1);
    check_made_up(c, true);
    check_banners(c);
    for (const auto& d : c.diags.all()) CHECK(d.message.find("overset") == std::string::npos);
    ++sheets;
  }
  CHECK(sheets == 12);
}

TEST_CASE("sheets with a little less or a little more than a page come out one full page") {
  const std::string anji = read_file(kSource + "/samples/counties/anji.yaml");
  const std::string byline = "    byline:";
  REQUIRE(anji.find(byline) != std::string::npos);
  TempDir dir;
  // Less: the last section's paragraphs gone; more: two paragraphs added.
  std::string less = anji;
  const auto last = less.rfind("      - heading:");
  less.erase(last, less.find("    photos:") - last);
  std::string more = anji;
  const auto sections_end = more.find("    photos:");
  more.insert(sections_end, "      - heading: 补充段落 检验版面\n        paragraphs:\n          - \"" + paragraph(5, 0) +
                                "\"\n          - \"" + paragraph(4, 1) + "\"\n");
  for (const auto& [name, text] : {std::pair{"less.yaml", less}, std::pair{"more.yaml", more}}) {
    CAPTURE(name);
    auto c = compose_file(dir.write(name, text), "sheet-a4");
    CHECK(c.pub.pages.size() == 1);
    check_made_up(c, true);
    check_banners(c);
  }
}

TEST_CASE("a sheet with far too much material reports the overset and loses nothing") {
  std::string doc = "layout: sheet-a4\narticles:\n  - union: 测试县总工会\n    headline: 内容过多的一页\n    lead:\n";
  for (int p = 0; p < 40; ++p) doc += "      - \"" + paragraph(3, p) + "\"\n";
  TempDir dir;
  auto c = compose_file(dir.write("over.yaml", doc), "sheet-a4");
  CHECK(c.pub.pages.size() >= 2);
  bool overset = false;
  for (const auto& d : c.diags.all())
    overset |= d.severity == core::Severity::Warning && d.message.find("overset") != std::string::npos &&
               d.span.line == 3;
  CHECK(overset);
  // Every paragraph is placed to its last line: nothing dropped.
  std::map<std::size_t, int> placed;
  for (const auto& page : c.plans)
    for (const auto& b : page.blocks)
      for (const auto& pl : b.fill.placements) placed[pl.unit] = std::max(placed[pl.unit], pl.first_line + pl.count);
  CHECK(placed.size() == 40);
  CHECK(c.plans.back().blocks.back().fill.end.unit == 40);
}

TEST_CASE("long, short and photo-heavy documents: full pages, a level last page") {
  TempDir dir;
  SUBCASE("a long document of many articles") {
    std::string doc = "meta: {paper: 工会周刊, edition: 测试, date: 2024-12-18, page: 1}\narticles:\n";
    for (int a = 0; a < 26; ++a) {
      doc += "  - union: 第" + std::to_string(a + 1) + "县总工会\n    headline: 推进产改走深走实 赋能产业工人成才成匠\n";
      doc += "    photos:\n      - {src: photos/contest.jpg, caption: 职工技能竞赛现场。}\n    sections:\n";
      for (int s = 0; s < 5; ++s) {
        doc += "      - heading: 聚焦中心工作 激发创新活力\n        paragraphs:\n";
        for (int p = 0; p < 4; ++p) doc += "          - \"" + paragraph(1 + (p * 7 + s + a) % 5, p) + "\"\n";
      }
      doc += "    byline: 通讯员 测试\n";
    }
    auto c = compose_file(dir.write("long.yaml", doc), "newspaper-a4");
    CHECK_MESSAGE(!c.diags.has_errors(), core::format_all(c.diags));
    CHECK(c.pub.pages.size() >= 20);
    check_made_up(c, false);
    check_banners(c);
  }
  SUBCASE("a long document heavy with photos") {
    std::string doc = "articles:\n";
    for (int a = 0; a < 16; ++a) {
      doc += "  - union: 第" + std::to_string(a + 1) + "县总工会\n    headline: 图说工会 职工风采\n    photos:\n";
      if (a % 3 == 0) doc += "      - {src: photos/studio.jpg, caption: 跨栏图片的说明。, span: page}\n";
      for (int k = 0; k < 2 + a % 3; ++k)
        doc += "      - {src: photos/" + std::string((a + k) % 2 ? "contest.jpg" : "studio.jpg") + ", caption: 第" +
               std::to_string(k + 1) + "张图片的说明。}\n";
      doc += "    sections:\n";
      for (int s = 0; s < 3; ++s) {
        doc += "      - heading: 建功新时代 奋进新征程\n        paragraphs:\n";
        for (int p = 0; p < 3; ++p) doc += "          - \"" + paragraph(2 + (p * 5 + s + a) % 4, p + a) + "\"\n";
      }
      doc += "    byline: 通讯员 测试\n";
    }
    auto c = compose_file(dir.write("photo-heavy.yaml", doc), "newspaper-a4");
    CHECK_MESSAGE(!c.diags.has_errors(), core::format_all(c.diags));
    CHECK(c.pub.pages.size() >= 20);
    check_made_up(c, false);
    check_banners(c);
  }
  SUBCASE("briefs of a line each share a page") {
    std::string doc = "articles:\n";
    for (int a = 0; a < 6; ++a)
      doc += "  - union: 测试县总工会\n    headline: 短讯" + std::to_string(a + 1) + "\n    lead:\n      - \"职工技能培训班开班。\"\n";
    auto c = compose_file(dir.write("briefs.yaml", doc), "newspaper-a4");
    CHECK(!c.diags.has_errors());
    CHECK(c.pub.pages.size() == 1);
    REQUIRE(c.plans.size() == 1);
    CHECK(c.plans[0].blocks.size() == 6);
  }
  SUBCASE("a short document") {
    std::string doc = "articles:\n  - union: 测试县总工会\n    headline: 短稿\n    lead:\n      - \"" + paragraph(3, 0) +
                      "\"\n      - \"" + paragraph(2, 1) + "\"\n";
    auto c = compose_file(dir.write("short.yaml", doc), "newspaper-a4");
    CHECK(!c.diags.has_errors());
    CHECK(c.pub.pages.size() == 1);
    check_made_up(c, false);
  }
  SUBCASE("an article with five photos keeps its photos and byline in its block") {
    std::string doc = "articles:\n  - union: 测试县总工会\n    headline: 图片很多的稿件\n    photos:\n";
    for (int k = 0; k < 5; ++k)
      doc += "      - {src: photos/" + std::string(k % 2 ? "contest.jpg" : "studio.jpg") + ", caption: 第" +
             std::to_string(k + 1) + "张图片的说明。}\n";
    doc += "    lead:\n";
    for (int p = 0; p < 12; ++p) doc += "      - \"" + paragraph(3, p) + "\"\n";
    doc += "    byline: 通讯员 测试\n";
    auto c = compose_file(dir.write("photos.yaml", doc), "newspaper-a4");
    CHECK(!c.diags.has_errors());
    check_made_up(c, false);
    check_banners(c);
    // The byline is the last thing placed, on the last page.
    const auto& last = c.plans.back().blocks.back().fill.placements;
    REQUIRE(!last.empty());
    CHECK(last.back().unit == c.plans.back().blocks.back().absent.size() - 1);
  }
}

TEST_CASE("items taller than a page end in a located error at once") {
  TempDir dir;
  std::string long_caption;
  for (int k = 0; k < 650; ++k) long_caption += "图";
  std::string long_kicker;
  for (int k = 0; k < 2000; ++k) long_kicker += "引";
  struct Case {
    std::string name, doc, layout;
    int line;
  };
  const std::string base = "articles:\n  - union: 测试县总工会\n    headline: 标题\n";
  const std::vector<Case> cases = {
      {"caption", base + "    lead: [正文。]\n    photos:\n      - {src: photos/contest.jpg, caption: \"" + long_caption + "\"}\n",
       "newspaper-a4", 6},
      {"kicker", "articles:\n  - union: 测试县总工会\n    kicker: \"" + long_kicker + "\"\n    headline: 标题\n    lead: [正文。]\n",
       "newspaper-a4", 3},
      {"leading", base + "    lead: [正文。]\n", dir.write("tall.yaml", "name: tall\nbody: {size: 9, leading: 300}\n"), 2},
      {"short page", base + "    lead: [正文。]\n",
       dir.write("short.yaml", "name: short\npage: {size: [210, 50], margins: {top: 10, bottom: 10, left: 10, right: 10}}\n"), 0},
  };
  for (const auto& k : cases) {
    CAPTURE(k.name);
    // CPU time, so that a busy machine does not fail the test (the work is
    // what is bounded; the sanitizer build does it several times slower).
    const std::clock_t start = std::clock();
    auto c = compose_file(dir.write(k.name + ".yaml", k.doc), k.layout);
    const double seconds = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
    CHECK(seconds < 1.0);
    REQUIRE(c.diags.has_errors());
    const auto& e = c.diags.all().back();
    CHECK(!e.span.file.empty());
    if (k.line > 0) CHECK(e.span.line == k.line);
  }
}
