#pragma once
// What a photo file is, checked before anything trusts it: JPEG or PNG,
// its pixel size, its EXIF orientation, and whether the whole file decodes
// (a file cut short, or a header claiming more pixels than kMaxPixels, is
// refused here rather than printed as a grey band or allowed to take
// gigabytes later). The loader, the page make-up and the PDF writer all
// ask this one probe.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "image/orientation.h"

namespace image {

// 100 megapixels: a 10,000 × 10,000 photo; more is a mistake or an attack.
inline constexpr std::uint64_t kMaxPixels = 100'000'000;
// A photo file larger than this is not a photo a page needs.
inline constexpr std::size_t kMaxImageBytes = 256u << 20;

enum class Format { Jpeg, Png };

struct ImageInfo {
  Format format = Format::Jpeg;
  int width = 0, height = 0;  // pixels as stored in the file
  int components = 0;         // JPEG: 1 grey, 3 YCbCr/RGB, 4 CMYK/YCCK; PNG: with alpha
  Orientation orientation = Orientation::Normal;

  // The size as the photo is shown (EXIF orientation applied).
  int shown_width() const { return swaps_axes(orientation) ? height : width; }
  int shown_height() const { return swaps_axes(orientation) ? width : height; }
};

enum class Check {
  Header,  // size and orientation only: for a file already checked whole
  Whole,   // decode every row (JPEG at 1/8 scale) so that damage is found
};

// nullopt with `why` set ("is a truncated JPEG", "is neither a JPEG nor a
// PNG", "has 400000000 pixels, more than the limit of 100000000"), phrased
// to follow the photo's name.
std::optional<ImageInfo> probe_image(std::string_view bytes, Check check, std::string& why);

// The same for a file, read through source::InputFile (regular files
// only); `why` also says "not found", "is a directory, not an image file" or
// "cannot be read: REASON".
std::optional<ImageInfo> probe_image_file(const std::string& path, Check check, std::string& why);

}  // namespace image
