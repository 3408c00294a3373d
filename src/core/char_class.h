#pragma once
// What kind of character a code point is for Chinese line composition
// (clreq §3, from ICU's Unicode properties): which marks may not start or end
// a line, which characters form unbreakable Latin words and numbers, which
// full-width marks carry a blank half that compression may remove, and which
// characters are Chinese (set on the em grid). The one definition of "a CJK
// character" for every stage.
#include <cstdint>

namespace core {

enum class CharClass : std::uint8_t {
  Han,         // ideographs, kana, Hangul, full-width letters/digits: one em, break on either side
  Wide,        // other characters set on the em grid (☎ ① ■): like Han, but no Han–Latin gap
  Latin,       // letters and digits of alphabetic scripts: the body of words and numbers
  LatinPunct,  // half-width punctuation and symbols (. , % - / : @ ( )): glue words together
  Space,       // a breaking space: becomes a gap, never a glyph width of its own
  NoBreakSpace,// U+00A0, U+202F: a gap that never breaks
  Opening,     // （《“‘「『【〔〖〈［｛: never end a line; blank on the left
  Closing,     // ）》”’」』】〕〗〉］｝: never start a line; blank on the right
  Pause,       // ，、；：: never start a line
  Stop,        // 。！？．: never start a line
  Interpunct,  // · ・ ‧: never start a line; set half an em wide
  Dash,        // — ― ⸺: a doubled dash —— is one unbreakable unit
  Ellipsis,    // … ⋯: a doubled ellipsis …… is one unbreakable unit
  Prefix,      // ￥ ¥ ＄ £ €: stays with the number after it
  Postfix,     // ％ ‰ ℃ °: stays with the number before it, never starts a line
  Mark,        // combining marks: glued to the character before, no width
  Format,      // ZWJ, ZWNJ, variation selectors, BOM, soft hyphen: invisible, no width
  BreakHint,   // ZWSP: invisible, a break opportunity
};

CharClass classify(char32_t c);

// Chinese quotes share code points with Western ones (“ ” ‘ ’); beside Latin
// text they are Latin punctuation, beside Chinese they are full-width marks.
bool is_ambiguous_quote(char32_t c);

// + − × ÷ = ~ and their full-width forms: signs inside figures and names
// (法院+工会, 3×4) that take no Han–Latin gap.
inline bool is_math_operator(char32_t c) {
  switch (c) {
    case U'+': case U'=': case U'~': case 0x2212: case 0x00D7: case 0x00F7: case 0xFF0B: case 0xFF1D:
    case 0xFF5E: case 0x00B1:
      return true;
    default:
      return false;
  }
}

// Full-width marks whose blank half may be compressed (clreq §3.1.6).
inline bool is_cjk_punct(CharClass k) {
  return k == CharClass::Opening || k == CharClass::Closing || k == CharClass::Pause ||
         k == CharClass::Stop;
}
// Characters of a word or number: never split (unless wider than the column).
inline bool is_word_char(CharClass k) {
  return k == CharClass::Latin || k == CharClass::LatinPunct;
}
inline bool is_space(CharClass k) { return k == CharClass::Space || k == CharClass::NoBreakSpace; }
inline bool is_invisible(CharClass k) {
  return k == CharClass::Mark || k == CharClass::Format || k == CharClass::BreakHint;
}
// Basic prohibition level (clreq §3.1.7): these never begin a line.
inline bool no_line_start(CharClass k) {
  return k == CharClass::Closing || k == CharClass::Pause || k == CharClass::Stop ||
         k == CharClass::Interpunct || k == CharClass::Postfix;
}
// ...and these never end one.
inline bool no_line_end(CharClass k) { return k == CharClass::Opening || k == CharClass::Prefix; }
// Characters that take part in Chinese (rather than Western) composition.
inline bool is_cjk(CharClass k) {
  return k == CharClass::Han || k == CharClass::Wide || is_cjk_punct(k) ||
         k == CharClass::Interpunct || k == CharClass::Dash || k == CharClass::Ellipsis;
}
inline bool is_cjk(char32_t c) { return is_cjk(classify(c)); }

// Columns a terminal gives the character: 2 for East Asian wide and
// full-width characters (Han, 　, ，), 1 otherwise. Used to put a caret
// under the right character of a printed source line.
int terminal_width(char32_t c);

}  // namespace core
