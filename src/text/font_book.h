#pragma once
// Fonts by role, with per-character fallback (docs/layouts.md). Each role's
// ordered family list is resolved by font_resolution (fontconfig and the
// project's fonts/ folder); the faces found are held, opened and measured by
// a FaceSet; the book answers "which face draws this character for this
// role". Built once per process and then only read, so worker threads may share it.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/font_face.h"
#include "core/font_role.h"
#include "text/face_set.h"
#include "text/line_breakers.h"

namespace text {

// What fonts/manifest.yaml says: the families of each role (a bold role
// takes each family's face nearest to bold, the regular one when a family
// has no bold), then the
// fallbacks shared by all roles (tried in order, before fontconfig's own
// "any font that has it" search).
struct FontManifest {
  std::vector<std::string> song{"Noto Serif CJK SC"};
  std::vector<std::string> hei{"Noto Sans CJK SC"};
  std::vector<std::string> kai{"LXGW WenKai"};
  std::vector<std::string> fallback{"HanaMinA", "HanaMinB", "Droid Sans Fallback", "LXGW WenKai"};
};

// Reads fonts/manifest.yaml (roles: {song: [...], hei: [...], kai: [...]}, fallback: [...]).
FontManifest load_font_manifest(const std::string& path, core::Diagnostics& diags);

class FontBook {
 public:
  // `fonts_dir` is the project's fonts/ folder, searched before the system.
  // What fontconfig answers is kept in `cache_dir` (default: the user's
  // cache folder; empty: not kept) and reused while fonts and fontconfig's
  // configuration are unchanged.
  // (Throws std::runtime_error only when no usable font exists at all.)
  FontBook(const FontManifest& manifest, const std::string& fonts_dir);
  FontBook(const FontManifest& manifest, const std::string& fonts_dir, const std::string& cache_dir);
  ~FontBook();
  FontBook(const FontBook&) = delete;
  FontBook& operator=(const FontBook&) = delete;

  // Index into faces() of the face that draws `c` for `role`: the role's own
  // faces first, then the shared fallbacks, then any installed font that
  // fontconfig finds for it. -1 when no font has it.
  int face_for(core::FontRole role, char32_t c) const;
  // The role's first face (for metrics of spaces, placeholders).
  int primary_face(core::FontRole role) const;

  std::uint32_t glyph(int face, char32_t c) const;          // 0 if absent
  double advance(int face, std::uint32_t gid, double size) const;  // pt
  using Extents = GlyphExtents;
  Extents extents(int face, std::uint32_t gid) const;

  const std::vector<core::FontFace>& faces() const;

  // Faces tried for `role`, in order: its own families, then the shared
  // fallbacks (each face once). Fontconfig's candidates come after these.
  const std::vector<int>& role_chain(core::FontRole role) const;
  // The faces of `role`'s own manifest families (the front of its chain).
  std::vector<int> own_faces(core::FontRole role) const;
  // Installed fonts fontconfig falls back to, in its order of preference.
  // They are part of faces() too; only those a glyph refers to need embedding.
  const std::vector<int>& system_fallbacks() const;
  // Manifest families that no installed font or fonts/ file provides.
  const std::vector<std::string>& unresolved_families() const;
  // The fonts were found from the cache, without asking fontconfig.
  bool resolved_from_cache() const { return from_cache_; }

  // Line break iterators for the paragraphs set with this book's faces,
  // shared by every thread that shares the book.
  const LineBreakerPool& line_breakers() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  bool from_cache_ = false;
};

}  // namespace text
