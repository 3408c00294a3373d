// A photo's credit: right-aligned at the end of the caption's last line
// when it fits there, else right-aligned on a line of its own below it.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "layout_fixture.h"

namespace fs = std::filesystem;
using namespace layout_test;

namespace {

std::string run_text(const frame::GlyphRun& run) {
  std::string t;
  for (const auto& g : run.glyphs) t += g.text;
  return t;
}

struct CaptionRuns {
  const frame::GlyphRun* caption_last = nullptr;  // the caption's lowest line
  const frame::GlyphRun* credit = nullptr;
};

// The runs of the photo whose caption starts with `caption_start`; the credit run is the one reading `credit`.
CaptionRuns find_caption(const frame::Publication& pub, const std::string& caption_start, const std::string& credit) {
  CaptionRuns out;
  bool in_caption = false;
  for (const auto& page : pub.pages)
    for (const auto& item : page.items) {
      const auto* run = std::get_if<frame::GlyphRun>(&item);
      if (!run || run->glyphs.empty()) continue;
      const std::string t = run_text(*run);
      if (t.rfind("■", 0) == 0) in_caption = t.find(caption_start) != std::string::npos;
      if (!in_caption) continue;
      if (t == credit) {
        out.credit = run;
        in_caption = false;
      } else if (!out.credit) {
        out.caption_last = run;
      }
    }
  return out;
}

}  // namespace

TEST_CASE("a credit ends the caption's last line when it fits, else takes a line of its own, right-aligned") {
  const fs::path dir = fs::temp_directory_path() / ("broadsheet-caption-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string photo = kSource + "/samples/counties/photos/contest.jpg";
  std::string body;
  for (int k = 0; k < 30; ++k) body += "县总工会深入企业开展职工技能培训，共举办培训班12期，培训职工1500多人次。";
  {
    std::ofstream out(dir / "credit.yaml");
    out << "articles:\n  - union: 测试县总工会\n    headline: 图片说明与署名\n    photos:\n"
        << "      - {src: " << photo << ", caption: 职工技能竞赛现场。, credit: 王明 摄}\n"
        << "      - {src: " << photo << ", caption: 县总工会举办职工技能大赛焊工比赛现场，选手正在比赛。, "
        << "credit: 县总工会宣传部供图}\n"
        << "    lead:\n      - \"" << body << "\"\n      - \"" << body << "\"\n";
  }
  auto c = compose_file((dir / "credit.yaml").string(), "newspaper-a4");
  fs::remove_all(dir);
  const auto& g = c.grid;
  auto right_edge = [&](const frame::GlyphRun& run) {
    return run.glyphs.back().x + run.glyphs.back().advance;
  };
  auto column_right = [&](const frame::GlyphRun& run) {
    for (int col = g.columns - 1; col >= 0; --col)
      if (run.glyphs.front().x >= g.column_x(col) - 0.5) return g.column_x(col) + g.column_width;
    return 0.0;
  };

  SUBCASE("a short credit shares the caption's line") {
    const auto runs = find_caption(c.pub, "职工技能竞赛现场", "王明 摄");
    REQUIRE(runs.caption_last);
    REQUIRE(runs.credit);
    CHECK(runs.credit->baseline == doctest::Approx(runs.caption_last->baseline));
    CHECK(right_edge(*runs.credit) == doctest::Approx(column_right(*runs.credit)).epsilon(1e-4));
    // At least an em of white between the caption and the credit.
    CHECK(runs.credit->glyphs.front().x - right_edge(*runs.caption_last) >= runs.caption_last->size - 1e-6);
  }
  SUBCASE("a credit that does not fit goes on its own line, right-aligned") {
    const auto runs = find_caption(c.pub, "焊工比赛", "县总工会宣传部供图");
    REQUIRE(runs.caption_last);
    REQUIRE(runs.credit);
    const double leading = c.theme.style(style::Role::Caption).leading;
    CHECK(runs.credit->baseline == doctest::Approx(runs.caption_last->baseline + leading));
    CHECK(right_edge(*runs.credit) == doctest::Approx(column_right(*runs.credit)).epsilon(1e-4));
  }
}
