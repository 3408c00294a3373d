// Where a full-width mark's blank half is, read from its ink.
#include <doctest/doctest.h>

#include "text/blank_side.h"

using text::BlankSide;

TEST_CASE("blank_side reads the ink position of a full-width mark") {
  struct Case {
    const char* what;
    double left, right;  // ink, in units of a 1024 em (the fonts' own numbers)
    BlankSide side;
  };
  const Case cases[] = {
      {"AR PL UMing ，(lower left)", 171, 277, BlankSide::Right},
      {"AR PL UMing 。(centred, TW style)", 387, 637, BlankSide::Both},
      {"AR PL UMing ？", 43, 496, BlankSide::Right},
      {"AR PL UMing “ (inner side = right)", 593, 956, BlankSide::Left},
      {"AR PL UMing ” (inner side = left)", 78, 447, BlankSide::Right},
      {"AR PL UMing 《", 529, 985, BlankSide::Left},
      {"WenQuanYi ，(centred)", 455, 575, BlankSide::Both},
      {"WenQuanYi 。(lower left)", 101, 329, BlankSide::Right},
      {"a full-width ％ fills its box", 43, 971, BlankSide::None},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    CHECK(text::blank_side(c.left, c.right, 1024) == c.side);
  }
}
