#include "render/png/png_encode.h"

#include <libdeflate.h>

#include <cstdint>
#include <memory>
#include <stdexcept>

namespace render {
namespace {

// libdeflate's level 2: level 1 is a little faster but makes pictures 15 %
// larger; from level 3 on it is slower for a per cent or two.
constexpr int kLevel = 2;

struct CompressorFree {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

void put_be32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}

// A chunk: length, type, data, then the CRC of type and data.
void put_chunk(std::string& out, const char type[4], const std::string& data) {
  put_be32(out, static_cast<std::uint32_t>(data.size()));
  const std::size_t from = out.size();
  out.append(type, 4);
  out += data;
  put_be32(out, libdeflate_crc32(0, out.data() + from, out.size() - from));
}

// Each row as PNG stores it: filter type 0 (none), then red, green, blue.
std::string unfiltered_rgb_rows(const unsigned char* pixels, int width, int height, std::size_t stride) {
  const std::size_t row_bytes = 1 + 3 * static_cast<std::size_t>(width);
  std::string raw(row_bytes * static_cast<std::size_t>(height), '\0');
  for (int y = 0; y < height; ++y) {
    const unsigned char* src = pixels + static_cast<std::size_t>(y) * stride;
    char* dst = raw.data() + static_cast<std::size_t>(y) * row_bytes + 1;
    for (int x = 0; x < width; ++x, src += 3, dst += 3) {
      dst[0] = static_cast<char>(src[2]);
      dst[1] = static_cast<char>(src[1]);
      dst[2] = static_cast<char>(src[0]);
    }
  }
  return raw;
}

}  // namespace

std::string encode_png_bgr(const unsigned char* pixels, int width, int height, std::size_t stride) {
  if (width <= 0 || height <= 0) throw std::runtime_error("PNG: empty picture");
  const std::string raw = unfiltered_rgb_rows(pixels, width, height, stride);
  std::unique_ptr<libdeflate_compressor, CompressorFree> compressor(libdeflate_alloc_compressor(kLevel));
  if (!compressor) throw std::runtime_error("PNG: out of memory");
  std::string idat(libdeflate_zlib_compress_bound(compressor.get(), raw.size()), '\0');
  idat.resize(libdeflate_zlib_compress(compressor.get(), raw.data(), raw.size(), idat.data(), idat.size()));

  std::string header;
  put_be32(header, static_cast<std::uint32_t>(width));
  put_be32(header, static_cast<std::uint32_t>(height));
  header += std::string("\x08\x02\x00\x00\x00", 5);  // 8 bits, RGB, deflate, no filter variants, not interlaced

  std::string png("\x89PNG\r\n\x1a\n", 8);
  png.reserve(png.size() + idat.size() + 64);
  put_chunk(png, "IHDR", header);
  put_chunk(png, "IDAT", idat);
  put_chunk(png, "IEND", {});
  return png;
}

}  // namespace render
