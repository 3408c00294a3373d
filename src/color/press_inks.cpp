#include "color/press_inks.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "color/ink_limit.h"

namespace color {
namespace {

// RGB channels this close count as a gray: hex colours round to 1/255.
constexpr double kNeutralSpread = 3.0 / 255;

bool neutral(const core::Color& c) {
  const auto [lo, hi] = std::minmax({c.v[0], c.v[1], c.v[2]});
  return hi - lo <= kNeutralSpread;
}

double unit(double v) { return std::clamp(v, 0.0, 1.0); }

}  // namespace

PressInks::PressInks(const PressProfile& profile, double ink_limit) : limit_(ink_limit / 100) {
  ProfileHandle srgb(cmsCreate_sRGBProfile());
  ProfileHandle lab(cmsCreateLab4Profile(nullptr));
  const cmsUInt32Number flags = cmsFLAGS_BLACKPOINTCOMPENSATION | cmsFLAGS_NOCACHE;
  rgb_to_cmyk_.reset(cmsCreateTransform(srgb.get(), TYPE_RGB_DBL, profile.handle(), TYPE_CMYK_DBL,
                                        INTENT_RELATIVE_COLORIMETRIC, flags));
  rgb_to_lab_.reset(cmsCreateTransform(srgb.get(), TYPE_RGB_DBL, lab.get(), TYPE_Lab_DBL,
                                       INTENT_RELATIVE_COLORIMETRIC, cmsFLAGS_NOCACHE));
  cmyk_to_lab_.reset(cmsCreateTransform(profile.handle(), TYPE_CMYK_DBL, lab.get(), TYPE_Lab_DBL,
                                        INTENT_RELATIVE_COLORIMETRIC, cmsFLAGS_NOCACHE));
  if (!rgb_to_cmyk_ || !rgb_to_lab_ || !cmyk_to_lab_) {
    throw ProfileError(profile.path() + ": Little CMS cannot convert colours into this profile");
  }
  paper_lightness_ = lightness_of_black(0);
  black_lightness_ = lightness_of_black(1);
}

double PressInks::lightness_of_black(double k) const {
  const double ink[4] = {0, 0, 0, k * 100};  // Little CMS counts ink in percent
  cmsCIELab lab{};
  cmsDoTransform(cmyk_to_lab_.get(), ink, &lab, 1);
  return lab.L;
}

// The K whose printed lightness matches the gray's, with the gray scale
// compressed into what black ink can reach on this paper (black-point
// compensation): black is 100 % K, white no ink, and the steps between
// keep their order and spacing.
double PressInks::black_only(double level) const {
  if (level <= 0) return 1;
  if (level >= 1) return 0;
  const double rgb[3] = {level, level, level};
  cmsCIELab lab{};
  cmsDoTransform(rgb_to_lab_.get(), rgb, &lab, 1);
  const double target = black_lightness_ + lab.L / 100 * (paper_lightness_ - black_lightness_);
  double lo = 0, hi = 1;  // lightness falls as K rises
  for (int i = 0; i < 40; ++i) {
    const double mid = (lo + hi) / 2;
    (lightness_of_black(mid) > target ? lo : hi) = mid;
  }
  // Four decimals: well below a visible step, and stable bytes in the PDF.
  return std::round((lo + hi) / 2 * 1e4) / 1e4;
}

core::Color PressInks::convert(const core::Color& c) const {
  using Space = core::Color::Space;
  switch (c.space) {
    case Space::Gray:
      return core::Color::gray(unit(c.v[0]));
    case Space::Cmyk: {
      const auto v = limit_ink({unit(c.v[0]), unit(c.v[1]), unit(c.v[2]), unit(c.v[3])}, limit_);
      return core::Color::cmyk(v[0], v[1], v[2], v[3]);
    }
    case Space::Rgb:
      break;
  }
  if (neutral(c)) return core::Color::cmyk(0, 0, 0, black_only(unit((c.v[0] + c.v[1] + c.v[2]) / 3)));
  const double rgb[3] = {unit(c.v[0]), unit(c.v[1]), unit(c.v[2])};
  double ink[4] = {};
  cmsDoTransform(rgb_to_cmyk_.get(), rgb, ink, 1);
  std::array<double, 4> v;
  for (int i = 0; i < 4; ++i) v[i] = std::round(unit(ink[i] / 100) * 1e4) / 1e4;
  v = limit_ink(v, limit_);
  return core::Color::cmyk(v[0], v[1], v[2], v[3]);
}

void convert_for_press(frame::Page& page, const PressInks& inks) {
  // A page uses a handful of colours thousands of times: convert each once.
  std::vector<std::pair<core::Color, core::Color>> done;
  auto convert = [&](core::Color& c) {
    auto it = std::find_if(done.begin(), done.end(), [&](const auto& d) { return d.first == c; });
    if (it == done.end()) it = done.insert(done.end(), {c, inks.convert(c)});
    c = it->second;
  };
  auto convert_item = [&convert](frame::Item& item) {
    std::visit(
        [&convert](auto& it) {
          using T = std::decay_t<decltype(it)>;
          if constexpr (std::is_same_v<T, frame::GlyphRun> || std::is_same_v<T, frame::Rule>) {
            convert(it.color);
          } else if constexpr (std::is_same_v<T, frame::Box>) {
            convert(it.fill_color);
            convert(it.stroke_color);
          }
        },
        item);
  };
  for (auto& item : page.items) convert_item(item);
  for (auto& item : page.debug_items) convert_item(item);
}

void convert_for_press(frame::Publication& pub, const PressInks& inks) {
  for (auto& page : pub.pages) convert_for_press(page, inks);
}

}  // namespace color
