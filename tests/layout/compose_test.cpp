// Whole-page properties of the display list for the seed page and for a
// generated document of many pages: grid alignment, no overlaps, margins,
// keep rules, balanced last page.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "layout_fixture.h"

namespace fs = std::filesystem;
using namespace layout_test;

namespace {

bool is_body_run(const frame::Item& item, const Composed& c) {
  auto* run = std::get_if<frame::GlyphRun>(&item);
  return run && std::abs(run->size - c.grid.body_size) < 1e-6;
}

int column_of(double x, const layout::PageGrid& g) {
  for (int col = 0; col < g.columns; ++col)
    if (x >= g.column_x(col) - 0.5 && x < g.column_x(col) + g.column_width + 0.5) return col;
  return -1;
}

// Checks every property the page-composition issue asks for.
void check_pages(const Composed& c) {
  const auto& g = c.grid;
  for (std::size_t p = 0; p < c.pub.pages.size(); ++p) {
    const auto& page = c.pub.pages[p];
    CAPTURE(p);
    std::vector<core::Rect> texts, images;
    for (const auto& item : page.items) {
      const core::Rect b = frame::bounds(item);
      // Nothing crosses the margins.
      // A compressed mark at a line's end keeps its full advance in the frame,
      // though its ink fills only the first half: allow half an em there.
      core::Rect inked = b;
      if (auto* run = std::get_if<frame::GlyphRun>(&item)) inked.width -= 0.5 * run->size;
      CHECK_MESSAGE(g.content.contains(inked, 0.5), "outside the margins: " << b.x << "," << b.y << " " << frame::dump(page).substr(0, 0));
      if (std::holds_alternative<frame::GlyphRun>(item)) texts.push_back(b);
      if (std::holds_alternative<frame::Image>(item)) images.push_back(b);
      // Body lines sit on the one baseline grid.
      if (is_body_run(item, c)) {
        const auto& run = std::get<frame::GlyphRun>(item);
        if (run.baseline < g.body_top) continue;  // folio
        const double steps = (run.baseline - g.baseline(0)) / g.pitch;
        CHECK_MESSAGE(std::abs(steps - std::round(steps)) < 1e-6, "off the grid: " << run.baseline);
      }
    }
    // No photo overlaps text, and text never overlaps text.
    for (const auto& im : images)
      for (const auto& t : texts) CHECK_FALSE(im.intersects(t, 0.5));
    for (std::size_t i = 0; i < texts.size(); ++i)
      for (std::size_t j = i + 1; j < texts.size(); ++j) CHECK_FALSE(texts[i].intersects(texts[j], 0.6));

    // Every banner has body text after it in the same column, and every photo
    // has its caption right under it.
    for (const auto& item : page.items) {
      if (auto* box = std::get_if<frame::Box>(&item); box && box->fill && box->rect.height < 3 * g.pitch &&
                                                      box->rect.width <= g.column_width + 0.5 &&
                                                      box->rect.width > g.column_width / 2) {
        const int col = column_of(box->rect.x, g);
        bool text_below = false;
        for (const auto& other : page.items)
          if (is_body_run(other, c)) {
            const auto& run = std::get<frame::GlyphRun>(other);
            text_below |= column_of(run.glyphs.front().x, g) == col && run.baseline > box->rect.bottom() &&
                          run.baseline < box->rect.bottom() + 2 * g.pitch;
          }
        CHECK_MESSAGE(text_below, "banner without text after it at y=" << box->rect.y);
      }
      if (auto* im = std::get_if<frame::Image>(&item)) {
        bool caption = false;
        for (const auto& other : page.items)
          if (auto* run = std::get_if<frame::GlyphRun>(&other))
            caption |= run->baseline > im->box.bottom() && run->baseline < im->box.bottom() + 2 * g.pitch &&
                       run->glyphs.front().x >= im->box.x - g.column_width && !run->glyphs.empty() &&
                       run->glyphs.front().text == "■";
        CHECK_MESSAGE(caption, "photo without its caption: " << im->path);
      }
    }
  }
  // The last page's columns end within one grid line of each other.
  const auto& last = c.pub.pages.back();
  std::map<int, double> bottom;
  for (const auto& item : last.items)
    if (is_body_run(item, c)) {
      const auto& run = std::get<frame::GlyphRun>(item);
      const int col = column_of(run.glyphs.front().x, g);
      bottom[col] = std::max(bottom[col], run.baseline);
    }
  if (bottom.size() >= 2) {
    double hi = 0, lo = 1e9;
    for (auto [col, b] : bottom) hi = std::max(hi, b), lo = std::min(lo, b);
    CHECK(hi - lo <= g.pitch + 1e-6);
  }
}

}  // namespace

TEST_CASE("the seed page: two balanced A4 pages with newspaper-a4") {
  auto c = compose_file(kSource + "/samples/seed-page.yaml", "newspaper-a4");
  CHECK(c.pub.pages.size() == 2);
  check_pages(c);
  CHECK(c.pub.bookmarks.size() == 2);
}

TEST_CASE("the seed page fits one A3 page with broadsheet-a3") {
  auto c = compose_file(kSource + "/samples/seed-page.yaml", "broadsheet-a3");
  CHECK(c.pub.pages.size() == 1);
  check_pages(c);
}

// A generated document of 20+ pages of nine articles; returns its path.
fs::path write_long_document(const fs::path& dir) {
  fs::create_directories(dir);
  const fs::path doc = dir / "long.yaml";
  std::ofstream out(doc);
  out << "meta: {paper: 工会周刊, edition: 测试, date: 2024-12-18, page: 1}\narticles:\n";
  const std::string sentence = "县总工会深入企业开展职工技能培训，共举办培训班12期，培训职工1500多人次，"
                               "推动“技能强企”行动走深走实。";
  for (int a = 0; a < 9; ++a) {
    out << "  - union: 第" << a + 1 << "县总工会\n    headline: 推进产改走深走实 赋能产业工人成才成匠\n"
        << "    sections:\n";
    for (int s = 0; s < 6; ++s) {
      out << "      - heading: 聚焦中心工作 激发创新活力\n        paragraphs:\n";
      for (int p = 0; p < 5; ++p) {
        out << "          - \"";
        for (int k = 0; k < 1 + (p * 7 + s) % 5; ++k) out << sentence;
        out << "\"\n";
      }
    }
  }
  return doc;
}

TEST_CASE("a generated document of 20+ pages keeps every rule") {
  const fs::path dir = fs::temp_directory_path() / ("broadsheet-long-" + std::to_string(::getpid()));
  auto c = compose_file(write_long_document(dir).string(), "newspaper-a4");
  CHECK(c.pub.pages.size() >= 20);
  check_pages(c);
  fs::remove_all(dir);
}

TEST_CASE("pages handed out as they are made, and paragraphs set only when drawn, come out the same") {
  const fs::path dir = fs::temp_directory_path() / ("broadsheet-stream-" + std::to_string(::getpid()));
  const fs::path path = write_long_document(dir);
  core::Diagnostics diags;
  const auto doc = model::load_document(path.string(), diags);
  const style::Theme theme = style::load_theme(kSource + "/layouts/newspaper-a4.yaml", diags);
  REQUIRE_MESSAGE(!diags.has_errors(), core::format_all(diags));
  const style::StyledDocument styled = style::style_document(doc, theme);
  const frame::Publication whole = layout::compose(styled, theme, fonts(), diags);
  REQUIRE(whole.pages.size() >= 20);
  const std::string want = frame::dump(whole, dir.string());

  // Every paragraph planned by its line count and set when its page is drawn.
  const frame::Publication counted = layout::compose(styled, theme, fonts(), diags, {.held_paragraph_bytes = 0});
  CHECK(frame::dump(counted, dir.string()) == want);

  // Each page to a sink as soon as it is made, folio and all; none kept.
  frame::Publication streamed;
  std::size_t held_at_most = 0;
  layout::ComposeOptions options;
  options.sink = [&](frame::Page&& page, const frame::Publication& so_far) {
    held_at_most = std::max(held_at_most, so_far.pages.size());
    CHECK(page.number == static_cast<int>(streamed.pages.size()) + 1);
    CHECK(so_far.faces.size() >= 1);
    streamed.pages.push_back(std::move(page));
  };
  const frame::Publication rest = layout::compose(styled, theme, fonts(), diags, options);
  CHECK(rest.pages.empty());
  CHECK(held_at_most == 0);
  streamed.faces = rest.faces;
  streamed.bookmarks = rest.bookmarks;
  streamed.meta = rest.meta;
  CHECK(frame::dump(streamed, dir.string()) == want);
  fs::remove_all(dir);
}
