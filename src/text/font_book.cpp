#include "text/font_book.h"

#include <hb-ot.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdlib>
#include <mutex>
#include <new>
#include <stdexcept>

#include "text/font_resolution.h"
#include "text/hb_handles.h"

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
// Face indices must fit a cache cell.
constexpr std::size_t kMaxFaces = 30000;

int role_index(core::FontRole r) { return static_cast<int>(r); }

// One opened font file face. Everything HarfBuzz needs is created up front
// and made immutable, so lookups from several threads need no lock.
struct OpenFace {
  HbBlob blob;
  HbFace face;
  HbFont font;
  double upem = 1000;
};

std::unique_ptr<OpenFace> open_face(const FaceLocation& where) {
  HbBlob blob(hb_blob_create_from_file_or_fail(where.path.c_str()));
  if (!blob) return nullptr;
  if (static_cast<unsigned>(where.index) >= std::max(1u, hb_face_count(blob.get()))) return nullptr;
  HbFace face(hb_face_create(blob.get(), static_cast<unsigned>(where.index)));
  const unsigned upem = hb_face_get_upem(face.get());
  if (upem == 0 || hb_face_get_glyph_count(face.get()) == 0) return nullptr;
  hb_face_make_immutable(face.get());
  HbFont font(hb_font_create(face.get()));
  hb_font_set_scale(font.get(), static_cast<int>(upem), static_cast<int>(upem));
  hb_font_make_immutable(font.get());
  auto f = std::make_unique<OpenFace>();
  f->blob = std::move(blob);
  f->face = std::move(face);
  f->font = std::move(font);
  f->upem = upem;
  return f;
}

// A face of the book. The role's own faces are opened when the book is made;
// the fallbacks (the manifest's shared ones and fontconfig's candidates, a
// dozen files of up to 20 MB of which a page rarely needs any) only the
// first time a character or a metric asks for them.
struct BookFace {
  FaceLocation where;
  Coverage coverage;  // fontconfig's coverage, for the system fallbacks only
  std::unique_ptr<OpenFace> open;  // set once, by `once` or before the book is shared
  std::once_flag once;
  std::atomic<bool> ready{false};  // `open` is final; spares call_once's cost on every glyph
};

// Zeroed memory for the face-per-character caches: calloc takes large
// blocks straight from fresh pages, so only the parts of the BMP a
// document uses ever cost memory (three 128 KB tables otherwise).
struct FreeCells {
  void operator()(std::int16_t* p) const { std::free(p); }
};
using Cells = std::unique_ptr<std::int16_t[], FreeCells>;

}  // namespace

struct FontBook::Impl {
  std::vector<core::FontFace> faces;
  std::vector<std::unique_ptr<BookFace>> book;  // parallel to `faces`
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

  // `eager` opens the face now; otherwise it is only checked now (opened,
  // measured and closed again, so faces() and the book's indices are
  // fixed from the start) and opened again on first use.
  int add(const FaceLocation& where, Coverage coverage, bool eager) {
    for (std::size_t i = 0; i < faces.size(); ++i) {
      if (faces[i].path == where.path && faces[i].index == where.index) {
        if (eager) opened(static_cast<int>(i));
        return static_cast<int>(i);
      }
    }
    if (faces.size() >= kMaxFaces) return -1;
    auto f = open_face(where);
    if (!f) return -1;
    faces.push_back({where.path, where.index, where.family, static_cast<int>(f->upem), where.style});
    auto b = std::make_unique<BookFace>();
    b->where = where;
    b->coverage = std::move(coverage);
    if (eager) {
      b->open = std::move(f);
      b->ready.store(true, std::memory_order_release);
    }
    book.push_back(std::move(b));
    return static_cast<int>(faces.size()) - 1;
  }

  // The face, opened on first use; null when it cannot be opened (any more).
  const OpenFace* opened(int face) const {
    BookFace& b = *book[static_cast<std::size_t>(face)];
    if (!b.ready.load(std::memory_order_acquire)) {
      std::call_once(b.once, [&] { b.open = open_face(b.where); });
      b.ready.store(true, std::memory_order_release);
    }
    return b.open.get();
  }

  const OpenFace* opened_or_null(int face) const {
    return face < 0 || static_cast<std::size_t>(face) >= book.size() ? nullptr : opened(face);
  }

  bool has(int face, char32_t c) const {
    const OpenFace* f = opened(face);
    hb_codepoint_t g = 0;
    return f && hb_font_get_nominal_glyph(f->font.get(), c, &g) && g != 0;
  }

  int search(core::FontRole role, char32_t c) const {
    for (int f : chains[role_index(role)]) {
      if (has(f, c)) return f;
    }
    for (int f : system) {
      // The coverage test avoids opening and touching every candidate's file.
      if (book[static_cast<std::size_t>(f)]->coverage.has(c) && has(f, c)) return f;
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
      const int f = where ? m.add(*where, {}, eager) : -1;
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
    const int f = m.add(candidate.where, std::move(candidate.coverage), false);
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

std::uint32_t FontBook::glyph(int face, char32_t c) const {
  const OpenFace* f = impl_->opened_or_null(face);
  if (!f) return 0;
  hb_codepoint_t g = 0;
  return hb_font_get_nominal_glyph(f->font.get(), c, &g) ? g : 0;
}

double FontBook::advance(int face, std::uint32_t gid, double size) const {
  const OpenFace* f = impl_->opened_or_null(face);
  if (!f) return 0;
  return hb_font_get_glyph_h_advance(f->font.get(), gid) / f->upem * size;
}

FontBook::Extents FontBook::extents(int face, std::uint32_t gid) const {
  const OpenFace* of = impl_->opened_or_null(face);
  if (!of) return {0, 0, 0, 0};
  const auto& f = *of;
  hb_glyph_extents_t e{};
  if (!hb_font_get_glyph_extents(f.font.get(), gid, &e)) return {0, 0, 0, 0};
  // HarfBuzz gives the top-left corner and a negative height (y up).
  return {e.x_bearing / f.upem, (e.x_bearing + e.width) / f.upem,
          (e.y_bearing + e.height) / f.upem, e.y_bearing / f.upem};
}

const std::vector<core::FontFace>& FontBook::faces() const { return impl_->faces; }

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
