// Size and speed of a realistic page: the seed page's text (about 2,700
// glyphs, some 550 distinct characters) set in the three default fonts,
// song for body text, hei for headlines, kai for captions and bylines.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <regex>
#include <set>

#include "render/pdf/pdf_writer.h"
#include "render_fixtures.h"

using namespace render_test;

namespace {

struct SeedText {
  std::string text;
  int face = 0;  // 0 song, 1 hei, 2 kai
};

// Every quoted or bare CJK value of the seed YAML with the role its key
// implies. Good enough for sizes and timings; layout proper is elsewhere.
std::vector<SeedText> seed_texts() {
  std::ifstream in(std::string(BROADSHEET_SOURCE_DIR) + "/samples/seed-page.yaml");
  REQUIRE(in);
  std::vector<SeedText> out;
  std::string line;
  const std::regex quoted("\"([^\"]*)\"");
  while (std::getline(in, line)) {
    if (line.find('#') == 0) continue;
    int face = 0;
    if (std::regex_search(line, std::regex("(headline|heading|union|paper|edition):"))) face = 1;
    if (std::regex_search(line, std::regex("(caption|byline|credit):"))) face = 2;
    bool any = false;
    for (auto it = std::sregex_iterator(line.begin(), line.end(), quoted); it != std::sregex_iterator(); ++it) {
      out.push_back({(*it)[1], face});
      any = true;
    }
    const auto colon = line.find(": ");
    if (!any && colon != std::string::npos && utf32(line.substr(colon + 2)).size() < line.size() - colon - 2) {
      out.push_back({line.substr(colon + 2), face});
    }
  }
  return out;
}

struct SeedPage {
  frame::Publication pub;
  std::size_t glyphs = 0;
  std::set<char32_t> distinct;
  std::size_t per_face_distinct[3] = {0, 0, 0};
};

// Sets the texts in two columns of A3 pages, 24 characters a line for body
// text, one line per headline.
SeedPage build_seed_page() {
  static const TestFont song(kUming, 0), hei(kZenHei, 0), kai(kUkai, 0);
  const TestFont* fonts[] = {&song, &hei, &kai};
  const double sizes[] = {10.5, 18, 9};
  SeedPage sp;
  sp.pub.faces = {{kUming, 0, "AR PL UMing CN", 1024}, {kZenHei, 0, "WenQuanYi Zen Hei", 1024}, {kUkai, 0, "AR PL UKai CN", 1024}};
  sp.pub.meta.date = "2024-12-18";
  std::set<char32_t> per_face[3];
  frame::Page page;
  page.size = {core::mm(297), core::mm(420)};
  double y = 60;
  int column = 0;
  const double column_x[] = {40, 40 + 24 * 10.5 + 40};
  for (const SeedText& t : seed_texts()) {
    std::u32string chars;
    for (char32_t c : utf32(t.text)) {
      if (c > 0x20) chars.push_back(c);
    }
    const double size = sizes[t.face];
    const std::size_t per_line = t.face == 0 ? 24 : chars.size();
    for (std::size_t at = 0; at < chars.size(); at += per_line) {
      std::string piece;
      for (std::size_t k = at; k < std::min(chars.size(), at + per_line); ++k) piece += utf8(chars[k]);
      if (y > page.size.height - 60) {
        if (++column == 2) {
          sp.pub.pages.push_back(page);
          page.items.clear();
          column = 0;
        }
        y = 60;
      }
      // Justify body lines by 0.2 pt a character, as layout would.
      page.items.push_back(make_run(*fonts[t.face], t.face, piece, column_x[column], y, size, t.face == 0 ? 0.2 : 0));
      y += size * 1.6;
    }
    for (char32_t c : chars) {
      sp.distinct.insert(c);
      per_face[t.face].insert(c);
    }
    sp.glyphs += chars.size();
  }
  sp.pub.pages.push_back(page);
  for (int f = 0; f < 3; ++f) sp.per_face_distinct[f] = per_face[f].size();
  return sp;
}

}  // namespace

TEST_CASE("a seed-sized page stays under 200 KB, every character extractable") {
  const SeedPage sp = build_seed_page();
  MESSAGE("seed text: " << sp.glyphs << " glyphs, " << sp.distinct.size() << " distinct characters; song "
                        << sp.per_face_distinct[0] << ", hei " << sp.per_face_distinct[1] << ", kai "
                        << sp.per_face_distinct[2] << "; " << sp.pub.pages.size() << " page(s)");
  CHECK(sp.glyphs > 2400);
  CHECK(sp.distinct.size() > 500);

  using clock = std::chrono::steady_clock;
  std::string pdf;
  double first_ms = 0, best_ms = 1e9;
  for (int i = 0; i < 5; ++i) {
    core::Diagnostics diags;
    const auto t0 = clock::now();
    pdf = render::write_pdf(sp.pub, {}, diags);
    const double ms = std::chrono::duration<double, std::milli>(clock::now() - t0).count();
    REQUIRE_FALSE(diags.has_errors());
    if (i == 0) first_ms = ms;
    best_ms = std::min(best_ms, ms);
  }
  MESSAGE("PDF " << pdf.size() / 1024.0 << " KB; write_pdf first " << first_ms << " ms, best of 5 " << best_ms << " ms");
  CHECK(pdf.size() < 200 * 1024);
  // Embedded font programs: "N 0 obj << /Length L 0 R /Length1 raw ..." with L's value in object L.
  const std::regex program(R"((\d+) 0 obj\s*<<\s*/Length (\d+) 0 R\s*/Length1 (\d+))");
  std::string sizes;
  for (auto it = std::sregex_iterator(pdf.begin(), pdf.end(), program); it != std::sregex_iterator(); ++it) {
    const auto at = pdf.find("\n" + (*it)[2].str() + " 0 obj");
    const long stored = at == std::string::npos ? -1 : std::stol(pdf.substr(pdf.find("obj", at) + 3, 16));
    sizes += " " + std::to_string(stored / 1024) + " KB (" + (*it)[3].str() + " bytes raw);";
  }
  MESSAGE("font programs:" << sizes);

  TempFile file(pdf);
  const CommandResult fonts = run("pdffonts " + file.path());
  MESSAGE(fonts.out);
  const CommandResult text = run("pdftotext -enc UTF-8 -raw " + file.path() + " -");
  CHECK(text.err.empty());
  std::set<char32_t> extracted;
  for (char32_t c : utf32(text.out)) extracted.insert(c);
  for (char32_t c : sp.distinct) {
    INFO("U+" << std::hex << static_cast<unsigned>(c));
    CHECK(extracted.count(c) == 1);
  }
}
