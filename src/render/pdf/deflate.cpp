#include "render/pdf/deflate.h"

#include <libdeflate.h>

#include <memory>
#include <stdexcept>

namespace render::pdf {
namespace {

struct CompressorFree {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

}  // namespace

std::string deflate_bytes(std::string_view data, int level) {
  // One compressor per call: calls come from several threads at once.
  const std::unique_ptr<libdeflate_compressor, CompressorFree> c(libdeflate_alloc_compressor(level));
  if (!c) throw std::runtime_error("libdeflate: cannot make a compressor (level " + std::to_string(level) + ")");
  std::string out(libdeflate_zlib_compress_bound(c.get(), data.size()), '\0');
  // Never 0: the bound always fits.
  out.resize(libdeflate_zlib_compress(c.get(), data.data(), data.size(), out.data(), out.size()));
  return out;
}

}  // namespace render::pdf
