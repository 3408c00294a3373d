#pragma once
// One face of a font file, read piece by piece with pread(2), and the
// cut-down copy of it that hb-subset works on. The file is never mapped, so
// only the bytes read count against the process's memory: the CJK fonts are
// 10-20 MB of outlines of which a page draws a few hundred glyphs, and
// letting hb-subset walk a mapping of the whole file made ~9 MB of AR PL
// UMing resident (the kernel maps up to 64 KB around every page a reader
// touches), most of the seed page's peak memory.
// Pure file reading and TrueType structure; no HarfBuzz or libharu here.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace render::pdf {

// A table tag as a number, "glyf" -> 0x676C7966 (same as HB_TAG).
constexpr std::uint32_t table_tag(const char (&s)[5]) {
  return (static_cast<std::uint32_t>(static_cast<unsigned char>(s[0])) << 24) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(s[1])) << 16) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(s[2])) << 8) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[3]));
}

// Zeroed anonymous memory holding a font file built by FontFile::sparse_font.
// Pages never written stay unallocated: they cost address space only.
class SparseFont {
 public:
  explicit SparseFont(std::size_t size);  // throws std::bad_alloc
  ~SparseFont();
  SparseFont(const SparseFont&) = delete;
  SparseFont& operator=(const SparseFont&) = delete;
  char* data() { return static_cast<char*>(memory_); }
  std::size_t size() const { return size_; }

 private:
  void* memory_ = nullptr;
  std::size_t size_ = 0;
};

class FontFile {
 public:
  // Opens `path` and reads face `index`'s table directory. Throws
  // std::runtime_error when the file cannot be read or has no such face
  // (a file that is not a collection has one face, number 0).
  FontFile(const std::string& path, int index);
  ~FontFile();
  FontFile(const FontFile&) = delete;
  FontFile& operator=(const FontFile&) = delete;

  bool has(std::uint32_t tag) const { return tables_.count(tag) != 0; }
  std::uint32_t length(std::uint32_t tag) const;  // 0 when absent
  // Bytes of table `tag` (cut where the file ends, as HarfBuzz does); at
  // most `max` of them; "" when the face has no such table.
  std::string table(std::uint32_t tag, std::size_t max = SIZE_MAX) const;

  // A one-face font file with the tables in `whole` as they are and
  // - `glyf` and `loca` holding only the glyphs in `glyphs` (ids past the
  //   font's glyph count are ignored) and every glyph their composites are
  //   built from, which are added to `glyphs`; every other glyph is empty,
  //   and glyph ids are unchanged, so hb-subset keeps the same glyphs with
  //   the same bytes as from the whole file;
  // - `head` with indexToLocFormat 1 (`loca` is rewritten with long offsets);
  // - `post` cut to its 32-byte header, all hb-subset copies when glyph
  //   names are not kept (a sound version 2 is marked version 3, as
  //   hb-subset writes it, so that the missing names do not fail its check).
  // Throws std::runtime_error for a `head` or `loca` HarfBuzz would not read.
  std::unique_ptr<SparseFont> sparse_font(std::set<std::uint32_t>& glyphs,
                                          const std::vector<std::uint32_t>& whole) const;

  // The same for a face with CFF outlines: the tables in `whole` as they
  // are, and `CFF ` at its own length and offsets with every part read
  // (INDEXes, charset, FDSelect, Private DICTs, subroutines, 1-2 MB in a
  // CJK font) except the charstrings, of which only those of `glyphs` are:
  // they are 90 % of the table (20 MB in Noto CJK). hb-subset reads nothing
  // else of it. Those charstrings are packed side by side at the front of
  // the CharStrings INDEX, every other glyph's empty but one that takes up
  // the rest (pack_cff_charstrings): where they lie in the file, each would
  // take a page of memory of its own. Throws std::runtime_error for a CFF
  // table it cannot walk.
  std::unique_ptr<SparseFont> sparse_cff_font(const std::set<std::uint32_t>& glyphs,
                                              const std::vector<std::uint32_t>& whole) const;

  // The same in two steps, so that documents can share one copy (see
  // font_sources.h): every part but the charstrings, and where they go…
  struct CffCharstrings {
    std::uint64_t table = 0;   // where `CFF ` starts in the file
    std::uint64_t data = 0;    // where the CharStrings INDEX's offset 1 points, in the table
    std::uint64_t length = 0;  // of the table
    unsigned count = 0, off_size = 0;
    std::string offsets;       // the INDEX's count + 1 offsets
    std::size_t at = 0;        // where `CFF ` starts in the sparse font
  };
  std::unique_ptr<SparseFont> sparse_cff_skeleton(const std::vector<std::uint32_t>& whole,
                                                  CffCharstrings& charstrings) const;
  // …then the charstrings of `glyphs`, written into `font` and nowhere else.
  void add_cff_charstrings(SparseFont& font, const CffCharstrings& charstrings,
                           const std::set<std::uint32_t>& glyphs) const;

  // Each glyph's CID in a CFF face (its glyph id when name-keyed), from the
  // Top DICT and the charset alone (a few KB; the outlines are not read).
  std::vector<std::uint16_t> cff_cids() const;
  // Whether a CFF face is CID-keyed (its Top DICT has an ROS).
  bool cff_cid_keyed() const;

 private:
  struct CffTop;  // where the `CFF ` table is, its Top DICT and CharStrings INDEX
  CffTop read_cff_top() const;
  struct Entry {
    std::uint32_t offset = 0, length = 0;
  };
  using Range = std::pair<std::uint64_t, std::uint64_t>;  // [begin, end) in a table
  struct Move {
    Range from;            // a charstring's bytes in the file's `CFF `
    std::uint64_t to = 0;  // where they go in the copy's
    bool operator<(const Move& o) const { return from < o.from; }
  };
  // sparse_cff_skeleton; `charstrings.offsets` only when `keep_offsets`
  // (pack_cff_charstrings reads them from the copy).
  std::unique_ptr<SparseFont> cff_skeleton(const std::vector<std::uint32_t>& whole, CffCharstrings& charstrings,
                                           bool keep_offsets) const;
  // Reads each move's bytes (neighbours in the file together) into `cff`.
  void copy_charstrings(const CffCharstrings& cs, std::vector<Move> moves, char* cff) const;
  // add_cff_charstrings' work for a copy of `font` alone: the charstrings of
  // `glyphs` side by side and the INDEX's offsets rewritten to match; in
  // place, as add_cff_charstrings does, when every glyph is asked for or
  // their offsets are not in order.
  void pack_cff_charstrings(SparseFont& font, const CffCharstrings& cs, const std::set<std::uint32_t>& glyphs) const;
  // Reads up to `n` bytes at `offset` into `out` (short only at the end of
  // the file); returns how many.
  std::size_t read_into(std::uint64_t offset, char* out, std::size_t n) const;
  std::string read(std::uint64_t offset, std::size_t n) const;
  // The bytes of `glyphs` and their components, by glyph id.
  std::map<std::uint32_t, std::string> load_glyphs(std::set<std::uint32_t>& glyphs, const std::string& head,
                                                   std::uint32_t glyph_total) const;

  // Lays out a one-face font of `sizes` (table lengths) with table `last`
  // at the end, `last_length` long; writes its directory and the tables in
  // `copied` from this file. Returns the font and each table's offset.
  std::unique_ptr<SparseFont> sparse_layout(std::map<std::uint32_t, std::size_t> sizes, std::uint32_t last,
                                            std::size_t last_length, const std::vector<std::uint32_t>& copied,
                                            std::map<std::uint32_t, std::size_t>& at) const;

  int fd_ = -1;
  std::uint64_t size_ = 0;
  std::map<std::uint32_t, Entry> tables_;
};

}  // namespace render::pdf
