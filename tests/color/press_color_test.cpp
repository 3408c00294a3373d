// Colour for a press: flat colours and photos into the press's inks, black
// in black ink alone, every pixel within the ink limit.
#include <doctest/doctest.h>

#include "color/icc_profile.h"
#include "color/ink_limit.h"
#include "color/press_inks.h"
#include "color/press_pixels.h"

namespace {

using core::Color;

const color::PressProfile& press_profile() {
  static const color::PressProfile p = color::PressProfile::load(color::kDefaultPressProfile);
  return p;
}

double total(const Color& c) { return c.v[0] + c.v[1] + c.v[2] + c.v[3]; }

}  // namespace

TEST_CASE("the default press profile is a CMYK output profile; RGB and missing files are refused") {
  CHECK(press_profile().bytes().size() > 1000);
  CHECK_FALSE(press_profile().description().empty());
  CHECK(color::press_profile_problem(color::kDefaultPressProfile).empty());
  CHECK(color::press_profile_problem("/usr/share/color/icc/sRGB.icc").find("RGB profile") != std::string::npos);
  CHECK(color::press_profile_problem("/no/such.icc").find("cannot read") != std::string::npos);
}

TEST_CASE("limit_ink: within the limit untouched; above it, gray moved to K, then colour scaled") {
  using A = std::array<double, 4>;
  CHECK(color::limit_ink(A{0.2, 1, 1, 0.1}, 2.4) == A{0.2, 1, 1, 0.1});
  const A rich = color::limit_ink(A{0.75, 0.68, 0.67, 0.9}, 2.4);
  CHECK(rich[0] + rich[1] + rich[2] + rich[3] == doctest::Approx(2.4));
  CHECK(rich[3] > 0.9);  // under-colour removal went into K
  const A solid = color::limit_ink(A{1, 1, 1, 1}, 2.4);
  CHECK(solid[0] + solid[1] + solid[2] + solid[3] <= 2.4 + 1e-9);
  CHECK(solid[3] == 1);
}

TEST_CASE("press inks: black and grays become K only, colours go through the profile within the limit") {
  const color::PressInks inks(press_profile(), 240);
  CHECK(inks.convert(Color{0, 0, 0}) == Color::cmyk(0, 0, 0, 1));
  CHECK(inks.convert(Color{1, 1, 1}) == Color::cmyk(0, 0, 0, 0));
  const Color dark = inks.convert(Color{0x33 / 255.0, 0x33 / 255.0, 0x33 / 255.0});
  const Color mid = inks.convert(Color{0x55 / 255.0, 0x55 / 255.0, 0x55 / 255.0});
  CHECK(dark.space == Color::Space::Cmyk);
  CHECK(dark.v[0] + dark.v[1] + dark.v[2] == 0);
  CHECK(mid.v[0] + mid.v[1] + mid.v[2] == 0);
  CHECK(dark.v[3] > mid.v[3]);  // darker gray, more black ink
  CHECK(dark.v[3] < 1);
  CHECK(mid.v[3] > 0.3);

  const Color red = inks.convert(Color{0xb4 / 255.0, 0x1e / 255.0, 0x1e / 255.0});
  CHECK(red.space == Color::Space::Cmyk);
  CHECK(red.v[1] > 0.8);  // magenta and yellow make red
  CHECK(red.v[2] > 0.8);
  CHECK(total(red) <= 2.4 + 1e-9);
  // A designer's CMYK is kept, but not over the limit; gray stays gray.
  CHECK(inks.convert(Color::cmyk(0, 0.9, 0.85, 0)) == Color::cmyk(0, 0.9, 0.85, 0));
  CHECK(total(inks.convert(Color::cmyk(1, 1, 1, 1))) <= 2.4 + 1e-9);
  CHECK(inks.convert(Color::gray(0.8)) == Color::gray(0.8));
}

TEST_CASE("a publication's every colour goes into the inks, debug overlay included") {
  frame::Publication pub;
  frame::Page page;
  frame::GlyphRun run;
  run.color = Color{0, 0, 0};
  page.items.push_back(run);
  page.items.push_back(frame::Rule{{0, 0}, {10, 0}, 0.5, Color{0.3, 0.3, 0.3}});
  frame::Box box;
  box.fill = true;
  box.fill_color = Color{0.95, 0.9, 0.85};
  page.items.push_back(box);
  page.debug_items.push_back(frame::Rule{{0, 0}, {10, 0}, 0.3, Color{0.1, 0.6, 0.9}});
  pub.pages.push_back(page);
  color::convert_for_press(pub, color::PressInks(press_profile(), 240));
  const auto& items = pub.pages[0].items;
  CHECK(std::get<frame::GlyphRun>(items[0]).color == Color::cmyk(0, 0, 0, 1));
  CHECK(std::get<frame::Rule>(items[1]).color.space == Color::Space::Cmyk);
  CHECK(std::get<frame::Rule>(items[1]).color.v[0] == 0);
  CHECK(std::get<frame::Box>(items[2]).fill_color.space == Color::Space::Cmyk);
  CHECK(std::get<frame::Rule>(pub.pages[0].debug_items[0]).color.space == Color::Space::Cmyk);
}

TEST_CASE("photos: shrunk to the press's resolution, RGB to CMYK within the ink limit, gray kept") {
  // A 6000 x 4000 photo printed 8 cm wide needs only 945 x 630 pixels at 300 dpi.
  const auto size = color::size_for_print(6000, 4000, 8 / 2.54 * 72, 8 / 2.54 * 72 * 4000 / 6000, 300);
  CHECK(size.width == 945);
  CHECK(size.height == 630);
  const auto small = color::size_for_print(300, 200, 8 / 2.54 * 72, 8 / 2.54 * 72 * 2 / 3, 300);
  CHECK(small.width == 300);

  color::Pixels rgb;
  rgb.width = 4;
  rgb.height = 2;
  rgb.channels = 3;
  // Black, white, red, dark blue; then the same again.
  const unsigned char row[] = {0, 0, 0, 255, 255, 255, 200, 20, 20, 10, 20, 60};
  rgb.samples.assign(row, row + 12);
  rgb.samples.insert(rgb.samples.end(), row, row + 12);
  const color::Pixels half = color::shrink(rgb, {2, 1});
  CHECK(half.samples[0] == 128);  // black and white averaged
  CHECK(half.samples[1] == 128);

  const color::PhotoInks inks(press_profile(), 240);
  const color::Pixels cmyk = inks.to_press(rgb, "");
  REQUIRE(cmyk.channels == 4);
  for (std::size_t i = 0; i < cmyk.samples.size(); i += 4) CHECK(color::total_ink(&cmyk.samples[i]) <= 2.4);
  CHECK(cmyk.samples[3] > 200);  // black has K
  CHECK(color::total_ink(&cmyk.samples[4]) < 0.02);  // white has no ink

  color::Pixels gray;
  gray.width = gray.height = 1;
  gray.channels = 1;
  gray.samples = {77};
  CHECK(inks.to_press(gray, "").samples == std::vector<unsigned char>{77});
}
