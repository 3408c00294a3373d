#include "source/text_check.h"

#include <cstdio>

#include "core/utf8.h"

namespace source {
namespace {

bool is_control(char32_t c) {
  return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF;
}

}  // namespace

std::string text_problem(std::string_view value) {
  for (std::size_t i = 0; i < value.size();) {
    const core::Decoded d = core::decode_utf8(value, i);
    if (!d.valid) {
      return "holds bytes that are not UTF-8 (an escape such as \\N or \\_ makes them); write the character "
             "itself instead of the escape";
    }
    if (is_control(d.code_point)) {
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(d.code_point));
      return std::string("holds the control character ") + code +
             " (from an escape such as \\x01 or \\e), which cannot be printed";
    }
    i += d.length;
  }
  return "";
}

}  // namespace source
