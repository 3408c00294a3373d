#include "layout/image_size.h"

#include <array>
#include <cstdint>
#include <fstream>

namespace layout {
namespace {

std::optional<PixelSize> png_size(std::ifstream& in) {
  // Signature (8) + IHDR length (4) + "IHDR" (4), then width and height, big-endian.
  std::array<unsigned char, 24> h{};
  in.seekg(0);
  if (!in.read(reinterpret_cast<char*>(h.data()), h.size())) return std::nullopt;
  auto be32 = [&](int i) { return (h[i] << 24) | (h[i + 1] << 16) | (h[i + 2] << 8) | h[i + 3]; };
  return PixelSize{be32(16), be32(20)};
}

std::optional<PixelSize> jpeg_size(std::ifstream& in) {
  in.seekg(2);
  for (;;) {
    int c = in.get();
    if (c == EOF) return std::nullopt;
    if (c != 0xFF) continue;
    int marker = in.get();
    while (marker == 0xFF) marker = in.get();
    if (marker == EOF) return std::nullopt;
    if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue;
    unsigned char len[2];
    if (!in.read(reinterpret_cast<char*>(len), 2)) return std::nullopt;
    const int length = (len[0] << 8) | len[1];
    // Start-of-frame markers carry the size; C4, C8 and CC are other tables.
    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
      unsigned char sof[5];
      if (!in.read(reinterpret_cast<char*>(sof), 5)) return std::nullopt;
      return PixelSize{(sof[3] << 8) | sof[4], (sof[1] << 8) | sof[2]};
    }
    if (length < 2) return std::nullopt;
    in.seekg(length - 2, std::ios::cur);
  }
}

}  // namespace

std::optional<PixelSize> read_image_size(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  unsigned char magic[2] = {0, 0};
  in.read(reinterpret_cast<char*>(magic), 2);
  std::optional<PixelSize> s;
  if (magic[0] == 0xFF && magic[1] == 0xD8) s = jpeg_size(in);
  else if (magic[0] == 0x89 && magic[1] == 'P') s = png_size(in);
  if (s && (s->width <= 0 || s->height <= 0)) return std::nullopt;
  return s;
}

}  // namespace layout
