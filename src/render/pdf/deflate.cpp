#include "render/pdf/deflate.h"

#include <libdeflate.h>

#include <array>
#include <stdexcept>

#include "core/handle.h"

namespace render::pdf {
namespace {

using Compressor = core::Handle<libdeflate_compressor, libdeflate_free_compressor>;

constexpr int kMaxLevel = 12;

// This thread's compressor for `level`, made on first use. A compressor is
// not safe to share between threads (batch renders on several).
libdeflate_compressor* compressor(int level) {
  thread_local std::array<Compressor, kMaxLevel + 1> made;
  if (level < 1 || level > kMaxLevel) throw std::runtime_error("libdeflate: no level " + std::to_string(level));
  Compressor& c = made[static_cast<std::size_t>(level)];
  if (!c) c.reset(libdeflate_alloc_compressor(level));
  if (!c) throw std::runtime_error("libdeflate: cannot make a compressor (level " + std::to_string(level) + ")");
  return c.get();
}

}  // namespace

std::string deflate_bytes(std::string_view data, int level) {
  libdeflate_compressor* c = compressor(level);
  std::string out(libdeflate_zlib_compress_bound(c, data.size()), '\0');
  // Never 0: the bound always fits.
  out.resize(libdeflate_zlib_compress(c, data.data(), data.size(), out.data(), out.size()));
  return out;
}

}  // namespace render::pdf
