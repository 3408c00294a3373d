#include "color/press_pixels.h"

#include <algorithm>
#include <cmath>

#include "color/ink_limit.h"

namespace color {

PixelSize size_for_print(int width, int height, double printed_width, double printed_height, double max_dpi) {
  const double need_w = std::ceil(printed_width / 72.0 * max_dpi);
  const double need_h = std::ceil(printed_height / 72.0 * max_dpi);
  const double scale = std::max(need_w / width, need_h / height);
  if (!(scale < 1)) return {width, height};
  return {std::max(1, static_cast<int>(std::lround(width * scale))),
          std::max(1, static_cast<int>(std::lround(height * scale)))};
}

Pixels shrink(const Pixels& from, PixelSize to) {
  if (to.width == from.width && to.height == from.height) return from;
  Pixels out;
  out.width = to.width;
  out.height = to.height;
  out.channels = from.channels;
  const int ch = from.channels;
  out.samples.resize(static_cast<std::size_t>(to.width) * to.height * ch);
  // Source column span of each target column, computed once.
  std::vector<int> x0(to.width + 1);
  for (int x = 0; x <= to.width; ++x) x0[x] = static_cast<int>(static_cast<long long>(x) * from.width / to.width);
  std::vector<unsigned> sum(static_cast<std::size_t>(to.width) * ch);
  for (int y = 0; y < to.height; ++y) {
    const int y_first = static_cast<int>(static_cast<long long>(y) * from.height / to.height);
    const int y_end = std::max(y_first + 1, static_cast<int>(static_cast<long long>(y + 1) * from.height / to.height));
    std::fill(sum.begin(), sum.end(), 0u);
    for (int sy = y_first; sy < y_end; ++sy) {
      const unsigned char* row = from.samples.data() + static_cast<std::size_t>(sy) * from.width * ch;
      for (int x = 0; x < to.width; ++x) {
        const int x_end = std::max(x0[x] + 1, x0[x + 1]);
        for (int sx = x0[x]; sx < x_end; ++sx)
          for (int c = 0; c < ch; ++c) sum[static_cast<std::size_t>(x) * ch + c] += row[sx * ch + c];
      }
    }
    unsigned char* dst = out.samples.data() + static_cast<std::size_t>(y) * to.width * ch;
    for (int x = 0; x < to.width; ++x) {
      const unsigned area = static_cast<unsigned>((y_end - y_first) * (std::max(x0[x] + 1, x0[x + 1]) - x0[x]));
      for (int c = 0; c < ch; ++c)
        dst[x * ch + c] = static_cast<unsigned char>((sum[static_cast<std::size_t>(x) * ch + c] + area / 2) / area);
    }
  }
  return out;
}

PhotoInks::PhotoInks(const PressProfile& profile, double ink_limit) : profile_(profile), limit_(ink_limit / 100) {}

Pixels PhotoInks::to_press(Pixels photo, const std::string& source_icc) const {
  if (photo.channels == 1) return photo;
  ProfileHandle embedded;
  if (!source_icc.empty()) {
    embedded.reset(cmsOpenProfileFromMem(source_icc.data(), static_cast<cmsUInt32Number>(source_icc.size())));
    const auto wanted = photo.channels == 3 ? cmsSigRgbData : cmsSigCmykData;
    if (embedded && cmsGetColorSpace(embedded.get()) != wanted) embedded.reset();  // a mislabelled file
  }
  if (photo.channels == 3) {
    ProfileHandle srgb;
    if (!embedded) srgb.reset(cmsCreate_sRGBProfile());
    convert(photo, embedded ? embedded.get() : srgb.get(), TYPE_RGB_8);
  } else if (embedded) {
    convert(photo, embedded.get(), TYPE_CMYK_8);
  }
  hold_to_limit(photo);
  return photo;
}

void PhotoInks::convert(Pixels& photo, cmsHPROFILE source, cmsUInt32Number in_format) const {
  TransformHandle t(cmsCreateTransform(source, in_format, profile_.handle(), TYPE_CMYK_8, INTENT_PERCEPTUAL,
                                       cmsFLAGS_BLACKPOINTCOMPENSATION));
  if (!t) throw ProfileError("Little CMS cannot convert this photo's colours into " + profile_.path());
  std::vector<unsigned char> out(static_cast<std::size_t>(photo.width) * photo.height * 4);
  cmsDoTransformLineStride(t.get(), photo.samples.data(), out.data(), static_cast<cmsUInt32Number>(photo.width),
                           static_cast<cmsUInt32Number>(photo.height),
                           static_cast<cmsUInt32Number>(photo.width * photo.channels),
                           static_cast<cmsUInt32Number>(photo.width * 4), 0, 0);
  photo.samples = std::move(out);
  photo.channels = 4;
}

void hold_pixel_to(unsigned char* p, double limit) {
  if (total_ink(p) <= limit) return;
  const auto v = limit_ink({p[0] / 255.0, p[1] / 255.0, p[2] / 255.0, p[3] / 255.0}, limit);
  // Rounding down keeps the sum within the limit.
  for (int c = 0; c < 4; ++c) p[c] = static_cast<unsigned char>(std::floor(v[c] * 255 + 1e-9));
}

void PhotoInks::hold_to_limit(Pixels& photo) const {
  unsigned char* p = photo.samples.data();
  const std::size_t n = static_cast<std::size_t>(photo.width) * photo.height;
  for (std::size_t i = 0; i < n; ++i, p += 4) hold_pixel_to(p, limit_);
}

}  // namespace color
