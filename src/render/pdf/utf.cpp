#include "render/pdf/utf.h"

#include "source/utf8.h"

namespace render::pdf {

std::u32string decode_utf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const source::Decoded d = source::decode_utf8(s, i);
    out.push_back(d.valid ? d.code_point : U'\uFFFD');
    i += d.length;
  }
  return out;
}

static void put16(std::string& out, unsigned v) {
  out.push_back(static_cast<char>((v >> 8) & 0xFF));
  out.push_back(static_cast<char>(v & 0xFF));
}

void append_utf16be(std::string& out, char32_t c) {
  if (c < 0x10000) {
    put16(out, c);
  } else {
    const char32_t v = c - 0x10000;
    put16(out, 0xD800 + (v >> 10));
    put16(out, 0xDC00 + (v & 0x3FF));
  }
}

std::string pdf_text_string(std::string_view utf8) {
  std::string out = "\xFE\xFF";
  for (char32_t c : decode_utf8(utf8)) append_utf16be(out, c);
  return out;
}

bool is_ascii(std::string_view s) {
  for (char ch : s) {
    if (static_cast<unsigned char>(ch) >= 0x80) return false;
  }
  return true;
}

}  // namespace render::pdf
