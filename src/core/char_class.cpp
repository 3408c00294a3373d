#include "core/char_class.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

namespace core {
namespace {

// The marks of Chinese text, by their role in line composition. Listed
// explicitly because Unicode's line-break classes lump some together (QU for
// both “ and ”) and split others we treat alike.
CharClass punct_class(char32_t c, bool& found) {
  found = true;
  switch (c) {
    case 0xFF08: case 0x300A: case 0x201C: case 0x2018: case 0x300C: case 0x300E:
    case 0x3010: case 0x3014: case 0x3016: case 0x3008: case 0xFF3B: case 0xFF5B:
    case 0x3018: case 0x301A: case 0xFF5F: case 0x301D: case 0xFE59: case 0xFE5B:
    case 0xFE5D:
      return CharClass::Opening;
    case 0xFF09: case 0x300B: case 0x201D: case 0x2019: case 0x300D: case 0x300F:
    case 0x3011: case 0x3015: case 0x3017: case 0x3009: case 0xFF3D: case 0xFF5D:
    case 0x3019: case 0x301B: case 0xFF60: case 0x301E: case 0x301F: case 0xFE5A:
    case 0xFE5C: case 0xFE5E:
      return CharClass::Closing;
    case 0xFF0C: case 0x3001: case 0xFF1B: case 0xFF1A: case 0xFE50: case 0xFE51:
    case 0xFE54: case 0xFE55:
      return CharClass::Pause;
    case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF0E: case 0xFE52: case 0xFE56:
    case 0xFE57:
      return CharClass::Stop;
    case 0x00B7: case 0x30FB: case 0x2027: case 0xFF65:
      return CharClass::Interpunct;
    case 0x2014: case 0x2015: case 0x2E3A: case 0x2E3B:
      return CharClass::Dash;
    case 0x2026: case 0x22EF:
      return CharClass::Ellipsis;
    case 0xFFE5: case 0x00A5: case 0xFF04: case 0x00A3: case 0xFFE1: case 0x20AC: case 0x0024:
    case 0x00B1:  // ±0.01mm
      return CharClass::Prefix;
    case 0xFF05: case 0x2030: case 0x2031: case 0x2103: case 0x2109: case 0x00B0:
    case 0x2032: case 0x2033:
      return CharClass::Postfix;
    case 0x00D7: case 0x00F7: case 0x2212:  // × ÷ −: signs inside figures (3×4), like + and =
      return CharClass::LatinPunct;
    case 0x00A0: case 0x202F: case 0x2007:
      return CharClass::NoBreakSpace;
    case 0x200B:
      return CharClass::BreakHint;
    case 0x3000:  // ideographic space: a blank em on the grid
      return CharClass::Wide;
    default:
      found = false;
      return CharClass::Wide;
  }
}

bool is_east_asian_script(char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode s = uscript_getScript(static_cast<UChar32>(c), &status);
  return s == USCRIPT_HAN || s == USCRIPT_HIRAGANA || s == USCRIPT_KATAKANA ||
         s == USCRIPT_HANGUL || s == USCRIPT_BOPOMOFO;
}

}  // namespace

CharClass classify(char32_t c) {
  // Fast path for the bulk of Chinese text: unified ideographs and extension A.
  if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF)) return CharClass::Han;
  bool found = false;
  const CharClass p = punct_class(c, found);
  if (found) return p;

  if (c < 0x80) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return CharClass::Space;
    if (c < 0x20 || c == 0x7F) return CharClass::Format;
    if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return CharClass::Latin;
    return CharClass::LatinPunct;
  }

  // Variation selectors and the grapheme joiner choose or join glyphs; they
  // are never drawn themselves (Unicode calls them marks).
  if ((c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF) ||
      (c >= 0x180B && c <= 0x180F) || c == 0x034F) {
    return CharClass::Format;
  }
  const auto u = static_cast<UChar32>(c);
  const int8_t cat = u_charType(u);
  switch (cat) {
    case U_NON_SPACING_MARK: case U_ENCLOSING_MARK: case U_COMBINING_SPACING_MARK:
      return CharClass::Mark;
    case U_FORMAT_CHAR: case U_CONTROL_CHAR: case U_SURROGATE: case U_PRIVATE_USE_CHAR:
      // Private-use characters have no agreed meaning; they are drawn if a
      // font has them but never take part in composition rules.
      return cat == U_PRIVATE_USE_CHAR ? CharClass::Wide : CharClass::Format;
    case U_SPACE_SEPARATOR: case U_LINE_SEPARATOR: case U_PARAGRAPH_SEPARATOR:
      return CharClass::Space;
    default:
      break;
  }
  if (is_east_asian_script(c)) return CharClass::Han;

  const int eaw = u_getIntPropertyValue(u, UCHAR_EAST_ASIAN_WIDTH);
  const bool wide = eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH;
  // Full-width Latin letters and digits (ＡＢＣ１２３) sit on the em grid.
  if (c >= 0xFF10 && c <= 0xFF5A && u_isalnum(u)) return CharClass::Han;
  if (u_isalpha(u) || cat == U_DECIMAL_DIGIT_NUMBER) return wide ? CharClass::Han : CharClass::Latin;
  // East Asian Ambiguous symbols (☎ ★ ■ ①) are full-width in Chinese fonts.
  if (wide || eaw == U_EA_AMBIGUOUS) return CharClass::Wide;
  if (cat == U_OTHER_SYMBOL) return CharClass::Wide;  // pictographs: ✉ ☺
  return CharClass::LatinPunct;
}

bool is_ambiguous_quote(char32_t c) {
  return c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019;
}

int terminal_width(char32_t c) {
  const int eaw = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
  return eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH ? 2 : 1;
}

}  // namespace core
