#pragma once
// The few UTF-8 operations the readers need: positions are counted in code
// points, and line folding must know which characters are Chinese.
#include <cstddef>
#include <string>
#include <string_view>

namespace source {

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

void append_utf8(std::string& out, char32_t cp);

// Characters set on the square em grid of Chinese text: Han, kana, Hangul,
// CJK and full-width punctuation, and the quotes, dashes and dots that
// Chinese text shares with Latin (“” ‘’ —— …… ·).
bool is_wide(char32_t cp);

// Columns a terminal gives the character: 2 for East Asian wide and
// full-width characters (Han, 　, ，), 1 otherwise. Used to put a caret
// under the right character of a printed source line.
int terminal_width(char32_t cp);

}  // namespace source
