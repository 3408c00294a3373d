#pragma once
// PNG files for the preview's page pictures, made on every edit: the rows
// unfiltered and deflated by libdeflate at a fast level. On the seed page
// at 96 dpi (794 × 1123, mostly paper and antialiased text) libpng with its
// default adaptive filters took ~100 ms a page, libpng unfiltered at zlib
// level 1 ~30 ms, this ~12 ms, for about as many bytes (420 KB); filters
// made these pictures larger, not smaller.
#include <cstddef>
#include <string>

namespace render {

// `pixels`: `height` rows `stride` bytes apart, each `width` pixels of
// 8-bit blue, green, red (poppler's BGR24). Returns the PNG file's bytes
// (8-bit RGB). Throws std::runtime_error when out of memory.
std::string encode_png_bgr(const unsigned char* pixels, int width, int height, std::size_t stride);

}  // namespace render
