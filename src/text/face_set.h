#pragma once
// The font files a FontBook draws with, each opened once, and what HarfBuzz
// measures in them: glyph ids, advances, ink boxes. Which face serves which
// role and character is the book's business; this set only holds faces.
// Once built it is only read, so worker threads may share it.
#include <cstdint>
#include <memory>
#include <vector>

#include "core/font_face.h"
#include "text/font_locator.h"

namespace text {

// Ink box of a glyph in em units relative to its origin (y up), so the
// typesetter knows where a punctuation mark's ink sits in its em box.
struct GlyphExtents {
  double x_min, x_max, y_min, y_max;
};

class FaceSet {
 public:
  FaceSet();
  ~FaceSet();
  FaceSet(const FaceSet&) = delete;
  FaceSet& operator=(const FaceSet&) = delete;

  // The index of the face at `where`, added when new (a file and index are
  // added once); -1 when it cannot be opened or the set is full. `eager`
  // opens it now; otherwise it is only checked now (opened, measured and
  // closed again, so indices are fixed from the start) and opened again on
  // first use. `coverage` is fontconfig's, for fallbacks tried by it.
  int add(const FaceLocation& where, Coverage coverage, bool eager);

  // Whether `face` has a glyph for `c` (opening it if needed).
  bool has(int face, char32_t c) const;
  // Whether fontconfig said `face` covers `c`: a test that needs no file.
  bool covers(int face, char32_t c) const;

  std::uint32_t glyph(int face, char32_t c) const;                 // 0 if absent
  double advance(int face, std::uint32_t gid, double size) const;  // pt
  GlyphExtents extents(int face, std::uint32_t gid) const;

  const std::vector<core::FontFace>& faces() const { return faces_; }
  bool empty() const { return faces_.empty(); }
  std::size_t size() const { return faces_.size(); }

 private:
  struct Entry;
  std::vector<core::FontFace> faces_;
  std::vector<std::unique_ptr<Entry>> entries_;  // parallel to `faces_`
};

}  // namespace text
