#include "source/utf8.h"

namespace source {

Decoded decode_utf8(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return {b0, 1, true};
  std::size_t len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    return {};
  }
  if (i + len > text.size()) return {};
  for (std::size_t k = 1; k < len; ++k) {
    const unsigned char b = byte(i + k);
    if ((b & 0xC0) != 0x80) return {};
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {};
  return {cp, len, true};
}

char32_t code_point_before(std::string_view text, std::size_t end) {
  if (end == 0) return 0;
  std::size_t start = end - 1;
  // Step back over continuation bytes (at most three).
  while (start > 0 && end - start < 4 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
    --start;
  }
  const Decoded d = decode_utf8(text, start);
  return d.valid && start + d.length == end ? d.code_point : static_cast<unsigned char>(text[end - 1]);
}

int count_code_points(std::string_view text) {
  int n = 0;
  // Every byte that is not a continuation byte starts a code point.
  for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_wide(char32_t cp) {
  struct Range {
    char32_t first, last;
  };
  static constexpr Range kWide[] = {
      {0x00B7, 0x00B7},    // · middle dot (中国梦·劳动美)
      {0x2014, 0x2015},    // —— dashes
      {0x2018, 0x201F},    // ‘’“” quotes
      {0x2026, 0x2026},    // …… ellipsis
      {0x2E80, 0x2FDF},    // radicals
      {0x3000, 0x303F},    // CJK symbols and punctuation: 。、「」《》
      {0x3040, 0x30FF},    // kana
      {0x3100, 0x312F},    // bopomofo
      {0x3190, 0x33FF},    // kanbun, enclosed and compatibility characters
      {0x3400, 0x4DBF},    // Han extension A
      {0x4E00, 0x9FFF},    // Han
      {0xAC00, 0xD7AF},    // Hangul
      {0xF900, 0xFAFF},    // Han compatibility
      {0xFE30, 0xFE4F},    // vertical forms
      {0xFF00, 0xFFEF},    // full-width forms: ，！（）
      {0x20000, 0x3FFFF},  // Han extensions B and later (𬭎)
  };
  for (const Range& r : kWide) {
    if (cp >= r.first && cp <= r.last) return true;
  }
  return false;
}

int terminal_width(char32_t cp) {
  struct Range {
    char32_t first, last;
  };
  // East Asian Width W and F, condensed to the blocks Chinese text uses.
  static constexpr Range kDoubleWidth[] = {
      {0x1100, 0x115F},  {0x2E80, 0x303E},   {0x3041, 0x33FF}, {0x3400, 0x4DBF},
      {0x4E00, 0x9FFF},  {0xA000, 0xA4CF},   {0xAC00, 0xD7A3}, {0xF900, 0xFAFF},
      {0xFE30, 0xFE4F},  {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6}, {0x1F300, 0x1F64F},
      {0x20000, 0x3FFFD},
  };
  for (const Range& r : kDoubleWidth) {
    if (cp >= r.first && cp <= r.last) return 2;
  }
  return 1;
}

}  // namespace source
