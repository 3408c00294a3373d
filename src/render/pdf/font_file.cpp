#include "render/pdf/font_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <new>
#include <stdexcept>

#include "core/byte_order.h"
#include "render/pdf/cff_table.h"

namespace render::pdf {
namespace {

std::size_t padded(std::size_t n) { return (n + 3) & ~std::size_t{3}; }

// Glyphs whose bytes lie closer than kReadGap in the file are read with
// one pread of at most kMaxRead bytes: fewer system calls for a little more
// copying (on the seed page 625 reads of 1.7 MB in all, against 760 reads
// of 1.4 MB with a 1 KB gap and 420 of 3.2 MB with 16 KB).
constexpr std::uint64_t kReadGap = 4096;
constexpr std::uint64_t kMaxRead = 65536;

// The glyph ids a composite glyph is built from, as HarfBuzz's composite
// iterator reads them (a simple or empty glyph has none).
void add_components(const std::string& glyph, std::vector<std::uint32_t>& out) {
  constexpr unsigned kWords = 0x0001, kScale = 0x0008, kMore = 0x0020, kXyScale = 0x0040,
                     kTwoByTwo = 0x0080, kGid24 = 0x2000;
  if (glyph.size() < 10 || (core::read_be16(glyph, 0) & 0x8000) == 0) return;  // numberOfContours >= 0
  std::size_t at = 10;
  for (unsigned flags = kMore; (flags & kMore) && at + 4 <= glyph.size();) {
    flags = core::read_be16(glyph, at);
    std::size_t size = 4;
    if (flags & kGid24) {
      if (at + 5 > glyph.size()) return;
      out.push_back(core::read_be(glyph, at + 2, 3));
      size += 1;
    } else {
      out.push_back(core::read_be16(glyph, at + 2));
    }
    size += (flags & kWords) ? 4 : 2;
    if (flags & kScale) {
      size += 2;
    } else if (flags & kXyScale) {
      size += 4;
    } else if (flags & kTwoByTwo) {
      size += 8;
    }
    at += size;
  }
}


// A CFF INDEX's layout: `count` objects whose offsets (`off_size` bytes
// each, 1-based) follow the 3-byte header; the data ends at `end`.
struct CffIndex {
  std::uint64_t at = 0, offsets = 0, data = 0, end = 0;  // data: where offset 1 points
  unsigned count = 0, off_size = 0;
};

// `n` offsets of `size` bytes at `out`, each `value` (big-endian), one
// size at a time: the copy of a CJK face rewrites 65,535 of them.
template <unsigned Size>
void fill_offsets(unsigned char* out, std::uint32_t n, std::uint64_t value) {
  unsigned char bytes[Size];
  for (unsigned i = 0; i < Size; ++i) bytes[i] = static_cast<unsigned char>(value >> (8 * (Size - 1 - i)));
  for (std::uint32_t k = 0; k < n; ++k, out += Size) std::memcpy(out, bytes, Size);
}

void fill_offsets(unsigned char* out, unsigned size, std::uint32_t n, std::uint64_t value) {
  switch (size) {
    case 1: return fill_offsets<1>(out, n, value);
    case 2: return fill_offsets<2>(out, n, value);
    case 3: return fill_offsets<3>(out, n, value);
    default: return fill_offsets<4>(out, n, value);
  }
}

}  // namespace

FontFile::FontFile(const std::string& path, int index) {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) throw std::runtime_error("cannot read font file");
  struct stat st {};
  if (::fstat(fd_, &st) != 0) {
    ::close(fd_);
    throw std::runtime_error("cannot read font file");
  }
  size_ = static_cast<std::uint64_t>(st.st_size);

  // Same rules as hb_face_count / hb_face_create: a collection lists its
  // faces; any other file is one face, read only when its tag is known.
  const std::string header = read(0, 12);
  const std::uint32_t tag = core::read_be32(header, 0);
  std::uint64_t face_at = 0;
  bool known = false;
  if (tag == table_tag("ttcf")) {
    const std::uint32_t faces = core::read_be32(header, 8);
    if (index < 0 || static_cast<std::uint32_t>(index) >= std::max<std::uint32_t>(faces, 1)) {
      ::close(fd_);
      throw std::runtime_error("font file has no face number " + std::to_string(index));
    }
    face_at = core::read_be32(read(12 + 4u * static_cast<std::uint64_t>(index), 4), 0);
    known = faces > 0;
  } else {
    if (index != 0) {
      ::close(fd_);
      throw std::runtime_error("font file has no face number " + std::to_string(index));
    }
    known = tag == 0x00010000u || tag == table_tag("OTTO") || tag == table_tag("true") || tag == table_tag("typ1");
  }
  if (!known) return;

  const unsigned count = core::read_be16(read(face_at + 4, 2), 0);
  const std::string records = read(face_at + 12, 16u * count);
  for (std::size_t at = 0; at + 16 <= records.size(); at += 16) {
    Entry e{core::read_be32(records, at + 8), core::read_be32(records, at + 12)};
    // HarfBuzz cuts a table at the end of the file.
    if (e.offset > size_) e.length = 0;
    e.length = static_cast<std::uint32_t>(std::min<std::uint64_t>(e.length, size_ - std::min<std::uint64_t>(e.offset, size_)));
    tables_.emplace(core::read_be32(records, at), e);  // the first of two same tags wins, as in HarfBuzz
  }
}

FontFile::~FontFile() {
  if (fd_ >= 0) ::close(fd_);
}

std::size_t FontFile::read_into(std::uint64_t offset, char* out, std::size_t n) const {
  std::size_t got = 0;
  while (got < n) {
    const ssize_t r = ::pread(fd_, out + got, n - got, static_cast<off_t>(offset + got));
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) throw std::runtime_error("cannot read font file");
    if (r == 0) break;
    got += static_cast<std::size_t>(r);
  }
  return got;
}

std::string FontFile::read(std::uint64_t offset, std::size_t n) const {
  std::string out(n, '\0');
  out.resize(read_into(offset, out.data(), n));
  return out;
}

std::uint32_t FontFile::length(std::uint32_t tag) const {
  const auto it = tables_.find(tag);
  return it == tables_.end() ? 0 : it->second.length;
}

std::string FontFile::table(std::uint32_t tag, std::size_t max) const {
  const auto it = tables_.find(tag);
  if (it == tables_.end()) return {};
  return read(it->second.offset, std::min<std::size_t>(it->second.length, max));
}

SparseFont::SparseFont(std::size_t size) : size_(size) {
  // Private anonymous memory reads as zeros and takes a page only when written.
  memory_ = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (memory_ == MAP_FAILED) throw std::bad_alloc();
}

SparseFont::~SparseFont() { ::munmap(memory_, size_); }

std::map<std::uint32_t, std::string> FontFile::load_glyphs(std::set<std::uint32_t>& glyphs, const std::string& head,
                                                           std::uint32_t glyph_total) const {
  const bool long_loca = core::read_be16(head, 50) == 1;
  const std::string loca = table(table_tag("loca"));
  const std::size_t entry = long_loca ? 4 : 2;
  const std::size_t covered = std::min<std::size_t>(std::max<std::size_t>(loca.size() / entry, 1) - 1, glyph_total);
  const auto glyf_it = tables_.find(table_tag("glyf"));
  const Entry glyf = glyf_it == tables_.end() ? Entry{} : glyf_it->second;
  // A glyph's bytes in `glyf`; an empty range when HarfBuzz would see none.
  auto range = [&](std::uint32_t g) -> std::pair<std::uint32_t, std::uint32_t> {
    if (g >= covered) return {0, 0};
    const std::uint32_t start = long_loca ? core::read_be32(loca, 4 * g) : 2 * core::read_be16(loca, 2 * g);
    const std::uint32_t end = long_loca ? core::read_be32(loca, 4 * g + 4) : 2 * core::read_be16(loca, 2 * g + 2);
    if (start > end || end > glyf.length) return {0, 0};
    return {start, end};
  };

  std::map<std::uint32_t, std::string> loaded;
  std::vector<std::uint32_t> pending(glyphs.begin(), glyphs.end());
  while (!pending.empty()) {
    // Read this round's glyphs in file order, neighbours together.
    std::vector<std::pair<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t>> wanted;  // (range, gid)
    for (std::uint32_t g : pending) {
      if (g >= glyph_total || loaded.count(g)) continue;
      const auto r = range(g);
      loaded[g];
      if (r.second > r.first) wanted.push_back({r, g});
    }
    std::sort(wanted.begin(), wanted.end());
    std::vector<std::uint32_t> components;
    for (std::size_t i = 0; i < wanted.size();) {
      std::size_t j = i + 1;
      std::uint32_t end = wanted[i].first.second;
      const std::uint32_t begin = wanted[i].first.first;
      while (j < wanted.size() && wanted[j].first.first <= end + kReadGap &&
             wanted[j].first.second <= begin + kMaxRead) {
        end = std::max(end, wanted[j++].first.second);
      }
      const std::string bytes = read(glyf.offset + static_cast<std::uint64_t>(begin), end - begin);
      for (; i < j; ++i) {
        const auto [r, g] = wanted[i];
        std::string& glyph = loaded[g];
        if (r.first - begin < bytes.size()) glyph = bytes.substr(r.first - begin, r.second - r.first);
        add_components(glyph, components);
      }
    }
    pending.clear();
    for (std::uint32_t c : components) {
      if (c < glyph_total && glyphs.insert(c).second) pending.push_back(c);
    }
  }
  return loaded;
}

std::unique_ptr<SparseFont> FontFile::sparse_layout(std::map<std::uint32_t, std::size_t> sizes, std::uint32_t last,
                                                    std::size_t last_length, const std::vector<std::uint32_t>& copied,
                                                    std::map<std::uint32_t, std::size_t>& at) const {
  // The directory first, `last` at the end.
  const std::size_t count = sizes.size() + 1;
  std::size_t end = padded(12 + 16 * count);
  for (const auto& [t, n] : sizes) at[t] = end, end += padded(n);
  at[last] = end;
  sizes[last] = last_length;
  auto font = std::make_unique<SparseFont>(end + std::max<std::size_t>(last_length, 1));
  char* out = font->data();

  unsigned pow2 = 1, log2 = 0;
  while (pow2 * 2 <= count) pow2 *= 2, ++log2;
  core::write_be32(out, 0x00010000u);
  core::write_be16(out + 4, static_cast<unsigned>(count));
  core::write_be16(out + 6, pow2 * 16);
  core::write_be16(out + 8, log2);
  core::write_be16(out + 10, static_cast<unsigned>(count * 16 - pow2 * 16));
  std::size_t record = 12;
  for (const auto& [t, n] : sizes) {  // sorted by tag, as the format asks
    core::write_be32(out + record, t);
    core::write_be32(out + record + 8, static_cast<std::uint32_t>(at[t]));
    core::write_be32(out + record + 12, static_cast<std::uint32_t>(n));
    record += 16;
  }
  for (std::uint32_t t : copied) read_into(tables_.at(t).offset, out + at[t], sizes[t]);
  return font;
}

std::unique_ptr<SparseFont> FontFile::sparse_font(std::set<std::uint32_t>& glyphs,
                                                  const std::vector<std::uint32_t>& whole) const {
  const std::uint32_t head_tag = table_tag("head"), loca_tag = table_tag("loca"), glyf_tag = table_tag("glyf"),
                      post_tag = table_tag("post");
  const std::string head = table(head_tag);
  // What HarfBuzz's glyf reader requires of `head` (version 1, the magic
  // number, a known offset and glyph data format).
  if (head.size() < 54 || core::read_be16(head, 0) != 1 || core::read_be32(head, 12) != 0x5F0F3CF5u) {
    throw std::runtime_error("has no valid head table");
  }
  if (core::read_be16(head, 50) > 1 || core::read_be16(head, 52) != 0) throw std::runtime_error("unknown glyf/loca format");
  const std::uint32_t glyph_total = core::read_be16(table(table_tag("maxp"), 6), 4);
  const std::map<std::uint32_t, std::string> loaded = load_glyphs(glyphs, head, glyph_total);
  std::size_t outlines = 0;
  for (const auto& [g, bytes] : loaded) outlines += bytes.size();

  // `glyf` is as long as the file's, its tail never written: hb-subset
  // sizes its output buffer from the source table's length, and a buffer
  // sized for the few glyphs present would be outgrown and the table
  // serialised again, 3-4 times over.
  std::map<std::uint32_t, std::size_t> sizes;  // as the directory gives them
  std::vector<std::uint32_t> copied;
  for (std::uint32_t t : whole) {
    if (has(t) && t != head_tag && t != loca_tag && t != glyf_tag && t != post_tag) {
      sizes[t] = length(t);
      copied.push_back(t);
    }
  }
  if (has(post_tag)) sizes[post_tag] = std::min<std::size_t>(length(post_tag), 32), copied.push_back(post_tag);
  sizes[head_tag] = head.size();
  sizes[loca_tag] = 4 * (static_cast<std::size_t>(glyph_total) + 1);
  const std::size_t glyf_length = std::max<std::size_t>(outlines, length(glyf_tag));
  std::map<std::uint32_t, std::size_t> at;
  auto font = sparse_layout(sizes, glyf_tag, glyf_length, copied, at);
  char* out = font->data();

  if (has(post_tag)) {
    const std::string post = table(post_tag, 34);
    if (post.size() == 34 && core::read_be16(post, 0) == 2 && core::read_be16(post, 2) == 0 && 34 + 2 * core::read_be16(post, 32) <= length(post_tag)) {
      out[at[post_tag] + 1] = 3;
    }
  }
  std::memcpy(out + at[head_tag], head.data(), head.size());
  out[at[head_tag] + 50] = 0, out[at[head_tag] + 51] = 1;  // indexToLocFormat: long
  char* loca = out + at[loca_tag];
  char* glyf = out + at[glyf_tag];
  std::size_t offset = 0;
  auto next = loaded.begin();
  for (std::uint32_t g = 0; g < glyph_total; ++g) {
    core::write_be32(loca + 4 * g, static_cast<std::uint32_t>(offset));
    if (next != loaded.end() && next->first == g) {
      std::memcpy(glyf + offset, next->second.data(), next->second.size());
      offset += next->second.size();
      ++next;
    }
  }
  core::write_be32(loca + 4 * static_cast<std::size_t>(glyph_total), static_cast<std::uint32_t>(offset));
  return font;
}

std::unique_ptr<SparseFont> FontFile::sparse_cff_font(const std::set<std::uint32_t>& glyphs,
                                                      const std::vector<std::uint32_t>& whole) const {
  CffCharstrings charstrings;
  auto font = cff_skeleton(whole, charstrings, false);
  pack_cff_charstrings(*font, charstrings, glyphs);
  return font;
}

std::unique_ptr<SparseFont> FontFile::sparse_cff_skeleton(const std::vector<std::uint32_t>& whole,
                                                          CffCharstrings& charstrings) const {
  return cff_skeleton(whole, charstrings, true);
}

struct FontFile::CffTop {
  std::uint64_t base = 0, length = 0;  // of the table in the file
  std::string top;                     // the Top DICT
  CffIndex charstrings;
};

FontFile::CffTop FontFile::read_cff_top() const {
  const auto it = tables_.find(table_tag("CFF "));
  if (it == tables_.end()) throw std::runtime_error("has no CFF table");
  CffTop out;
  out.base = it->second.offset;
  out.length = it->second.length;
  const std::uint64_t base = out.base, cff_length = out.length;
  auto read_index = [&](std::uint64_t at) {
    CffIndex x;
    x.at = at;
    const std::string head = read(base + at, 3);
    x.count = core::read_be16(head, 0);
    if (x.count == 0) {
      x.end = at + 2;
      return x;
    }
    x.off_size = static_cast<unsigned char>(head.size() > 2 ? head[2] : 0);
    if (x.off_size < 1 || x.off_size > 4) throw std::runtime_error("has a CFF INDEX with a bad offset size");
    x.offsets = at + 3;
    x.data = x.offsets + static_cast<std::uint64_t>(x.count + 1) * x.off_size - 1;
    x.end = x.data + core::read_be(read(base + x.offsets + static_cast<std::uint64_t>(x.count) * x.off_size, x.off_size), 0,
                           x.off_size);
    if (x.end > cff_length) throw std::runtime_error("has a CFF INDEX past the table's end");
    return x;
  };
  const std::string header = read(base, 4);
  if (header.size() < 4 || header[0] != 1) throw std::runtime_error("has a CFF table of an unknown version");
  const CffIndex names = read_index(static_cast<unsigned char>(header[2]));
  const CffIndex tops = read_index(names.end);
  if (tops.count == 0) throw std::runtime_error("has a CFF table without a Top DICT");
  const std::string offsets = read(base + tops.offsets, 2 * tops.off_size);
  const std::uint64_t top_begin = tops.data + core::read_be(offsets, 0, tops.off_size);
  const std::uint64_t top_end = tops.data + core::read_be(offsets, tops.off_size, tops.off_size);
  if (top_end < top_begin || top_end > cff_length) throw std::runtime_error("has a CFF Top DICT past the table's end");
  out.top = read(base + top_begin, top_end - top_begin);
  const auto charstrings_at = cff_dict_operand(out.top, 17);
  if (!charstrings_at || *charstrings_at <= 0 || static_cast<std::uint64_t>(*charstrings_at) >= cff_length) {
    throw std::runtime_error("has a CFF table without CharStrings");
  }
  out.charstrings = read_index(static_cast<std::uint64_t>(*charstrings_at));
  return out;
}

bool FontFile::cff_cid_keyed() const { return cff_dict_operand(read_cff_top().top, 1230).has_value(); }

std::vector<std::uint16_t> FontFile::cff_cids() const {
  const CffTop cff = read_cff_top();
  const unsigned glyphs = cff.charstrings.count;
  const auto charset_at = cff_dict_operand(cff.top, 15);
  if (!cff_dict_operand(cff.top, 1230) || !charset_at || *charset_at <= 2) {  // name-keyed: glyph ids
    std::vector<std::uint16_t> ids(glyphs);
    for (unsigned g = 0; g < glyphs; ++g) ids[g] = static_cast<std::uint16_t>(g);
    return ids;
  }
  const auto at = static_cast<std::uint64_t>(*charset_at);
  if (at >= cff.length) throw std::runtime_error("has a CFF charset past the table's end");
  // Format 0 takes 2 bytes a glyph, ranges (formats 1, 2) at most 4.
  const std::uint64_t most = 1 + 4 * static_cast<std::uint64_t>(glyphs);
  try {
    return cff_charset_cids(read(cff.base + at, static_cast<std::size_t>(std::min(most, cff.length - at))), glyphs);
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(std::string("has a CFF table that cannot be read: ") + e.what());
  }
}

std::unique_ptr<SparseFont> FontFile::cff_skeleton(const std::vector<std::uint32_t>& whole, CffCharstrings& out,
                                                   bool keep_offsets) const {
  const std::uint32_t cff_tag = table_tag("CFF ");
  const CffTop top = read_cff_top();
  const std::uint64_t base = top.base;
  const std::uint64_t cff_length = top.length;
  const CffIndex& charstrings = top.charstrings;

  std::map<std::uint32_t, std::size_t> sizes;
  std::vector<std::uint32_t> copied;
  for (std::uint32_t t : whole) {
    if (has(t) && t != cff_tag) sizes[t] = length(t), copied.push_back(t);
  }
  std::map<std::uint32_t, std::size_t> at;
  auto font = sparse_layout(sizes, cff_tag, cff_length, copied, at);
  char* cff = font->data() + at[cff_tag];
  // Everything but the charstrings' bytes.
  const std::uint64_t skip_begin = charstrings.data + 1, skip_end = charstrings.end;
  read_into(base, cff, skip_begin);
  read_into(base + skip_end, cff + skip_end, cff_length - skip_end);
  out = CffCharstrings{base, charstrings.data, cff_length, charstrings.count, charstrings.off_size, {}, at[cff_tag]};
  if (keep_offsets) {
    out.offsets.assign(cff + charstrings.offsets, static_cast<std::size_t>(charstrings.count + 1) * charstrings.off_size);
  }
  return font;
}

void FontFile::copy_charstrings(const CffCharstrings& cs, std::vector<Move> moves, char* cff) const {
  std::sort(moves.begin(), moves.end());
  // Neighbours in the file read together; only the glyphs asked for are
  // written (the bytes between them may belong to glyphs another thread is
  // reading).
  std::string bytes;
  for (std::size_t i = 0; i < moves.size();) {
    const std::uint64_t begin = moves[i].from.first;
    std::uint64_t end = moves[i].from.second;
    std::size_t j = i + 1;
    while (j < moves.size() && moves[j].from.first <= end + kReadGap && moves[j].from.second <= begin + kMaxRead) {
      end = std::max(end, moves[j++].from.second);
    }
    bytes.resize(end - begin);
    bytes.resize(read_into(cs.table + begin, bytes.data(), bytes.size()));
    for (; i < j; ++i) {
      const auto [first, last] = moves[i].from;
      if (last - begin <= bytes.size()) std::memcpy(cff + moves[i].to, bytes.data() + (first - begin), last - first);
    }
  }
}

void FontFile::add_cff_charstrings(SparseFont& font, const CffCharstrings& cs,
                                   const std::set<std::uint32_t>& glyphs) const {
  std::vector<Move> moves;
  for (std::uint32_t g : glyphs) {
    if (g >= cs.count) continue;
    const std::uint64_t begin = cs.data + core::read_be(cs.offsets, g * cs.off_size, cs.off_size);
    const std::uint64_t end = cs.data + core::read_be(cs.offsets, (g + 1) * cs.off_size, cs.off_size);
    if (begin < end && end <= cs.length) moves.push_back({{begin, end}, begin});
  }
  copy_charstrings(cs, std::move(moves), font.data() + cs.at);
}

void FontFile::pack_cff_charstrings(SparseFont& font, const CffCharstrings& cs,
                                    const std::set<std::uint32_t>& glyphs) const {
  char* cff = font.data() + cs.at;
  const unsigned size = cs.off_size;
  // The INDEX's offsets, as read into the copy: rewritten in place below.
  auto* offsets = reinterpret_cast<unsigned char*>(cff + cs.data + 1 - static_cast<std::uint64_t>(cs.count + 1) * size);
  auto offset = [&](std::uint32_t g) {
    std::uint64_t v = 0;
    for (unsigned i = 0; i < size; ++i) v = (v << 8) | offsets[static_cast<std::uint64_t>(g) * size + i];
    return v;
  };
  const std::uint64_t first = cs.count ? offset(0) : 0, last = cs.count ? offset(cs.count) : 0;
  const auto wanted_end = glyphs.lower_bound(cs.count);
  std::vector<Move> moves;  // in glyph order; `to` is the length until the offsets are laid out
  bool sound = first >= 1 && first <= last && cs.data + last <= cs.length &&
               static_cast<std::size_t>(std::distance(glyphs.begin(), wanted_end)) < cs.count;
  std::uint64_t kept = 0;
  for (auto it = glyphs.begin(); sound && it != wanted_end; ++it) {
    const std::uint64_t begin = offset(*it), end = offset(*it + 1);
    sound = first <= begin && begin <= end && end <= last;
    moves.push_back({{cs.data + begin, cs.data + end}, end - begin});
    kept += end - begin;
  }
  if (!sound || kept > last - first) {
    // Every glyph asked for, or offsets not worth trusting: in place.
    CffCharstrings in_place = cs;
    in_place.offsets.assign(reinterpret_cast<const char*>(offsets), static_cast<std::size_t>(cs.count + 1) * size);
    add_cff_charstrings(font, in_place, glyphs);
    return;
  }
  std::uint32_t spare = cs.count - 1;  // the last glyph not asked for
  while (glyphs.count(spare)) --spare;
  // New offsets: the glyphs asked for side by side, every other glyph
  // empty but `spare`, which takes up the rest, so that the INDEX still
  // ends where it did and all that follows it stays in place.
  std::uint32_t g = 0;  // the next offset to write
  std::uint64_t at = first;
  auto fill_to = [&](std::uint32_t end) {  // offsets g .. end - 1 become `at`
    fill_offsets(offsets + static_cast<std::uint64_t>(g) * size, size, end - g, at);
    g = end;
  };
  auto pass_spare_before = [&](std::uint32_t end) {
    if (g <= spare && spare < end) fill_to(spare + 1), at += (last - first) - kept;
  };
  auto move = moves.begin();
  for (auto it = glyphs.begin(); it != wanted_end; ++it, ++move) {
    pass_spare_before(*it);
    fill_to(*it + 1);
    const std::uint64_t length = move->to;
    move->to = cs.data + at;
    at += length;
  }
  pass_spare_before(cs.count);
  fill_to(cs.count + 1);
  moves.erase(std::remove_if(moves.begin(), moves.end(), [](const Move& m) { return m.from.first == m.from.second; }),
              moves.end());
  copy_charstrings(cs, std::move(moves), cff);
}

}  // namespace render::pdf
