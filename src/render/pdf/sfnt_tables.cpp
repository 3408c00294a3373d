#include "render/pdf/sfnt_tables.h"

#include <algorithm>
#include <stdexcept>

namespace render::pdf {
namespace {

void put16(std::string& out, unsigned v) {
  out.push_back(static_cast<char>((v >> 8) & 0xFF));
  out.push_back(static_cast<char>(v & 0xFF));
}

void put32(std::string& out, std::uint32_t v) {
  put16(out, v >> 16);
  put16(out, v & 0xFFFF);
}

unsigned get16(std::string_view s, std::size_t at) {
  if (at + 2 > s.size()) return 0;
  return (static_cast<unsigned char>(s[at]) << 8) | static_cast<unsigned char>(s[at + 1]);
}

struct Segment {
  std::size_t first = 0, last = 0;  // indices into the mapping
  bool uses_array = false;
};

std::uint16_t start_code(const std::vector<CodeGlyph>& m, const Segment& s) { return m[s.first].code; }
std::uint16_t end_code(const std::vector<CodeGlyph>& m, const Segment& s) { return m[s.last].code; }

// Consecutive codes whose glyphs follow them one for one need no glyph
// array: an idDelta says it all.
bool is_delta_run(const std::vector<CodeGlyph>& m, std::size_t first, std::size_t last) {
  for (std::size_t i = first + 1; i <= last; ++i) {
    if (m[i].code != m[i - 1].code + 1 || m[i].gid != m[i - 1].gid + 1) return false;
  }
  return true;
}

// Splits the sorted codes into segments at the widest gaps until the holes
// inside array segments fit the budget: the fewest segments for a bounded
// table. A segment whose codes and glyphs both run consecutively needs no
// array at all.
std::vector<Segment> group(const std::vector<CodeGlyph>& m, std::size_t max_entries) {
  std::vector<Segment> segs;
  if (m.empty()) return segs;
  std::vector<std::size_t> cuts;  // split before these indices
  for (std::size_t i = 1; i < m.size(); ++i) cuts.push_back(i);
  // Widest gap first; ties by position so the result is deterministic.
  std::stable_sort(cuts.begin(), cuts.end(), [&](std::size_t a, std::size_t b) {
    return m[a].code - m[a - 1].code > m[b].code - m[b - 1].code;
  });
  std::vector<bool> cut_before(m.size(), false);
  std::size_t entries = m.back().code - m.front().code + 1u;
  for (std::size_t c : cuts) {
    if (entries <= max_entries) break;
    cut_before[c] = true;
    entries -= m[c].code - m[c - 1].code - 1u;
  }
  for (std::size_t i = 0; i < m.size(); ++i) {
    if (i == 0 || cut_before[i]) {
      segs.push_back({i, i, false});
    } else {
      segs.back().last = i;
    }
  }
  for (auto& s : segs) s.uses_array = !is_delta_run(m, s.first, s.last);
  return segs;
}

std::size_t array_entries(const std::vector<CodeGlyph>& m, const std::vector<Segment>& segs) {
  std::size_t n = 0;
  for (const auto& s : segs) {
    if (s.uses_array) n += end_code(m, s) - start_code(m, s) + 1u;
  }
  return n;
}

// Holes in array segments map to glyph 0 and deflate to almost nothing;
// the format's 16-bit length caps the table near 32k entries.
constexpr std::size_t kMaxArrayEntries = 30000;

// Glyph offsets from `loca`, short or long as `head` says.
std::vector<std::uint32_t> glyph_offsets(std::string_view head, std::string_view loca, std::size_t glyphs) {
  const bool long_format = get16(head, 50) == 1;
  std::vector<std::uint32_t> at(glyphs + 1, 0);
  for (std::size_t i = 0; i <= glyphs; ++i) {
    at[i] = long_format ? (static_cast<std::uint32_t>(get16(loca, 4 * i)) << 16) | get16(loca, 4 * i + 2)
                        : 2u * get16(loca, 2 * i);
  }
  return at;
}

}  // namespace

std::string build_cmap_table(const std::vector<CodeGlyph>& mapping) {
  for (std::size_t i = 0; i < mapping.size(); ++i) {
    if (mapping[i].code == 0xFFFF) throw std::invalid_argument("cmap: code U+FFFF is reserved");
    if (i > 0 && mapping[i].code <= mapping[i - 1].code) throw std::invalid_argument("cmap: codes not sorted");
  }
  const std::vector<Segment> segs = group(mapping, kMaxArrayEntries);
  const std::size_t entries = array_entries(mapping, segs);
  const std::size_t seg_count = segs.size() + 1;  // + the 0xFFFF end segment
  const std::size_t length = 16 + 8 * seg_count + 2 * entries;
  if (length > 0xFFFF) throw std::length_error("cmap: too many glyphs for one format-4 table");

  unsigned pow2 = 1, log2 = 0;
  while (pow2 * 2 <= seg_count) pow2 *= 2, ++log2;

  std::string sub;
  sub.reserve(length);
  put16(sub, 4);
  put16(sub, static_cast<unsigned>(length));
  put16(sub, 0);  // language
  put16(sub, static_cast<unsigned>(seg_count * 2));
  put16(sub, pow2 * 2);
  put16(sub, log2);
  put16(sub, static_cast<unsigned>(seg_count * 2 - pow2 * 2));
  for (const auto& s : segs) put16(sub, end_code(mapping, s));
  put16(sub, 0xFFFF);
  put16(sub, 0);  // reservedPad
  for (const auto& s : segs) put16(sub, start_code(mapping, s));
  put16(sub, 0xFFFF);
  for (const auto& s : segs) {
    put16(sub, s.uses_array ? 0 : (mapping[s.first].gid - mapping[s.first].code) & 0xFFFF);
  }
  put16(sub, 1);  // 0xFFFF + 1 wraps to glyph 0
  std::size_t array_at = 0;
  for (std::size_t i = 0; i < segs.size(); ++i) {
    if (!segs[i].uses_array) {
      put16(sub, 0);
      continue;
    }
    // idRangeOffset counts bytes from this very field to the segment's first array entry.
    put16(sub, static_cast<unsigned>(2 * (seg_count - i) + 2 * array_at));
    array_at += end_code(mapping, segs[i]) - start_code(mapping, segs[i]) + 1u;
  }
  put16(sub, 0);
  for (const auto& s : segs) {
    if (!s.uses_array) continue;
    std::size_t k = s.first;
    for (unsigned code = start_code(mapping, s); code <= end_code(mapping, s); ++code) {
      if (mapping[k].code == code) {
        put16(sub, mapping[k].gid);
        ++k;
      } else {
        put16(sub, 0);
      }
    }
  }

  std::string table;
  put16(table, 0);  // version
  put16(table, 1);  // one encoding record
  put16(table, 3);  // Windows
  put16(table, 1);  // Unicode BMP
  put32(table, 12);
  return table + sub;
}

std::uint16_t cmap_lookup(std::string_view t, std::uint16_t code) {
  const unsigned n = get16(t, 2);
  for (unsigned r = 0; r < n; ++r) {
    const std::size_t rec = 4 + 8 * r;
    if (get16(t, rec) != 3 || get16(t, rec + 2) != 1) continue;
    const std::size_t off = (get16(t, rec + 4) << 16) | get16(t, rec + 6);
    if (get16(t, off) != 4) return 0;
    const unsigned segs = get16(t, off + 6) / 2;
    const std::size_t ends = off + 14, starts = ends + 2 * segs + 2, deltas = starts + 2 * segs,
                      ranges = deltas + 2 * segs;
    for (unsigned i = 0; i < segs; ++i) {
      if (code > get16(t, ends + 2 * i)) continue;
      const unsigned start = get16(t, starts + 2 * i);
      if (code < start) return 0;
      const unsigned delta = get16(t, deltas + 2 * i), range = get16(t, ranges + 2 * i);
      if (range == 0) return static_cast<std::uint16_t>(code + delta);
      const unsigned g = get16(t, ranges + 2 * i + range + 2 * (code - start));
      return g == 0 ? 0 : static_cast<std::uint16_t>(g + delta);
    }
    return 0;
  }
  return 0;
}

std::string build_name_table(std::string_view ps_name) {
  struct Record {
    unsigned id;
    std::string_view text;
  };
  const Record records[] = {{1, ps_name}, {2, "Regular"}, {4, ps_name}, {6, ps_name}};
  std::string strings;
  std::string table;
  put16(table, 0);  // format
  put16(table, 4);  // count
  put16(table, 6 + 12 * 4);
  for (const auto& r : records) {
    put16(table, 3);
    put16(table, 1);
    put16(table, 0x409);
    put16(table, r.id);
    put16(table, static_cast<unsigned>(r.text.size() * 2));
    put16(table, static_cast<unsigned>(strings.size()));
    for (char c : r.text) put16(strings, static_cast<unsigned char>(c));
  }
  return table + strings;
}

SkeletonOutlines skeleton_outlines(const std::string& head, const std::string& loca, const std::string& glyf,
                                   std::size_t glyph_count) {
  constexpr std::size_t kHeader = 10;  // numberOfContours, xMin, yMin, xMax, yMax
  const auto at = glyph_offsets(head, loca, glyph_count);
  SkeletonOutlines out;
  out.head = head;
  if (out.head.size() >= 52) out.head[50] = 0, out.head[51] = 1;  // indexToLocFormat: long
  for (std::size_t g = 0; g < glyph_count; ++g) {
    put32(out.loca, static_cast<std::uint32_t>(out.glyf.size()));
    if (at[g + 1] >= at[g] + kHeader && at[g] + kHeader <= glyf.size()) out.glyf.append(glyf, at[g], kHeader);
  }
  put32(out.loca, static_cast<std::uint32_t>(out.glyf.size()));
  return out;
}

}  // namespace render::pdf
