#include "render/pdf/utf.h"

#include "core/byte_order.h"

namespace render::pdf {

void append_utf16be(std::string& out, char32_t c) {
  if (c < 0x10000) {
    core::append_be16(out, c);
  } else {
    const char32_t v = c - 0x10000;
    core::append_be16(out, 0xD800 + (v >> 10));
    core::append_be16(out, 0xDC00 + (v & 0x3FF));
  }
}

std::string pdf_text_string(std::string_view utf8) {
  std::string out = "\xFE\xFF";
  for (char32_t c : core::code_points(utf8)) append_utf16be(out, c);
  return out;
}

bool is_ascii(std::string_view s) {
  for (char ch : s) {
    if (static_cast<unsigned char>(ch) >= 0x80) return false;
  }
  return true;
}

}  // namespace render::pdf
