#include "render/pdf/font_sources.h"

#include <algorithm>
#include <cstring>
#include <iterator>

#include "core/byte_order.h"
#include "render/pdf/font_file.h"

namespace render::pdf {
namespace {

constexpr char kEndchar = 14;

// `skeleton` (FontFile::sparse_cff_skeleton, no charstrings read) made
// into the stub: glyph g's charstring is the one byte at offset g + 1, an
// `endchar`, and the last glyph's runs on to where the real data ends, so
// that every INDEX and table stays where it was. Only the offsets and the
// first `count` bytes of the data are written.
// False when the charstrings are too short to make room (never in a sound
// font: each has at least its `endchar`).
bool make_stub(SparseFont& skeleton, const FontFile::CffCharstrings& cs) {
  if (cs.count == 0 || core::read_be(cs.offsets, cs.count * cs.off_size, cs.off_size) < cs.count + 1u) return false;
  char* cff = skeleton.data() + cs.at;
  char* offsets = cff + cs.data + 1 - static_cast<std::uint64_t>(cs.count + 1) * cs.off_size;
  auto put = [&](std::uint32_t i, std::uint64_t offset) {
    for (unsigned k = 0; k < cs.off_size; ++k) {
      offsets[i * cs.off_size + k] = static_cast<char>((offset >> (8 * (cs.off_size - 1 - k))) & 0xFF);
    }
  };
  for (std::uint32_t g = 0; g < cs.count; ++g) put(g, g + 1u);  // the last offset stays
  std::memset(cff + cs.data + 1, kEndchar, cs.count);
  return true;
}

}  // namespace

struct FontSources::Face {
  std::mutex mu;  // one document at a time adds charstrings; guards all below
  std::unique_ptr<SparseFont> font;
  FontFile::CffCharstrings charstrings;
  std::set<std::uint32_t> loaded;
  std::unique_ptr<SparseFont> stub;
  bool stub_refused = false;
  std::map<std::uint32_t, std::string> flat;
};

FontSources::FontSources() = default;
FontSources::~FontSources() = default;

FontSources::Face& FontSources::face(const std::string& path, int index) {
  std::lock_guard lock(mu_);
  auto& slot = faces_[{path, index}];
  if (!slot) slot = std::make_unique<Face>();
  return *slot;
}

std::pair<const char*, std::size_t> FontSources::cff_face(const FontFile& file, const std::string& path, int index,
                                                          const std::vector<std::uint32_t>& whole,
                                                          const std::set<std::uint32_t>& glyphs) {
  Face& f = face(path, index);
  std::lock_guard lock(f.mu);
  if (!f.font) f.font = file.sparse_cff_skeleton(whole, f.charstrings);
  std::set<std::uint32_t> missing;
  std::set_difference(glyphs.begin(), glyphs.end(), f.loaded.begin(), f.loaded.end(),
                      std::inserter(missing, missing.end()));
  if (!missing.empty()) {
    file.add_cff_charstrings(*f.font, f.charstrings, missing);
    f.loaded.insert(missing.begin(), missing.end());
  }
  return {f.font->data(), f.font->size()};
}

std::optional<std::pair<const char*, std::size_t>> FontSources::cff_stub(const FontFile& file,
                                                                         const std::string& path, int index,
                                                                         const std::vector<std::uint32_t>& whole) {
  Face& f = face(path, index);
  std::lock_guard lock(f.mu);
  if (f.stub_refused) return std::nullopt;
  if (!f.stub) {
    FontFile::CffCharstrings cs;
    auto stub = file.sparse_cff_skeleton(whole, cs);
    if (!make_stub(*stub, cs)) {
      f.stub_refused = true;
      return std::nullopt;
    }
    f.stub = std::move(stub);
  }
  return std::pair<const char*, std::size_t>{f.stub->data(), f.stub->size()};
}

void FontSources::refuse_stub(const std::string& path, int index) {
  Face& f = face(path, index);
  std::lock_guard lock(f.mu);
  f.stub_refused = true;
}

std::map<std::uint32_t, const std::string*> FontSources::flat_charstrings(const std::string& path, int index,
                                                                          const std::set<std::uint32_t>& glyphs) {
  Face& f = face(path, index);
  std::lock_guard lock(f.mu);
  std::map<std::uint32_t, const std::string*> out;
  for (std::uint32_t g : glyphs) {
    if (const auto it = f.flat.find(g); it != f.flat.end()) out.emplace_hint(out.end(), g, &it->second);
  }
  return out;
}

void FontSources::keep_flat_charstrings(const std::string& path, int index,
                                        std::map<std::uint32_t, std::string> found) {
  Face& f = face(path, index);
  std::lock_guard lock(f.mu);
  f.flat.merge(found);
}

}  // namespace render::pdf
