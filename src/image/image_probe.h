#pragma once
// What a photo file is, checked before anything trusts it: JPEG or PNG,
// its pixel size, its EXIF orientation, and whether the whole file decodes
// (a file cut short, or a header claiming more pixels than kMaxPixels, is
// refused here rather than printed as a grey band or allowed to take
// gigabytes later). The loader asks it once per photo; what it found rides
// on model::Photo to the page make-up and on frame::Image to the PDF writer.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "image/image_info.h"

namespace image {

// 100 megapixels: a 10,000 × 10,000 photo; more is a mistake or an attack.
inline constexpr std::uint64_t kMaxPixels = 100'000'000;
// A photo file larger than this is not a photo a page needs.
inline constexpr std::size_t kMaxImageBytes = 256u << 20;

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

// The file's bytes, or nullopt with `why` as probe_image_file says it.
std::optional<std::string> read_image_file(const std::string& path, std::string& why);

}  // namespace image
