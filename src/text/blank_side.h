#pragma once
// Punctuation compression's view of a full-width mark: where its blank half is.
#include <cstdint>

namespace text {

// Which blank of a full-width mark compression removes, read from where its
// ink sits in the em box (GB fonts put ，。 lower left; TW fonts centre them).
enum class BlankSide : std::uint8_t {
  None,   // ink fills the box, or the mark is not full-width: never compressed
  Right,  // ink in the left half (，。 in GB fonts, closing brackets)
  Left,   // ink in the right half (opening brackets)
  Both,   // small centred ink (。 in AR PL UMing): a quarter em off each side
};

// `ink_left`/`ink_right` are the ink's horizontal extent and `box` the set
// width, all in the same unit.
BlankSide blank_side(double ink_left, double ink_right, double box);

}  // namespace text
