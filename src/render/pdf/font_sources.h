#pragma once
// The copies of CFF fonts that hb-subset reads, kept across the documents
// of one run (a batch): each document used to read 1-2 MB of a Noto CJK
// face's CFF table besides its glyphs, and its other tables, from the file
// into fresh memory — 8.5 MB a county sheet, 40 % of a batch's CPU time in
// the kernel. Kept here, a face's tables are read once, and each glyph's
// charstring once, by the first document that draws it. Only the bytes
// read take memory (font_file.h's SparseFont).
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
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

 private:
  struct Face;
  std::mutex mu_;  // guards faces_, not what they hold
  std::map<std::pair<std::string, int>, std::unique_ptr<Face>> faces_;
};

}  // namespace render::pdf
