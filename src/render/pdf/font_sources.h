#pragma once
// The copies of CFF fonts that hb-subset reads, kept across the documents
// of one run (a batch): each document used to read 1-2 MB of a Noto CJK
// face's CFF table besides its glyphs, and its other tables, from the file
// into fresh memory — 8.5 MB a county sheet, 40 % of a batch's CPU time in
// the kernel. Kept here, a face's tables are read once, and each glyph's
// charstring once, by the first document that draws it. Only the bytes
// read take memory (font_file.h's SparseFont).
//
// Kept too, for CID-keyed faces: each glyph's charstring as hb-subset
// writes it (subroutines inlined, hints dropped), and a stub copy of the
// face whose charstrings are all a bare `endchar`. hb-subset then reads
// and rewrites each glyph's outline once per run, not once per document
// (it was a quarter of a batch's CPU time): a document's subset is made
// from the stub, which gives the same glyph ids, FDs, charset and Private
// DICTs, and the kept charstrings are put in (font_subset.cpp).
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace render::pdf {

class FontFile;

class FontSources {
 public:
  FontSources();
  ~FontSources();
  FontSources(const FontSources&) = delete;
  FontSources& operator=(const FontSources&) = delete;

  // The shared copy of the CFF face `index` of `path` (opened as `file`),
  // with the tables in `whole` (FontFile::sparse_cff_font; the same list on
  // every call), holding at least the charstrings of `glyphs`: its bytes
  // and size. They
  // stay where they are, and those of every glyph asked for unchanged, for
  // the FontSources' lifetime. Safe to call from several threads.
  std::pair<const char*, std::size_t> cff_face(const FontFile& file, const std::string& path, int index,
                                               const std::vector<std::uint32_t>& whole,
                                               const std::set<std::uint32_t>& glyphs);

  // The stub copy of that face (same tables, every charstring `endchar`),
  // made on first use; nullopt once refuse_stub was called for the face.
  // Its bytes stay where they are for the FontSources' lifetime.
  std::optional<std::pair<const char*, std::size_t>> cff_stub(const FontFile& file, const std::string& path,
                                                              int index, const std::vector<std::uint32_t>& whole);
  // The face's subsets are not to be made from the stub (hb-subset kept a
  // glyph that was not asked for, or wrote a table laid out otherwise).
  void refuse_stub(const std::string& path, int index);

  // The kept charstrings of those of `glyphs` that have one (they stay
  // where they are for the FontSources' lifetime), by glyph id.
  std::map<std::uint32_t, const std::string*> flat_charstrings(const std::string& path, int index,
                                                               const std::set<std::uint32_t>& glyphs);
  // Keeps `found` (a glyph already kept keeps its bytes: the same).
  void keep_flat_charstrings(const std::string& path, int index, std::map<std::uint32_t, std::string> found);

 private:
  struct Face;
  Face& face(const std::string& path, int index);
  std::mutex mu_;  // guards faces_, not what they hold
  std::map<std::pair<std::string, int>, std::unique_ptr<Face>> faces_;
};

}  // namespace render::pdf
