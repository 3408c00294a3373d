// The PDF writer, checked from the outside: the bytes it writes are read
// back with poppler-utils (pdftotext, pdffonts, pdfinfo) and poppler-cpp.
#include "render/pdf/pdf_writer.h"

#include <doctest/doctest.h>

#include <poppler-document.h>
#include <poppler-page.h>
#include <poppler-toc.h>

#include <algorithm>
#include <memory>
#include <thread>
#include <regex>
#include <set>
#include <sstream>

#include "render/png/page_images.h"
#include "render_fixtures.h"

using namespace render_test;

namespace {

// Song, hei and the LXGW fallback (for 𬭎 U+2CB4E), as layout would list them.
struct Fonts {
  TestFont song{kUming, 0}, hei{kZenHei, 0}, kai{kWenKai, 0};
  std::vector<core::FontFace> faces() const {
    return {{kUming, 0, "AR PL UMing CN", 1024}, {kZenHei, 0, "WenQuanYi Zen Hei", 1024}, {kWenKai, 0, "LXGW WenKai", 1000}};
  }
};

const Fonts& fonts() {
  static const Fonts f;
  return f;
}

frame::Publication text_publication() {
  const Fonts& f = fonts();
  frame::Publication pub;
  pub.faces = f.faces();
  pub.meta = {"产改进行时", "工会周刊 第5版", "全媒体记者", "broadsheet", "2024-12-18"};
  frame::Page page = a4_page();
  page.items.push_back(make_run(f.hei, 1, "推进产改走深走实", 60, 80, 24));
  // Body lines justified with extra space between characters.
  page.items.push_back(make_run(f.song, 0, "作为佛山市首批产业工人队伍建设改革试点单位之一，", 60, 120, 10.5, 0.35));
  page.items.push_back(make_run(f.song, 0, "建立“百千万工程”职工宣讲团（街道）、《办法》；", 60, 136, 10.5));
  page.items.push_back(make_run(f.song, 0, "会聚良缘", 60, 152, 10.5));
  page.items.push_back(make_run(f.song, 0, "安居高明？是！", 60 + 4 * 10.5 + 5.25, 152, 10.5));
  page.items.push_back(make_run(f.kai, 2, "通讯员王𬭎", 60, 168, 10.5, 0, {0.8, 0.1, 0.1}));
  page.items.push_back(make_run(f.song, 0, "2024年3月，80%的职工参与。", 60, 184, 10.5));
  pub.pages.push_back(page);
  pub.bookmarks.push_back({"推进产改走深走实", 0, 60});
  return pub;
}

std::string write_ok(const frame::Publication& pub, render::PdfOptions options = {}) {
  core::Diagnostics diags;
  std::string pdf = render::write_pdf(pub, options, diags);
  INFO(core::format_all(diags));
  REQUIRE_FALSE(diags.has_errors());
  REQUIRE(pdf.size() > 0);
  return pdf;
}

std::vector<double> numbers_after(const std::string& text, const std::string& label) {
  const auto at = text.find(label);
  if (at == std::string::npos) return {};
  std::istringstream line(text.substr(at + label.size(), text.find('\n', at) - at - label.size()));
  std::vector<double> out;
  for (double v; line >> v;) out.push_back(v);
  return out;
}

void check_box(const std::string& info, const std::string& label, std::vector<double> want) {
  const auto got = numbers_after(info, label);
  INFO(label << " in\n" << info);
  REQUIRE(got.size() == 4);
  for (std::size_t i = 0; i < 4; ++i) CHECK(std::abs(got[i] - want[i]) < 0.006);  // pdfinfo prints 2 decimals
}

}  // namespace

TEST_CASE("the same publication gives byte-identical PDFs") {
  const frame::Publication pub = text_publication();
  const std::string a = write_ok(pub);
  const std::string b = write_ok(pub);
  CHECK(a == b);
  CHECK(a.rfind("%PDF-1.4", 0) == 0);
}

TEST_CASE("text comes back from pdftotext, 𬭎 and Chinese punctuation included, without ToUnicode warnings") {
  TempFile file(write_ok(text_publication()));
  for (const char* mode : {"", "-raw "}) {
    const CommandResult r = run(std::string("pdftotext -enc UTF-8 ") + mode + file.path() + " -");
    INFO("pdftotext " << mode << "stdout:\n" << r.out << "\nstderr:\n" << r.err);
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    const std::string text = without_space(r.out);
    CHECK(text.find("推进产改走深走实") != std::string::npos);
    CHECK(text.find("作为佛山市首批产业工人队伍建设改革试点单位之一，") != std::string::npos);
    CHECK(text.find("建立“百千万工程”职工宣讲团（街道）、《办法》；") != std::string::npos);
    CHECK(text.find("通讯员王𬭎") != std::string::npos);
    CHECK(text.find("2024年3月，80%的职工参与。") != std::string::npos);
    CHECK(text.find("会聚良缘安居高明？是！") != std::string::npos);
  }
  // The half-em gap between 会聚良缘 and 安居高明 is a visible space.
  const CommandResult raw = run("pdftotext -enc UTF-8 -raw " + file.path() + " -");
  CHECK(raw.out.find("会聚良缘 安居高明") != std::string::npos);
}

TEST_CASE("a glyph standing for two characters and one standing for none extract as the text") {
  const Fonts& f = fonts();
  frame::Publication pub;
  pub.faces = f.faces();
  frame::Page page = a4_page();
  frame::GlyphRun line = make_run(f.song, 0, "工会中国人", 60, 100, 12);
  line.glyphs[2].text = "中国";  // as a ligature would carry it
  line.glyphs[3].text = "";      // the rest of that cluster
  page.items.push_back(line);
  pub.pages.push_back(page);
  TempFile file(write_ok(pub));
  const CommandResult r = run("pdftotext -enc UTF-8 " + file.path() + " -");
  CHECK(r.err.empty());
  CHECK(without_space(r.out) == "工会中国人");
}

TEST_CASE("every font is embedded and subset, with a tag derived from its glyphs") {
  const std::string pdf = write_ok(text_publication());
  TempFile file(pdf);
  const CommandResult r = run("pdffonts " + file.path());
  INFO(r.out << r.err);
  REQUIRE(r.status == 0);
  CHECK(r.err.empty());
  std::istringstream lines(r.out);
  std::string line;
  int fonts_seen = 0;
  const std::regex row(R"(^([A-Z]{6})\+(\S+)\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s+\d+\s+0\s*$)");
  std::set<std::string> tags;
  while (std::getline(lines, line)) {
    if (line.rfind("name", 0) == 0 || line.rfind("----", 0) == 0 || line.empty()) continue;
    ++fonts_seen;
    std::smatch m;
    INFO(line);
    CHECK(std::regex_match(line, m, row));
    tags.insert(m.size() > 1 ? m[1].str() : "");
  }
  CHECK(fonts_seen == 3);
  CHECK(tags.size() == 3);
  CHECK(pdf.find("HPDFAA") == std::string::npos);  // libharu's counter tag is gone

  // The tag follows the glyphs: one more character, another tag.
  frame::Publication more = text_publication();
  std::get<frame::GlyphRun>(more.pages[0].items[0]).glyphs.pop_back();
  const std::string other = write_ok(more);
  const auto tag_of = [](const std::string& bytes) {
    const auto at = bytes.find("+WenQuanYiZenHei");
    return at == std::string::npos || at < 6 ? std::string() : bytes.substr(at - 6, 6);
  };
  CHECK(tag_of(pdf) != "");
  CHECK(tag_of(other) != "");
  CHECK(tag_of(pdf) != tag_of(other));
}

TEST_CASE("page size is exact; bleed enlarges the MediaBox and adds TrimBox and BleedBox") {
  const Fonts& f = fonts();
  frame::Publication pub;
  pub.faces = f.faces();
  frame::Page plain = a4_page();
  plain.items.push_back(make_run(f.song, 0, "工会", 60, 100, 12));
  frame::Page bleed = plain;
  bleed.bleed = core::mm(3);
  bleed.paper_margin = core::mm(3);
  frame::Page marks = bleed;
  marks.paper_margin = core::mm(9);
  marks.crop_marks = {frame::Rule{{-core::mm(8), 0}, {-core::mm(3), 0}, 0.25, core::Color::cmyk(1, 1, 1, 1)}};
  pub.pages = {plain, bleed, marks};
  TempFile file(write_ok(pub));

  const double w = core::mm(210), h = core::mm(297), b = core::mm(3);
  const CommandResult p1 = run("pdfinfo -box -f 1 -l 1 " + file.path());
  check_box(p1.out, "Page    1 MediaBox:", {0, 0, w, h});
  check_box(p1.out, "Page    1 TrimBox:", {0, 0, w, h});
  const CommandResult p2 = run("pdfinfo -box -f 2 -l 2 " + file.path());
  check_box(p2.out, "Page    2 MediaBox:", {0, 0, w + 2 * b, h + 2 * b});
  check_box(p2.out, "Page    2 TrimBox:", {b, b, b + w, b + h});
  check_box(p2.out, "Page    2 BleedBox:", {0, 0, w + 2 * b, h + 2 * b});
  // Paper beyond the bleed for crop marks (3 mm gap + 5 mm mark + 1 mm).
  const CommandResult p3 = run("pdfinfo -box -f 3 -l 3 " + file.path());
  const double m = core::mm(9);
  check_box(p3.out, "Page    3 MediaBox:", {0, 0, w + 2 * m, h + 2 * m});
  check_box(p3.out, "Page    3 TrimBox:", {m, m, m + w, m + h});
  check_box(p3.out, "Page    3 BleedBox:", {m - b, m - b, m + w + b, m + h + b});
  CHECK(p1.err.empty());
}

TEST_CASE("metadata: title, subject, author, creator and dates from Metadata::date") {
  TempFile file(write_ok(text_publication()));
  const CommandResult r = run("pdfinfo -isodates " + file.path());
  INFO(r.out);
  const auto field = [&](const std::string& name) {
    std::smatch m;
    return std::regex_search(r.out, m, std::regex("(^|\n)" + name + ":\\s+([^\n]*)")) ? m[2].str() : std::string("?");
  };
  CHECK(field("Title") == "产改进行时");
  CHECK(field("Subject") == "工会周刊 第5版");
  CHECK(field("Author") == "全媒体记者");
  CHECK(field("Creator") == "broadsheet");
  CHECK(field("CreationDate").rfind("2024-12-18T00:00:00", 0) == 0);
  CHECK(field("ModDate").rfind("2024-12-18T00:00:00", 0) == 0);
  CHECK(field("Page size") == "595.276 x 841.89 pts (A4)");
}

TEST_CASE("one bookmark per Bookmark, pointing at its page") {
  const Fonts& f = fonts();
  frame::Publication pub;
  pub.faces = f.faces();
  frame::Page p = a4_page();
  p.items.push_back(make_run(f.song, 0, "工会", 60, 100, 12));
  pub.pages = {p, p};
  pub.bookmarks = {{"佛山市高明区总工会", 0, 40}, {"阳江阳春市总工会", 1, 300}, {"以“三个聚力”推动𬭎", 1, 500}};
  const std::string pdf = write_ok(pub);
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
  REQUIRE(doc);
  std::unique_ptr<poppler::toc> toc(doc->create_toc());
  REQUIRE(toc);
  std::vector<std::string> titles;
  for (const poppler::toc_item* item : toc->root()->children()) {
    const auto bytes = item->title().to_utf8();
    titles.emplace_back(bytes.begin(), bytes.end());
  }
  // poppler-cpp's toc_item::title() keeps 16 bits per character, so the
  // non-BMP 𬭎 is checked in the bytes instead: a UTF-16 surrogate pair.
  REQUIRE(titles.size() == 3);
  CHECK(titles[0] == "佛山市高明区总工会");
  CHECK(titles[1] == "阳江阳春市总工会");
  CHECK(titles[2].rfind("以“三个聚力”推动", 0) == 0);
  CHECK(pdf.find("<FEFF4EE5201C4E094E2A805A529B201D63A852A8D872DF4E>") != std::string::npos);
  // [page /XYZ null top null] with top flipped to PDF's y-up coordinates.
  const std::regex dest(R"(/Dest (\d+) 0 R)");
  std::vector<std::string> dest_objects;
  for (auto it = std::sregex_iterator(pdf.begin(), pdf.end(), dest); it != std::sregex_iterator(); ++it) {
    dest_objects.push_back((*it)[1]);
  }
  REQUIRE(dest_objects.size() == 3);
  const double h = core::mm(297);
  for (std::size_t i = 0; i < 3; ++i) {
    const std::string head = dest_objects[i] + " 0 obj";
    const auto at = pdf.find(head);
    REQUIRE(at != std::string::npos);
    const std::string body = pdf.substr(at, pdf.find("endobj", at) - at);
    INFO(body);
    std::smatch m;
    REQUIRE(std::regex_search(body, m, std::regex(R"(\[ ?(\d+) 0 R /XYZ null ([0-9.]+) null ?\])")));
    CHECK(std::stod(m[2]) == doctest::Approx(h - pub.bookmarks[i].y).epsilon(0.0001));
  }
  CHECK(pdf.find("/PageMode /UseOutlines") != std::string::npos);
}

TEST_CASE("photos: RGB, grey and CMYK JPEG and PNG with alpha land in their boxes in the right colours") {
  frame::Publication pub;
  frame::Page page;
  page.size = {300, 200};
  // A blue box behind the PNG shows through its transparent half.
  frame::Box behind;
  behind.rect = {10, 120, 64, 32};
  behind.fill = true;
  behind.fill_color = {0, 0, 1};
  page.items.push_back(behind);
  page.items.push_back(photo("rgb.jpg", {10, 10, 64, 32}));
  page.items.push_back(photo("grey.jpg", {110, 10, 64, 32}));
  page.items.push_back(photo("cmyk.jpg", {10, 60, 64, 32}));
  page.items.push_back(photo("alpha.png", {10, 120, 64, 32}));
  page.items.push_back(photo("rgb.jpg", {110, 60, 128, 64}));  // same file, embedded once
  pub.pages.push_back(page);
  const std::string pdf = write_ok(pub);

  const auto pngs = render::rasterize_pdf(pdf, 72);  // 1 pixel per point
  REQUIRE(pngs.size() == 1);
  const Picture pic = decode_png(pngs[0]);
  REQUIRE(pic.width == 300);
  REQUIRE(pic.height == 200);
  auto near = [](Rgb got, Rgb want) {
    INFO(got.r << "," << got.g << "," << got.b << " vs " << want.r << "," << want.g << "," << want.b);
    CHECK(std::abs(got.r - want.r) < 40);
    CHECK(std::abs(got.g - want.g) < 40);
    CHECK(std::abs(got.b - want.b) < 40);
  };
  near(pic.at(26, 26), {255, 0, 0});       // rgb.jpg left half
  near(pic.at(58, 26), {0, 0, 255});       // rgb.jpg right half
  near(pic.at(126, 26), {0x20, 0x20, 0x20});  // grey.jpg
  near(pic.at(158, 26), {0xE0, 0xE0, 0xE0});
  near(pic.at(26, 76), {255, 0, 0});       // cmyk.jpg: C0 M100 Y100 K0, not inverted to cyan
  near(pic.at(58, 76), {0, 173, 239});     // C100 M0 Y0 K0 (poppler's process cyan)
  near(pic.at(26, 136), {0, 200, 0});      // alpha.png opaque half
  near(pic.at(58, 136), {0, 0, 255});      // transparent half: the box behind
  near(pic.at(5, 5), {255, 255, 255});     // paper
  near(pic.at(140, 92), {255, 0, 0});      // second use of rgb.jpg

  std::size_t jpeg_streams = 0;
  for (std::size_t at = pdf.find("/DCTDecode"); at != std::string::npos; at = pdf.find("/DCTDecode", at + 1)) ++jpeg_streams;
  CHECK(jpeg_streams == 3);  // rgb, grey, cmyk: each once
  CHECK(pdf.find("/SMask") != std::string::npos);
}

TEST_CASE("JPEG bytes go into the PDF untouched") {
  const std::string jpeg = [] {
    std::ifstream in(image_path("cmyk.jpg"), std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }();
  frame::Publication pub;
  frame::Page page;
  page.size = {100, 100};
  page.items.push_back(photo("cmyk.jpg", {0, 0, 10, 5}));
  pub.pages.push_back(page);
  const std::string pdf = write_ok(pub);
  REQUIRE(jpeg.size() > 100);
  CHECK(pdf.find(jpeg) != std::string::npos);
  CHECK(pdf.find("/Decode [ 1 0 1 0 1 0 1 0 ]") != std::string::npos);  // Adobe CMYK is stored inverted
}

TEST_CASE("problems are errors and give no PDF") {
  const Fonts& f = fonts();
  SUBCASE("unreadable photo") {
    frame::Publication pub;
    frame::Page page = a4_page();
    // Probed at load, gone by the time the PDF is written.
    frame::Image gone = photo("rgb.jpg", {0, 0, 10, 10}, {"doc.yaml", 3, 5});
    gone.path = image_path("missing.jpg");
    page.items.push_back(gone);
    pub.pages.push_back(page);
    core::Diagnostics diags;
    CHECK(render::write_pdf(pub, {}, diags).empty());
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.all()[0].span.line == 3);
    CHECK(diags.all()[0].message.find("missing.jpg") != std::string::npos);
  }
  SUBCASE("a photo the loader did not probe") {
    frame::Publication pub;
    frame::Page page = a4_page();
    page.items.push_back(frame::Image{std::string(BROADSHEET_SOURCE_DIR) + "/CMakeLists.txt", {0, 0, 10, 10}, {}, {}, {}});
    pub.pages.push_back(page);
    core::Diagnostics diags;
    CHECK(render::write_pdf(pub, {}, diags).empty());
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.all()[0].message.find("was not checked") != std::string::npos);
  }
  SUBCASE("glyph run with a face the publication does not have") {
    frame::Publication pub;
    pub.faces = f.faces();
    frame::Page page = a4_page();
    frame::GlyphRun run = make_run(f.song, 0, "工会", 60, 100, 12);
    run.face = 7;
    run.span = {"doc.yaml", 8, 1};
    page.items.push_back(run);
    pub.pages.push_back(page);
    core::Diagnostics diags;
    CHECK(render::write_pdf(pub, {}, diags).empty());
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.all()[0].span.line == 8);
  }
  SUBCASE("no pages") {
    core::Diagnostics diags;
    CHECK(render::write_pdf(frame::Publication{}, {}, diags).empty());
    CHECK(diags.error_count() == 1);
  }
  SUBCASE("missing font file") {
    frame::Publication pub;
    pub.faces = {{"/nonexistent/font.ttf", 0, "Nothing", 1000}};
    frame::Page page = a4_page();
    frame::GlyphRun run = make_run(f.song, 0, "工", 60, 100, 12);
    run.span = {"doc.yaml", 4, 2};
    page.items.push_back(run);
    pub.pages.push_back(page);
    core::Diagnostics diags;
    CHECK(render::write_pdf(pub, {}, diags).empty());
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.all()[0].span.line == 4);
    CHECK(diags.all()[0].message.find("/nonexistent/font.ttf") != std::string::npos);
  }
}

TEST_CASE("OpenType/CFF faces are embedded as subset CIDFontType0C and extract as their text") {
  const render_test::TestFont serif(kNotoSerif, kNotoSc), sans(kNotoSansBold, kNotoSc);
  frame::Publication pub;
  pub.faces = {{kNotoSerif, kNotoSc, "Noto Serif CJK SC", 1000}, {kNotoSansBold, kNotoSc, "Noto Sans CJK SC", 1000}};
  frame::Page page = a4_page();
  page.items.push_back(make_run(serif, 0, "通讯员王𬭎，法院+工会。", 60, 100, 12));
  page.items.push_back(make_run(sans, 1, "产业工人", 60, 140, 20));
  // Compressed 。” : the same glyph at a second width comes from a second instance.
  frame::GlyphRun compressed = make_run(serif, 0, "好。”", 60, 180, 12);
  compressed.glyphs[2].x -= 6;
  page.items.push_back(compressed);
  pub.pages.push_back(page);
  const std::string pdf = write_ok(pub);
  CHECK(write_ok(pub) == pdf);  // deterministic
  TempFile file(pdf);
  const CommandResult fonts = run("pdffonts " + file.path());
  INFO(fonts.out << fonts.err);
  const std::regex row(R"(^[A-Z]{6}\+NotoS(erif|ans)CJKsc-(Regular|Bold)\s+CID Type 0C\s+Identity-H\s+yes\s+yes\s+yes\s+\d+\s+0\s*$)");
  std::istringstream lines(fonts.out);
  std::string line;
  int rows = 0;
  while (std::getline(lines, line)) {
    if (line.rfind("name", 0) == 0 || line.rfind("----", 0) == 0 || line.empty()) continue;
    ++rows;
    INFO(line);
    CHECK(std::regex_match(line, row));
  }
  CHECK(rows == 3);  // serif (two instances) and sans
  CHECK(pdf.find("/FontFile3") != std::string::npos);
  CHECK(pdf.find("/CIDFontType0C") != std::string::npos);
  const CommandResult text = run("pdftotext -enc UTF-8 " + file.path() + " -");
  CHECK(text.err.empty());
  CHECK(text.out.find("通讯员王𬭎，法院+工会。") != std::string::npos);
  CHECK(text.out.find("产业工人") != std::string::npos);
  CHECK(text.out.find("好。”") != std::string::npos);
  // Drawn, not just extractable: ink where the headline is.
  const auto pic = decode_png(render::rasterize_pdf(pdf, 72)[0]);
  int dark = 0;
  for (int y = 140 - 16; y < 140; ++y) {
    for (int x = 62; x < 140; ++x) dark += pic.at(x, y).r < 100;
  }
  CHECK(dark > 100);
}

TEST_CASE("debug items are drawn only with debug_boxes") {
  const Fonts& f = fonts();
  frame::Publication pub;
  pub.faces = f.faces();
  frame::Page page;
  page.size = {200, 100};
  frame::Box outline;
  outline.rect = {10, 10, 50, 50};
  outline.fill = true;
  outline.fill_color = {1, 0, 1};
  page.debug_items.push_back(outline);
  page.debug_items.push_back(make_run(f.song, 0, "栏", 100, 50, 12));  // a label in a font nothing else uses
  pub.pages.push_back(page);

  const auto plain = decode_png(render::rasterize_pdf(write_ok(pub), 72)[0]);
  CHECK(plain.at(30, 30).g == 255);  // paper
  render::PdfOptions debug;
  debug.debug_boxes = true;
  const std::string pdf = write_ok(pub, debug);
  const auto boxed = decode_png(render::rasterize_pdf(pdf, 72)[0]);
  CHECK(boxed.at(30, 30).g < 30);  // magenta
  TempFile file(pdf);
  CHECK(without_space(run("pdftotext -enc UTF-8 " + file.path() + " -").out) == "栏");
}

TEST_CASE("rules and boxes are drawn where the frame puts them (y flipped)") {
  frame::Publication pub;
  frame::Page page;
  page.size = {100, 100};
  frame::Rule rule;
  rule.from = {10, 20};
  rule.to = {90, 20};
  rule.width = 4;
  rule.color = {1, 0, 0};
  page.items.push_back(rule);
  frame::Box box;
  box.rect = {20, 60, 30, 20};
  box.stroke = true;
  box.stroke_width = 2;
  box.stroke_color = {0, 0, 1};
  page.items.push_back(box);
  pub.pages.push_back(page);
  const auto pic = decode_png(render::rasterize_pdf(write_ok(pub), 72)[0]);
  CHECK(pic.at(50, 20).r > 200);
  CHECK(pic.at(50, 20).g < 60);
  CHECK(pic.at(80, 80).r > 200);  // nothing at the mirrored place
  CHECK(pic.at(80, 80).g > 200);
  CHECK(pic.at(20, 70).b > 200);  // the box's left edge
  CHECK(pic.at(20, 70).r < 60);
  CHECK(pic.at(35, 70).g > 200);  // hollow inside
}

TEST_CASE("two columns extract in reading order: the left column, then the right") {
  const Fonts& f = fonts();
  frame::Publication pub;
  pub.faces = f.faces();
  frame::Page page = a4_page();
  const char* left[] = {"左栏第一行文字内容", "左栏第二行文字内容", "左栏第三行文字内容"};
  const char* right[] = {"右栏第一行文字内容", "右栏第二行文字内容", "右栏第三行文字内容"};
  for (int i = 0; i < 3; ++i) page.items.push_back(make_run(f.song, 0, left[i], 60, 100 + 14 * i, 10.5));
  for (int i = 0; i < 3; ++i) page.items.push_back(make_run(f.song, 0, right[i], 320, 100 + 14 * i, 10.5));
  pub.pages.push_back(page);
  TempFile file(write_ok(pub));
  for (const char* mode : {"", "-raw "}) {
    const std::string text = without_space(run(std::string("pdftotext -enc UTF-8 ") + mode + file.path() + " -").out);
    INFO(mode << text);
    CHECK(text == "左栏第一行文字内容左栏第二行文字内容左栏第三行文字内容右栏第一行文字内容右栏第二行文字内容右栏第三行文字内容");
  }
}

TEST_CASE("faces: one font per file and index, collections by index") {
  const TestFont song(kUming, 0), hk(kUming, 1);
  frame::Publication pub;
  pub.faces = {{kUming, 0, "AR PL UMing CN", 1024}, {kUming, 0, "AR PL UMing CN", 1024}, {kUming, 1, "AR PL UMing HK", 1024}};
  frame::Page page = a4_page();
  page.items.push_back(make_run(song, 0, "工会", 60, 100, 12));
  page.items.push_back(make_run(song, 1, "工人", 60, 120, 12));  // same file and index as face 0
  page.items.push_back(make_run(hk, 2, "工会", 60, 140, 12));
  pub.pages.push_back(page);
  TempFile file(write_ok(pub));
  const CommandResult fonts = run("pdffonts " + file.path());
  INFO(fonts.out);
  CHECK(fonts.out.find("+UMingCN") != std::string::npos);
  CHECK(fonts.out.find("+UMingHK") != std::string::npos);
  CHECK(std::count(fonts.out.begin(), fonts.out.end(), '\n') == 2 + 2);
  CHECK(without_space(run("pdftotext -enc UTF-8 " + file.path() + " -").out) == "工会工人工会");
}

TEST_CASE("a zero-width glyph alone in its show is still drawn") {
  // libharu's ShowText skips text whose width comes to 0.
  const Fonts& f = fonts();
  frame::Publication pub;
  pub.faces = f.faces();
  frame::Page page = a4_page();
  frame::GlyphRun mark = make_run(f.kai, 2, "e\u0301", 60, 100, 24);  // LXGW WenKai: U+0301 advances 0
  REQUIRE(mark.glyphs[1].advance == 0);
  mark.glyphs[1].x = 400;  // beyond any Tc: a show of its own
  page.items.push_back(mark);
  pub.pages.push_back(page);
  TempFile file(write_ok(pub));
  const std::string text = run("pdftotext -enc UTF-8 -raw " + file.path() + " -").out;
  CHECK(text.find("\u0301") != std::string::npos);
}

TEST_CASE("writers on several threads at once give the same bytes") {
  const frame::Publication pub = text_publication();
  const std::string expected = write_ok(pub);
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (auto& out : results) {
    threads.emplace_back([&pub, &out] {
      core::Diagnostics diags;
      out = render::write_pdf(pub, {}, diags);
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& r : results) CHECK(r == expected);
}

TEST_CASE("page labels follow the folio numbers") {
  frame::Publication pub;
  frame::Page page;
  page.size = {100, 100};
  for (int number : {5, 6, 9}) {
    page.number = number;
    pub.pages.push_back(page);
  }
  const std::string pdf = write_ok(pub);
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
  REQUIRE(doc);
  std::vector<std::string> labels;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> p(doc->create_page(i));
    const auto bytes = p->label().to_utf8();
    labels.emplace_back(bytes.begin(), bytes.end());
  }
  CHECK(labels == std::vector<std::string>{"5", "6", "9"});
  // Folios 1, 2, 3... need no labels.
  frame::Publication plain;
  page.number = 1;
  plain.pages = {page};
  CHECK(write_ok(plain).find("/PageLabels") == std::string::npos);
}

TEST_CASE("a JPEG's EXIF orientation turns it upright in the PDF, its bytes untouched") {
  // rgb.jpg is stored red on the left, blue on the right.
  frame::Publication pub;
  frame::Page page;
  page.size = {300, 200};
  page.items.push_back(photo("rgb-exif6.jpg", {10, 10, 32, 64}));   // 90° clockwise
  page.items.push_back(photo("rgb-exif8.jpg", {60, 10, 32, 64}));   // 90° counter-clockwise
  page.items.push_back(photo("rgb-exif3.jpg", {110, 10, 64, 32}));  // 180°
  page.items.push_back(photo("rgb-exif2.jpg", {110, 60, 64, 32}));  // mirrored
  pub.pages.push_back(page);
  const std::string pdf = write_ok(pub);
  const Picture pic = decode_png(render::rasterize_pdf(pdf, 72)[0]);
  auto near = [](Rgb got, Rgb want) {
    INFO(got.r << "," << got.g << "," << got.b << " vs " << want.r << "," << want.g << "," << want.b);
    CHECK(std::abs(got.r - want.r) < 40);
    CHECK(std::abs(got.b - want.b) < 40);
  };
  const Rgb red{255, 0, 0}, blue{0, 0, 255};
  near(pic.at(26, 20), red);   // exif 6: the left edge is now the top
  near(pic.at(26, 64), blue);
  near(pic.at(76, 20), blue);  // exif 8: the left edge is now the bottom
  near(pic.at(76, 64), red);
  near(pic.at(120, 26), blue);  // exif 3: turned half way
  near(pic.at(164, 26), red);
  near(pic.at(120, 76), blue);  // exif 2: mirrored left to right
  near(pic.at(164, 76), red);
  const std::string jpeg = [] {
    std::ifstream in(image_path("rgb-exif6.jpg"), std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }();
  CHECK(pdf.find(jpeg) != std::string::npos);
}
