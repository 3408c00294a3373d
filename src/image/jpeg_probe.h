#pragma once
// The JPEG and PNG halves of probe_image (image_probe.h), and the pixel limit
// they share. Internal to src/image/.
#include <optional>
#include <string>
#include <string_view>

#include "image/image_probe.h"

namespace image {

std::optional<ImageInfo> probe_jpeg(std::string_view bytes, Check check, std::string& why);

// "" when width × height is within kMaxPixels, else the message.
std::string pixel_limit_problem(std::uint64_t width, std::uint64_t height);

}  // namespace image
