#pragma once
// Flat colours for a printing press: every colour of a publication made
// gray or CMYK before it is written. Neutral colours (black, grays, white)
// become black ink alone, tone for tone, so text and rules never print as
// four-colour "rich" black that misregistration blurs; other RGB colours go
// through the press profile; every CMYK colour keeps within the ink limit.
#include "color/icc_profile.h"
#include "frame/frame.h"

namespace color {

class PressInks {
 public:
  // `ink_limit` in percent (240 = newsprint).
  PressInks(const PressProfile& profile, double ink_limit);

  core::Color convert(const core::Color& c) const;

 private:
  double black_only(double level) const;  // K for an sRGB gray level
  double lightness_of_black(double k) const;

  double limit_;  // fraction
  TransformHandle rgb_to_cmyk_, rgb_to_lab_, cmyk_to_lab_;
  double paper_lightness_ = 100, black_lightness_ = 0;
};

// Every colour of `pub`'s items (debug overlay included) through `inks`.
void convert_for_press(frame::Publication& pub, const PressInks& inks);
// The same for one page.
void convert_for_press(frame::Page& page, const PressInks& inks);

}  // namespace color
