#include "render/pdf/cff_table.h"

#include <stdexcept>

#include "core/byte_order.h"

namespace render::pdf {
namespace {

// A CFF number of `n` bytes; a table cut short is an error, not zeros.
std::uint32_t get_n(const std::string& s, std::size_t at, unsigned n) {
  if (at + n > s.size()) throw std::runtime_error("CFF table cut short");
  return core::read_be(s, at, n);
}

// An INDEX at `at`: its object count, where the objects' data starts (the
// byte offset 1 points at) and where the INDEX ends.
struct Index {
  unsigned count = 0, off_size = 0;
  std::size_t offsets = 0, data = 0, end = 0;
  std::pair<std::size_t, std::size_t> object(const std::string& s, unsigned i) const {
    return {data + get_n(s, offsets + i * off_size, off_size), data + get_n(s, offsets + (i + 1) * off_size, off_size)};
  }
};

Index read_index(const std::string& s, std::size_t at) {
  Index x;
  x.count = get_n(s, at, 2);
  if (x.count == 0) {
    x.end = at + 2;
    return x;
  }
  x.off_size = get_n(s, at + 2, 1);
  if (x.off_size < 1 || x.off_size > 4) throw std::runtime_error("CFF INDEX with a bad offset size");
  x.offsets = at + 3;
  x.data = x.offsets + (x.count + 1) * x.off_size - 1;
  x.end = x.data + get_n(s, x.offsets + x.count * x.off_size, x.off_size);
  if (x.end > s.size()) throw std::runtime_error("CFF INDEX past the table's end");
  return x;
}

}  // namespace

std::optional<long> cff_dict_operand(const std::string& dict, unsigned op) {
  long last = 0;
  bool have = false;
  for (std::size_t i = 0; i < dict.size();) {
    const unsigned b = static_cast<unsigned char>(dict[i]);
    if (b <= 21) {  // an operator
      unsigned code = b;
      if (b == 12) code = 1200 + (i + 1 < dict.size() ? static_cast<unsigned char>(dict[i + 1]) : 0u), ++i;
      ++i;
      if (code == op && have) return last;
      have = false;
      continue;
    }
    have = true;
    if (b == 28) {
      last = static_cast<std::int16_t>(get_n(dict, i + 1, 2)), i += 3;
    } else if (b == 29) {
      last = static_cast<std::int32_t>(get_n(dict, i + 1, 4)), i += 5;
    } else if (b == 30) {  // a real number: only skipped, no offset is one
      last = 0;
      for (++i; i < dict.size(); ++i) {
        const unsigned n = static_cast<unsigned char>(dict[i]);
        if ((n & 0x0F) == 0x0F || (n >> 4) == 0x0F) break;
      }
      ++i;
    } else if (b >= 32 && b <= 246) {
      last = static_cast<long>(b) - 139, ++i;
    } else if (b >= 247 && b <= 250) {
      last = (static_cast<long>(b) - 247) * 256 + get_n(dict, i + 1, 1) + 108, i += 2;
    } else if (b >= 251 && b <= 254) {
      last = -(static_cast<long>(b) - 251) * 256 - static_cast<long>(get_n(dict, i + 1, 1)) - 108, i += 2;
    } else {
      have = false, ++i;  // reserved byte
    }
  }
  return std::nullopt;
}

std::vector<std::uint16_t> cff_glyph_cids(const std::string& cff) {
  const Index names = read_index(cff, get_n(cff, 2, 1));
  const Index tops = read_index(cff, names.end);
  if (tops.count == 0) throw std::runtime_error("CFF table without a Top DICT");
  const auto [top_begin, top_end] = tops.object(cff, 0);
  const std::string top = cff.substr(top_begin, top_end - top_begin);
  const auto charstrings_at = cff_dict_operand(top, 17);
  if (!charstrings_at || *charstrings_at <= 0) throw std::runtime_error("CFF table without CharStrings");
  const unsigned glyphs = read_index(cff, static_cast<std::size_t>(*charstrings_at)).count;
  std::vector<std::uint16_t> cids(glyphs);
  for (unsigned g = 0; g < glyphs; ++g) cids[g] = static_cast<std::uint16_t>(g);
  const auto charset_at = cff_dict_operand(top, 15);
  if (!cff_dict_operand(top, 1230) || !charset_at || *charset_at <= 2) return cids;  // name-keyed

  // Charset formats 0 (a CID per glyph), 1 and 2 (ranges); glyph 0 is not listed.
  std::size_t at = static_cast<std::size_t>(*charset_at);
  const unsigned format = get_n(cff, at++, 1);
  if (format > 2) throw std::runtime_error("CFF charset of an unknown format");
  for (unsigned g = 1; g < glyphs;) {
    if (format == 0) {
      cids[g++] = static_cast<std::uint16_t>(get_n(cff, at, 2)), at += 2;
      continue;
    }
    const unsigned first = get_n(cff, at, 2);
    const unsigned left = get_n(cff, at + 2, format == 1 ? 1 : 2);
    at += format == 1 ? 3 : 4;
    for (unsigned k = 0; k <= left && g < glyphs; ++k) cids[g++] = static_cast<std::uint16_t>(first + k);
  }
  return cids;
}

}  // namespace render::pdf
