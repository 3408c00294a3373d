#include "text/font_book.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdlib>
#include <new>
#include <stdexcept>

#include "text/font_resolution.h"

namespace text {
namespace {

constexpr int kRoles = core::kFontRoleCount;
constexpr std::size_t kBmp = 0x10000;
constexpr int kNoFace = -1;
// Cache cells hold a face index + 2, so that 0, what fresh zeroed memory
// holds, means "not looked up yet" and 1 means "no face has it".
constexpr std::int16_t kUnknown = 0;
constexpr std::int16_t cell_of(int face) { return static_cast<std::int16_t>(face + 2); }
constexpr int face_of(std::int16_t cell) { return cell - 2; }
int role_index(core::FontRole r) { return static_cast<int>(r); }

// Zeroed memory for the face-per-character caches: calloc takes large
// blocks straight from fresh pages, so only the parts of the BMP a
// document uses ever cost memory (three 128 KB tables otherwise).
struct FreeCells {
  void operator()(std::int16_t* p) const { std::free(p); }
};
using Cells = std::unique_ptr<std::int16_t[], FreeCells>;

}  // namespace

struct FontBook::Impl {
  FaceSet faces;
  std::array<std::vector<int>, kRoles> chains;
  std::array<std::size_t, kRoles> own{};  // how many of a chain's faces are the role's own
  std::vector<int> system;
  std::vector<std::string> unresolved;
  // Per role, the face for each BMP character (as cell_of), filled on first
  // use. Racing threads compute the same answer from immutable data, so
  // relaxed atomic accesses suffice. Characters above U+FFFF are rare
  // enough to look up every time.
  std::array<Cells, kRoles> cache;
  LineBreakerPool line_breakers;

  int search(core::FontRole role, char32_t c) const {
    for (int f : chains[role_index(role)]) {
      if (faces.has(f, c)) return f;
    }
    for (int f : system) {
      // The coverage test avoids opening and touching every candidate's file.
      if (faces.covers(f, c) && faces.has(f, c)) return f;
    }
    return kNoFace;
  }
};

FontBook::FontBook(const FontManifest& manifest, const std::string& fonts_dir)
    : FontBook(manifest, fonts_dir, default_font_cache_dir()) {}

FontBook::FontBook(const FontManifest& manifest, const std::string& fonts_dir, const std::string& cache_dir)
    : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  std::vector<FamilyRequest> requests;
  for (const bool bold : {false, true}) {
    for (const auto* families : {&manifest.song, &manifest.hei, &manifest.kai}) {
      for (const auto& family : *families) requests.push_back({family, bold});
    }
  }
  for (const auto& family : manifest.fallback) requests.push_back({family, false});
  FontResolution resolution = resolve_fonts(requests, fonts_dir, cache_dir);
  from_cache_ = resolution.from_cache;

  auto resolve = [&](const std::vector<std::string>& families, std::vector<int>& chain, bool bold, bool eager) {
    for (const auto& family : families) {
      auto where = resolution.face({family, bold});
      const int f = where ? m.faces.add(*where, {}, eager) : -1;
      if (f < 0) {
        bool known = false;
        for (const auto& u : m.unresolved) known = known || u == family;
        if (!known) m.unresolved.push_back(family);
        continue;
      }
      bool dup = false;
      for (int g : chain) dup = dup || g == f;
      if (!dup) chain.push_back(f);
    }
  };
  // Regular faces are opened now (every page sets body text); bold ones,
  // like the fallbacks, on first use.
  for (const core::FontWeight weight : {core::FontWeight::Regular, core::FontWeight::Bold}) {
    const bool bold = weight == core::FontWeight::Bold;
    resolve(manifest.song, m.chains[role_index(core::with_weight(core::FontRole::Song, weight))], bold, !bold);
    resolve(manifest.hei, m.chains[role_index(core::with_weight(core::FontRole::Hei, weight))], bold, !bold);
    resolve(manifest.kai, m.chains[role_index(core::with_weight(core::FontRole::Kai, weight))], bold, !bold);
  }
  for (int r = 0; r < kRoles; ++r) m.own[r] = m.chains[r].size();
  std::vector<int> shared;
  resolve(manifest.fallback, shared, false, false);
  for (auto& chain : m.chains) {
    for (int f : shared) {
      bool dup = false;
      for (int g : chain) dup = dup || g == f;
      if (!dup) chain.push_back(f);
    }
  }

  for (auto& candidate : resolution.fallbacks) {
    const std::size_t before = m.faces.size();
    const int f = m.faces.add(candidate.where, std::move(candidate.coverage), false);
    // A candidate that is also a listed family was already tried in the chains.
    if (f >= 0 && static_cast<std::size_t>(f) >= before) m.system.push_back(f);
  }
  if (m.faces.empty()) {
    throw std::runtime_error("no usable font: none of the manifest's families is installed and "
                             "fontconfig lists no TrueType font");
  }

  for (auto& cells : m.cache) {
    cells.reset(static_cast<std::int16_t*>(std::calloc(kBmp, sizeof(std::int16_t))));
    if (!cells) throw std::bad_alloc();
  }
}

FontBook::~FontBook() = default;

int FontBook::face_for(core::FontRole role, char32_t c) const {
  if (c >= kBmp) return impl_->search(role, c);
  std::atomic_ref<std::int16_t> cell(impl_->cache[role_index(role)][c]);
  std::int16_t v = cell.load(std::memory_order_relaxed);
  if (v == kUnknown) {
    v = cell_of(impl_->search(role, c));
    cell.store(v, std::memory_order_relaxed);
  }
  return face_of(v);
}

int FontBook::primary_face(core::FontRole role) const {
  const auto& chain = impl_->chains[role_index(role)];
  if (!chain.empty()) return chain.front();
  return impl_->system.empty() ? 0 : impl_->system.front();
}

std::uint32_t FontBook::glyph(int face, char32_t c) const { return impl_->faces.glyph(face, c); }

double FontBook::advance(int face, std::uint32_t gid, double size) const {
  return impl_->faces.advance(face, gid, size);
}

FontBook::Extents FontBook::extents(int face, std::uint32_t gid) const { return impl_->faces.extents(face, gid); }

const std::vector<core::FontFace>& FontBook::faces() const { return impl_->faces.faces(); }

const std::vector<int>& FontBook::role_chain(core::FontRole role) const {
  return impl_->chains[role_index(role)];
}

std::vector<int> FontBook::own_faces(core::FontRole role) const {
  const auto& chain = impl_->chains[role_index(role)];
  return {chain.begin(), chain.begin() + static_cast<std::ptrdiff_t>(impl_->own[role_index(role)])};
}

const std::vector<int>& FontBook::system_fallbacks() const { return impl_->system; }

const std::vector<std::string>& FontBook::unresolved_families() const { return impl_->unresolved; }

const LineBreakerPool& FontBook::line_breakers() const { return impl_->line_breakers; }

}  // namespace text
