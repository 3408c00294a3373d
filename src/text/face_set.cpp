#include "text/face_set.h"

#include <hb-ot.h>

#include <algorithm>
#include <atomic>
#include <mutex>

#include "text/hb_handles.h"

namespace text {
namespace {

// Face indices must fit the book's per-character cache cells.
constexpr std::size_t kMaxFaces = 30000;

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

}  // namespace

// A face of the set. The role's own faces are opened when the book is made;
// the fallbacks (the manifest's shared ones and fontconfig's candidates, a
// dozen files of up to 20 MB of which a page rarely needs any) only the
// first time a character or a metric asks for them.
struct FaceSet::Entry {
  FaceLocation where;
  Coverage coverage;  // fontconfig's coverage, for the system fallbacks only
  std::unique_ptr<OpenFace> open;  // set once, by `once` or before the set is shared
  std::once_flag once;
  std::atomic<bool> ready{false};  // `open` is final; spares call_once's cost on every glyph

  // The face, opened on first use; null when it cannot be opened (any more).
  const OpenFace* opened() {
    if (!ready.load(std::memory_order_acquire)) {
      std::call_once(once, [&] { open = open_face(where); });
      ready.store(true, std::memory_order_release);
    }
    return open.get();
  }
};

FaceSet::FaceSet() = default;
FaceSet::~FaceSet() = default;

int FaceSet::add(const FaceLocation& where, Coverage coverage, bool eager) {
  for (std::size_t i = 0; i < faces_.size(); ++i) {
    if (faces_[i].path == where.path && faces_[i].index == where.index) {
      if (eager) entries_[i]->opened();
      return static_cast<int>(i);
    }
  }
  if (faces_.size() >= kMaxFaces) return -1;
  auto f = open_face(where);
  if (!f) return -1;
  faces_.push_back({where.path, where.index, where.family, static_cast<int>(f->upem), where.style});
  auto e = std::make_unique<Entry>();
  e->where = where;
  e->coverage = std::move(coverage);
  if (eager) {
    e->open = std::move(f);
    e->ready.store(true, std::memory_order_release);
  }
  entries_.push_back(std::move(e));
  return static_cast<int>(faces_.size()) - 1;
}

namespace {

template <typename Entries>
const OpenFace* opened_or_null(const Entries& entries, int face) {
  return face < 0 || static_cast<std::size_t>(face) >= entries.size() ? nullptr
                                                                       : entries[static_cast<std::size_t>(face)]->opened();
}

}  // namespace

bool FaceSet::has(int face, char32_t c) const {
  const OpenFace* f = opened_or_null(entries_, face);
  hb_codepoint_t g = 0;
  return f && hb_font_get_nominal_glyph(f->font.get(), c, &g) && g != 0;
}

bool FaceSet::covers(int face, char32_t c) const { return entries_[static_cast<std::size_t>(face)]->coverage.has(c); }

std::uint32_t FaceSet::glyph(int face, char32_t c) const {
  const OpenFace* f = opened_or_null(entries_, face);
  if (!f) return 0;
  hb_codepoint_t g = 0;
  return hb_font_get_nominal_glyph(f->font.get(), c, &g) ? g : 0;
}

double FaceSet::advance(int face, std::uint32_t gid, double size) const {
  const OpenFace* f = opened_or_null(entries_, face);
  if (!f) return 0;
  return hb_font_get_glyph_h_advance(f->font.get(), gid) / f->upem * size;
}

GlyphExtents FaceSet::extents(int face, std::uint32_t gid) const {
  const OpenFace* f = opened_or_null(entries_, face);
  if (!f) return {0, 0, 0, 0};
  hb_glyph_extents_t e{};
  if (!hb_font_get_glyph_extents(f->font.get(), gid, &e)) return {0, 0, 0, 0};
  // HarfBuzz gives the top-left corner and a negative height (y up).
  return {e.x_bearing / f->upem, (e.x_bearing + e.width) / f->upem, (e.y_bearing + e.height) / f->upem,
          e.y_bearing / f->upem};
}

}  // namespace text
