// Decisions layout makes for the press before any output: crop marks and
// the paper around the trim, and the low-resolution photo warning.
#include <doctest/doctest.h>

#include <algorithm>

#include "image/image_probe.h"
#include "layout/preflight.h"
#include "layout/print_marks.h"

TEST_CASE("crop marks lie outside the bleed and on the paper; without them the paper is the bleed") {
  frame::Page page;
  page.size = {500, 700};
  layout::add_print_marks(page, 9, false);
  CHECK(page.bleed == 9);
  CHECK(page.paper_margin == 9);
  CHECK(page.crop_marks.empty());

  layout::add_print_marks(page, 9, true);
  const double margin = 9 + core::mm(5) + core::mm(1);  // bleed wider than the 3 mm gap
  CHECK(page.paper_margin == doctest::Approx(margin));
  REQUIRE(page.crop_marks.size() == 8);
  for (const auto& l : page.crop_marks) {
    const double left = std::min(l.from.x, l.to.x), right = std::max(l.from.x, l.to.x);
    const double top = std::min(l.from.y, l.to.y), bottom = std::max(l.from.y, l.to.y);
    const bool outside = right <= -9 || left >= 509 || bottom <= -9 || top >= 709;
    CHECK(outside);
    CHECK(left >= -margin);
    CHECK(right <= 500 + margin);
    CHECK(top >= -margin);
    CHECK(bottom <= 700 + margin);
    CHECK(l.width == 0.25);
    CHECK(l.color == core::Color::cmyk(1, 1, 1, 1));  // on every plate
  }

  layout::add_print_marks(page, 0, true);  // no bleed: the marks start 3 mm from the trim
  CHECK(page.paper_margin == doctest::Approx(core::mm(9)));
}

TEST_CASE("a photo printed below 150 dpi gives a warning at its span") {
  auto photo = [](const char* name, core::Rect box, core::SourceSpan span) {
    const std::string path = std::string(BROADSHEET_TEST_DATA) + "/images/" + name;
    std::string why;
    const auto info = image::probe_image_file(path, image::Check::Header, why);
    REQUIRE_MESSAGE(info, why);
    return frame::Image{path, box, span, {}, *info};
  };
  frame::Publication pub;
  frame::Page page;
  page.size = {400, 400};
  page.items = {photo("lowres.jpg", {10, 10, 200, 150}, {"doc.yaml", 12, 9}),  // 40 px over 200 pt: 14 dpi
                photo("rgb.jpg", {10, 200, 20, 10}, {"doc.yaml", 20, 9})};     // 64 px over 20 pt: 230 dpi
  pub.pages.push_back(page);
  core::Diagnostics diags;
  layout::warn_low_resolution(pub.pages[0], diags);
  REQUIRE(diags.warning_count() == 1);
  const auto& w = diags.all()[0];
  CHECK(w.span.line == 12);
  CHECK(w.message.find("14 dpi") != std::string::npos);
  CHECK(w.message.find("lowres.jpg") != std::string::npos);

  // Cropped: the whole picture's size counts, not the window it shows through.
  frame::Image cropped = photo("rgb.jpg", {10, 10, 20, 10}, {"doc.yaml", 30, 9});
  cropped.picture = {0, 10, 200, 100};  // 64 px over 200 pt: 23 dpi
  pub.pages[0].items = {cropped};
  core::Diagnostics again;
  layout::warn_low_resolution(pub.pages[0], again);
  REQUIRE(again.warning_count() == 1);
  CHECK(again.all()[0].message.find("23 dpi") != std::string::npos);
}
