#pragma once
// EXIF orientation: how a camera says its stored pixels must be turned to
// be upright (a phone held upright stores the picture sideways and says
// "rotate 90°").
#include <array>
#include <string_view>

namespace image {

// The EXIF values 1–8.
enum class Orientation {
  Normal = 1,
  MirrorHorizontal = 2,
  Rotate180 = 3,
  MirrorVertical = 4,
  Transpose = 5,
  Rotate90 = 6,  // clockwise, to be upright
  Transverse = 7,
  Rotate270 = 8,
};

// Turned a quarter: the shown width is the stored height.
constexpr bool swaps_axes(Orientation o) { return static_cast<int>(o) >= 5; }

// The affine map [a b c d e f] (PDF `cm` order: x' = a·u + c·v + e,
// y' = b·u + d·v + f) that takes the unit square of the stored image (u to
// the right, v up, as PDF image space is) to the unit square of the upright
// picture.
std::array<double, 6> upright_transform(Orientation o);

// The orientation an EXIF/TIFF block gives (the bytes after "Exif\0\0" in a
// JPEG's APP1, or a PNG's eXIf chunk); Normal when it has none or is
// malformed.
Orientation exif_orientation(std::string_view tiff);

}  // namespace image
