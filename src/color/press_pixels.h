#pragma once
// Photos for a printing press: pixels shrunk to the resolution the press
// can use and brought into its inks through the output profile, within the
// total ink limit.
#include <string>
#include <vector>

#include "color/icc_profile.h"

namespace color {

// 8-bit samples, rows without padding. CMYK samples are ink (255 = solid),
// never Adobe's inverted form.
struct Pixels {
  int width = 0, height = 0;
  int channels = 0;  // 1 gray, 3 RGB, 4 CMYK
  std::vector<unsigned char> samples;
};

// The size a photo of width x height pixels needs to print `printed_width`
// x `printed_height` points at no more than `max_dpi`; its own size when it
// is already that small. Keeps the aspect ratio.
struct PixelSize {
  int width = 0, height = 0;
};
PixelSize size_for_print(int width, int height, double printed_width, double printed_height, double max_dpi);

// Averages each target pixel's area of the source (no ringing, no aliasing).
// `to` must be no larger than the source in either direction.
Pixels shrink(const Pixels& from, PixelSize to);

// Holds one CMYK pixel (4 samples) within `limit` (a fraction: 2.4 = 240 %).
void hold_pixel_to(unsigned char* cmyk, double limit);
// The pixel's total ink as a fraction (2.4 = 240 %).
inline double total_ink(const unsigned char* cmyk) {
  return (static_cast<unsigned>(cmyk[0]) + cmyk[1] + cmyk[2] + cmyk[3]) / 255.0;
}

class PhotoInks {
 public:
  // `ink_limit` in percent.
  PhotoInks(const PressProfile& profile, double ink_limit);

  // RGB through `source_icc` (the photo's embedded profile; sRGB when
  // empty) into the press's CMYK; CMYK through its own profile when it has
  // one, else taken as already the press's; both then held to the ink
  // limit. Gray is returned untouched: it prints in black ink alone.
  Pixels to_press(Pixels photo, const std::string& source_icc) const;

  double limit() const { return limit_; }  // fraction

 private:
  void convert(Pixels& photo, cmsHPROFILE source, cmsUInt32Number in_format) const;
  void hold_to_limit(Pixels& photo) const;

  const PressProfile& profile_;
  double limit_;  // fraction
};

}  // namespace color
