#pragma once
// One face of a font file, read piece by piece with pread(2): its table
// directory, whole tables by tag, and only the glyph outlines asked for.
// Nothing is mapped, so only the bytes read count against the process's
// memory. The CJK fonts are 10-20 MB of outlines of which a page draws a
// few hundred glyphs; mapping the file and letting hb-subset walk it made
// ~9 MB of AR PL UMing resident (the kernel maps up to 64 KB around every
// page a reader touches), most of the seed page's peak memory.
// Pure file reading and TrueType structure; no HarfBuzz or libharu here.
#include <cstdint>
#include <map>
#include <set>
#include <string>

namespace render::pdf {

// A table tag as a number, "glyf" -> 0x676C7966 (same as HB_TAG).
constexpr std::uint32_t table_tag(const char (&s)[5]) {
  return (static_cast<std::uint32_t>(static_cast<unsigned char>(s[0])) << 24) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(s[1])) << 16) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(s[2])) << 8) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[3]));
}

// `glyf`, `loca` and `head` of a font in which every glyph not asked for
// is empty: glyph ids stay as they are, so hb-subset run on such a font
// keeps the same glyphs, in the same order, with the same bytes.
struct SparseOutlines {
  std::string head;  // the font's own, with indexToLocFormat 1 (long `loca`)
  std::string loca;  // long offsets, one per glyph of `maxp` and one more
  std::string glyf;  // the glyphs' bytes exactly as in the file, unpadded
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

  // Outlines holding the glyphs in `glyphs` (ids past the font's glyph
  // count are ignored) and every glyph their composites are built from,
  // which are added to `glyphs`. Throws std::runtime_error for a `head` or
  // `loca` format HarfBuzz would not read.
  SparseOutlines sparse_outlines(std::set<std::uint32_t>& glyphs) const;

 private:
  struct Entry {
    std::uint32_t offset = 0, length = 0;
  };
  // Reads exactly `n` bytes at `offset` (short only at the end of the file).
  std::string read(std::uint64_t offset, std::size_t n) const;

  int fd_ = -1;
  std::uint64_t size_ = 0;
  std::map<std::uint32_t, Entry> tables_;
};

}  // namespace render::pdf
