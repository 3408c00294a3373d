#include "image/orientation.h"

#include <cstdint>

#include "core/byte_order.h"

namespace image {

std::array<double, 6> upright_transform(Orientation o) {
  switch (o) {
    case Orientation::Normal: return {1, 0, 0, 1, 0, 0};
    case Orientation::MirrorHorizontal: return {-1, 0, 0, 1, 1, 0};
    case Orientation::Rotate180: return {-1, 0, 0, -1, 1, 1};
    case Orientation::MirrorVertical: return {1, 0, 0, -1, 0, 1};
    case Orientation::Transpose: return {0, -1, -1, 0, 1, 1};
    case Orientation::Rotate90: return {0, -1, 1, 0, 0, 1};
    case Orientation::Transverse: return {0, 1, 1, 0, 0, 0};
    case Orientation::Rotate270: return {0, 1, -1, 0, 1, 0};
  }
  return {1, 0, 0, 1, 0, 0};
}

Orientation exif_orientation(std::string_view tiff) {
  if (tiff.size() < 8) return Orientation::Normal;
  const bool little = tiff.substr(0, 2) == "II";
  if (!little && tiff.substr(0, 2) != "MM") return Orientation::Normal;
  const auto u16 = [&](std::size_t i) { return little ? core::read_le16(tiff, i) : core::read_be16(tiff, i); };
  const auto u32 = [&](std::size_t i) { return little ? core::read_le32(tiff, i) : core::read_be32(tiff, i); };
  if (u16(2) != 42) return Orientation::Normal;
  const std::size_t ifd = u32(4);
  if (ifd > tiff.size() || tiff.size() - ifd < 2) return Orientation::Normal;
  const std::size_t entries = u16(ifd);
  for (std::size_t i = 0; i < entries; ++i) {
    const std::size_t at = ifd + 2 + 12 * i;
    if (at > tiff.size() || tiff.size() - at < 12) break;
    constexpr std::uint32_t kOrientationTag = 0x0112, kShort = 3;
    if (u16(at) != kOrientationTag) continue;
    if (u16(at + 2) != kShort || u32(at + 4) < 1) return Orientation::Normal;
    const std::uint32_t v = u16(at + 8);
    return v >= 1 && v <= 8 ? static_cast<Orientation>(v) : Orientation::Normal;
  }
  return Orientation::Normal;
}

}  // namespace image
