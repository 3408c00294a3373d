#include "render/pdf/press_photo.h"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <vector>

#include "render/pdf/image_source.h"
#include "render/pdf/jpeg_codec.h"

namespace render::pdf {
namespace {

// High enough that the photo's own grain hides the coding, low enough to
// stay a third of the size of quality 100.
constexpr int kJpegQuality = 90;

// Transparent parts show the paper: blend each pixel onto white.
color::Pixels flatten_onto_paper(const DecodedPng& png) {
  color::Pixels p;
  p.width = png.width;
  p.height = png.height;
  p.channels = png.channels;
  p.samples.assign(png.color.begin(), png.color.end());
  if (png.alpha.empty()) return p;
  const std::size_t n = static_cast<std::size_t>(p.width) * p.height;
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned a = static_cast<unsigned char>(png.alpha[i]);
    for (int c = 0; c < p.channels; ++c) {
      unsigned char& s = p.samples[i * p.channels + c];
      s = static_cast<unsigned char>((s * a + 255 * (255 - a) + 127) / 255);
    }
  }
  return p;
}

// JPEG coding moves each sample a little, and in the darkest parts that
// can carry the total ink a few percent over the limit. Photos start a
// little under it; then what was written is decoded, every 8x8 block (the
// unit of JPEG's error) that came out over is lowered by its excess, and
// the photo written again. One that does not settle goes in losslessly.
constexpr int kLimitPasses = 8;
constexpr double kJpegInkSlack = 0.01;   // 1 % over is within a press's own variation
constexpr double kJpegHeadroom = 0.02;   // start 2 % under the limit

struct BlockExcess {
  double excess = 0;   // the most a decoded pixel went over the limit
  double darkest = 0;  // the most ink a source pixel of the block has
};

// The blocks of `back` (decoded) over `limit`; empty when none is.
std::vector<BlockExcess> blocks_over(const color::Pixels& pixels, const color::Pixels& back, double limit) {
  const int blocks_x = (pixels.width + 7) / 8;
  std::vector<BlockExcess> blocks(static_cast<std::size_t>(blocks_x) * ((pixels.height + 7) / 8));
  bool any = false;
  for (int y = 0; y < pixels.height; ++y) {
    for (int x = 0; x < pixels.width; ++x) {
      const std::size_t i = (static_cast<std::size_t>(y) * pixels.width + x) * 4;
      BlockExcess& b = blocks[static_cast<std::size_t>(y / 8) * blocks_x + x / 8];
      b.darkest = std::max(b.darkest, color::total_ink(&pixels.samples[i]));
      const double excess = color::total_ink(&back.samples[i]) - limit;
      if (excess <= kJpegInkSlack) continue;
      b.excess = std::max(b.excess, excess);
      any = true;
    }
  }
  if (!any) blocks.clear();
  return blocks;
}

// Lowers the darkest pixels of each block over the limit by its excess, and
// each pixel that came out over by its own (its error need not come from
// its own darkness).
void lower_blocks(color::Pixels& pixels, const color::Pixels& back, const std::vector<BlockExcess>& blocks,
                  double limit) {
  const int blocks_x = (pixels.width + 7) / 8;
  for (int y = 0; y < pixels.height; ++y) {
    for (int x = 0; x < pixels.width; ++x) {
      const BlockExcess& b = blocks[static_cast<std::size_t>(y / 8) * blocks_x + x / 8];
      if (b.excess <= 0) continue;
      const std::size_t i = (static_cast<std::size_t>(y) * pixels.width + x) * 4;
      unsigned char* p = &pixels.samples[i];
      double cap = b.darkest - b.excess - kJpegInkSlack;
      const double own = color::total_ink(&back.samples[i]) - limit;
      if (own > kJpegInkSlack) cap = std::min(cap, color::total_ink(p) - own - kJpegInkSlack);
      color::hold_pixel_to(p, std::max(1.0, cap));
    }
  }
}

std::optional<std::string> jpeg_within_limit(color::Pixels pixels, double limit) {
  for (std::size_t i = 0; i < pixels.samples.size(); i += 4) color::hold_pixel_to(&pixels.samples[i], limit - kJpegHeadroom);
  for (int pass = 0; pass < kLimitPasses; ++pass) {
    std::string jpeg = encode_jpeg(pixels, kJpegQuality);
    const color::Pixels back = decode_jpeg(jpeg).pixels;
    const auto blocks = blocks_over(pixels, back, limit);
    if (blocks.empty()) return jpeg;
    lower_blocks(pixels, back, blocks, limit);
  }
  return std::nullopt;
}

PressPhoto finish(color::Pixels pixels, const core::Size& printed, const core::PressOutput& press,
                  const color::PhotoInks& inks, bool as_jpeg, std::string_view icc) {
  PressPhoto out;
  out.source_width = pixels.width;
  out.source_height = pixels.height;
  const auto size = color::size_for_print(pixels.width, pixels.height, printed.width, printed.height, press.max_dpi);
  color::Pixels ready = inks.to_press(color::shrink(pixels, size), std::string(icc));
  out.width = ready.width;
  out.height = ready.height;
  out.channels = ready.channels;
  std::optional<std::string> jpeg;
  if (as_jpeg) jpeg = ready.channels == 4 ? jpeg_within_limit(ready, inks.limit()) : encode_jpeg(ready, kJpegQuality);
  out.jpeg = jpeg.has_value();
  out.data = jpeg ? std::move(*jpeg) : std::string(ready.samples.begin(), ready.samples.end());
  return out;
}

}  // namespace

PressPhoto press_photo(std::string_view bytes, const image::ImageInfo& info, const core::Size& printed,
                       const core::PressOutput& press, const color::PhotoInks& inks) {
  switch (info.format) {
    case image::Format::Jpeg: {
      const auto size = color::size_for_print(info.width, info.height, printed.width, printed.height, press.max_dpi);
      if (info.components == 1 && size.width == info.width && size.height == info.height) {
        // Gray and small enough: passed through, as on screen.
        return PressPhoto{true, std::string(bytes), info.width, info.height, 1, info.width, info.height};
      }
      DecodedJpeg jpeg = decode_jpeg(bytes);
      return finish(std::move(jpeg.pixels), printed, press, inks, true, jpeg.icc);
    }
    case image::Format::Png:
      // Lossless stays lossless: drawings and logos keep their edges.
      return finish(flatten_onto_paper(decode_png(bytes)), printed, press, inks, false, {});
  }
  throw std::runtime_error("is neither JPEG nor PNG");
}

}  // namespace render::pdf
