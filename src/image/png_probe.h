#pragma once
// The PNG half of probe_image (image_probe.h). Internal to src/image/.
#include <optional>
#include <string>
#include <string_view>

#include "image/image_probe.h"

namespace image {

std::optional<ImageInfo> probe_png(std::string_view bytes, Check check, std::string& why);

}  // namespace image
