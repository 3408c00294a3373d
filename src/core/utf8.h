#pragma once
// The one UTF-8 decoder and encoder: positions are counted in code points;
// malformed bytes never hide the rest of the text.
#include <cstddef>
#include <string>
#include <string_view>

namespace core {

struct Decoded {
  char32_t code_point = 0;
  std::size_t length = 1;  // bytes consumed (1 for an invalid byte)
  bool valid = false;
};

// Decodes the code point starting at byte `i`, rejecting overlong forms,
// surrogates and values above U+10FFFF.
Decoded decode_utf8(std::string_view text, std::size_t i);

// The code point that ends just before byte `end` (for looking backwards).
char32_t code_point_before(std::string_view text, std::size_t end);

int count_code_points(std::string_view text);

// Every code point of `text`; a malformed sequence becomes U+FFFD.
std::u32string code_points(std::string_view text);

void append_utf8(std::string& out, char32_t cp);

}  // namespace core
