#include "render/pdf/cff_table.h"

#include <stdexcept>
#include <utility>

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

// A DICT's tokens one by one: each operator with its last operand (where it
// is and how many bytes encode it).
struct DictOperand {
  long value = 0;
  std::size_t at = 0, size = 0;
};

template <typename Fn>
void for_each_operator(const std::string& dict, Fn&& fn) {
  DictOperand last;
  bool have = false;
  for (std::size_t i = 0; i < dict.size();) {
    const unsigned b = static_cast<unsigned char>(dict[i]);
    if (b <= 21) {  // an operator
      unsigned code = b;
      if (b == 12) code = 1200 + (i + 1 < dict.size() ? static_cast<unsigned char>(dict[i + 1]) : 0u), ++i;
      ++i;
      if (have && fn(code, last)) return;
      have = false;
      continue;
    }
    DictOperand o{0, i, 1};
    if (b == 28) {
      o.value = static_cast<std::int16_t>(get_n(dict, i + 1, 2)), o.size = 3;
    } else if (b == 29) {
      o.value = static_cast<std::int32_t>(get_n(dict, i + 1, 4)), o.size = 5;
    } else if (b == 30) {  // a real number: only skipped, no offset is one
      std::size_t k = i + 1;
      for (; k < dict.size(); ++k) {
        const unsigned n = static_cast<unsigned char>(dict[k]);
        if ((n & 0x0F) == 0x0F || (n >> 4) == 0x0F) break;
      }
      o.size = k + 1 - i;
    } else if (b >= 32 && b <= 246) {
      o.value = static_cast<long>(b) - 139;
    } else if (b >= 247 && b <= 250) {
      o.value = (static_cast<long>(b) - 247) * 256 + get_n(dict, i + 1, 1) + 108, o.size = 2;
    } else if (b >= 251 && b <= 254) {
      o.value = -(static_cast<long>(b) - 251) * 256 - static_cast<long>(get_n(dict, i + 1, 1)) - 108, o.size = 2;
    } else {
      i += 1;  // reserved byte
      have = false;
      continue;
    }
    last = o;
    have = true;
    i += o.size;
  }
}

std::string object_bytes(const std::string& s, const Index& x, unsigned i) {
  const auto [begin, end] = x.object(s, i);
  if (end < begin || end > s.size()) throw std::runtime_error("CFF INDEX object past the table's end");
  return s.substr(begin, end - begin);
}

Index charstrings_index(const std::string& cff, std::string& top) {
  const Index names = read_index(cff, get_n(cff, 2, 1));
  const Index tops = read_index(cff, names.end);
  if (tops.count == 0) throw std::runtime_error("CFF table without a Top DICT");
  top = object_bytes(cff, tops, 0);
  const auto charstrings_at = cff_dict_operand(top, 17);
  if (!charstrings_at || *charstrings_at <= 0) throw std::runtime_error("CFF table without CharStrings");
  return read_index(cff, static_cast<std::size_t>(*charstrings_at));
}

}  // namespace

std::optional<long> cff_dict_operand(const std::string& dict, unsigned op) {
  std::optional<long> found;
  for_each_operator(dict, [&](unsigned code, const DictOperand& last) {
    if (code == op) found = last.value;
    return found.has_value();
  });
  return found;
}

std::vector<std::string> cff_charstrings(const std::string& cff) {
  std::string top;
  const Index charstrings = charstrings_index(cff, top);
  std::vector<std::string> out;
  out.reserve(charstrings.count);
  for (unsigned g = 0; g < charstrings.count; ++g) out.push_back(object_bytes(cff, charstrings, g));
  return out;
}

std::optional<std::string> cff_with_charstrings(const std::string& cff,
                                                const std::vector<const std::string*>& charstrings) {
  std::string top;
  const Index old = charstrings_index(cff, top);
  const auto charstrings_at = static_cast<std::size_t>(*cff_dict_operand(top, 17));
  const auto fd_array_at = cff_dict_operand(top, 1236);
  // CID-keyed (ROS), Private DICTs reached through the FDArray only, and
  // everything the Top DICT points at before the CharStrings.
  if (!cff_dict_operand(top, 1230) || !fd_array_at || cff_dict_operand(top, 18)) return std::nullopt;
  if (old.count != charstrings.size() || old.count == 0) return std::nullopt;
  for (unsigned op : {15u, 16u, 1237u}) {
    if (const auto at = cff_dict_operand(top, op); at && *at > 2 && static_cast<std::size_t>(*at) >= charstrings_at) {
      return std::nullopt;
    }
  }
  const Index fd_array = read_index(cff, static_cast<std::size_t>(*fd_array_at));
  if (fd_array.end > charstrings_at) return std::nullopt;

  // The INDEX as hb-subset writes one: the fewest offset bytes that hold
  // the largest offset.
  std::uint64_t total = 0;
  for (const std::string* cs : charstrings) total += cs->size();
  if (total + 1 > 0xFFFFFFFFu) return std::nullopt;
  unsigned off_size = 1;
  while (off_size < 4 && (total + 1) >> (8 * off_size)) ++off_size;
  std::string index;
  index.reserve(3 + (charstrings.size() + 1) * off_size + total);
  core::append_be16(index, static_cast<std::uint32_t>(charstrings.size()));
  index.push_back(static_cast<char>(off_size));
  std::uint32_t offset = 1;
  auto append_offset = [&] {
    for (unsigned k = off_size; k-- > 0;) index.push_back(static_cast<char>((offset >> (8 * k)) & 0xFF));
  };
  append_offset();
  for (const std::string* cs : charstrings) offset += static_cast<std::uint32_t>(cs->size()), append_offset();
  for (const std::string* cs : charstrings) index += *cs;

  std::string out = cff.substr(0, charstrings_at);
  out += index;
  out.append(cff, old.end, std::string::npos);
  // The Private DICTs follow the CharStrings: each Font DICT's offset to
  // its own moves by the change in their length, written in the same five
  // bytes.
  const long delta = static_cast<long>(index.size()) - static_cast<long>(old.end - charstrings_at);
  for (unsigned i = 0; i < fd_array.count; ++i) {
    const auto object = fd_array.object(cff, i);
    const std::size_t begin = object.first, end = object.second;
    bool moved = false;
    for_each_operator(cff.substr(begin, end - begin), [&](unsigned code, const DictOperand& last) {
      if (code != 18) return false;
      if (last.size == 5 && last.value >= 0 && static_cast<std::size_t>(last.value) >= old.end) {
        core::write_be32(out.data() + begin + last.at + 1, static_cast<std::uint32_t>(last.value + delta));
        moved = true;
      }
      return true;
    });
    if (!moved) return std::nullopt;
  }
  return out;
}

std::vector<std::uint16_t> cff_glyph_cids(const std::string& cff) {
  std::string top;
  const unsigned glyphs = charstrings_index(cff, top).count;
  std::vector<std::uint16_t> cids(glyphs);
  for (unsigned g = 0; g < glyphs; ++g) cids[g] = static_cast<std::uint16_t>(g);
  const auto charset_at = cff_dict_operand(top, 15);
  if (!cff_dict_operand(top, 1230) || !charset_at || *charset_at <= 2) return cids;  // name-keyed

  if (static_cast<std::size_t>(*charset_at) >= cff.size()) throw std::runtime_error("CFF charset past the table's end");
  return cff_charset_cids(cff.substr(static_cast<std::size_t>(*charset_at)), glyphs);
}

std::vector<std::uint16_t> cff_charset_cids(const std::string& charset, unsigned glyphs) {
  std::vector<std::uint16_t> cids(glyphs, 0);
  // Formats 0 (a CID per glyph), 1 and 2 (ranges); glyph 0 is not listed.
  std::size_t at = 0;
  const unsigned format = get_n(charset, at++, 1);
  if (format > 2) throw std::runtime_error("CFF charset of an unknown format");
  for (unsigned g = 1; g < glyphs;) {
    if (format == 0) {
      cids[g++] = static_cast<std::uint16_t>(get_n(charset, at, 2)), at += 2;
      continue;
    }
    const unsigned first = get_n(charset, at, 2);
    const unsigned left = get_n(charset, at + 2, format == 1 ? 1 : 2);
    at += format == 1 ? 3 : 4;
    for (unsigned k = 0; k <= left && g < glyphs; ++k) cids[g++] = static_cast<std::uint16_t>(first + k);
  }
  return cids;
}

}  // namespace render::pdf
