// Character classes (cjk_rules) and where a mark's blank half is.
#include <doctest/doctest.h>

#include <initializer_list>

#include "core/char_class.h"

using text::BlankSide;
using core::CharClass;

TEST_CASE("classify puts every character where Chinese composition expects it") {
  struct Case {
    char32_t c;
    CharClass k;
  };
  const Case cases[] = {
      {U'中', CharClass::Han},        {U'𬭎', CharClass::Han},          {U'あ', CharClass::Han},
      {U'한', CharClass::Han},        {U'Ａ', CharClass::Han},         {U'☎', CharClass::Wide},
      {U'①', CharClass::Wide},       {U'\u3000', CharClass::Wide},    {U'a', CharClass::Latin},
      {U'7', CharClass::Latin},       {U'é', CharClass::Latin},        {U'.', CharClass::LatinPunct},
      {U'%', CharClass::LatinPunct},  {U'/', CharClass::LatinPunct},   {U' ', CharClass::Space},
      {U'\u00A0', CharClass::NoBreakSpace}, {U'（', CharClass::Opening}, {U'“', CharClass::Opening},
      {U'《', CharClass::Opening},   {U'）', CharClass::Closing},     {U'”', CharClass::Closing},
      {U'》', CharClass::Closing},   {U'，', CharClass::Pause},       {U'、', CharClass::Pause},
      {U'；', CharClass::Pause},     {U'：', CharClass::Pause},       {U'。', CharClass::Stop},
      {U'！', CharClass::Stop},      {U'？', CharClass::Stop},        {U'·', CharClass::Interpunct},
      {U'—', CharClass::Dash},       {U'…', CharClass::Ellipsis},     {U'￥', CharClass::Prefix},
      {U'％', CharClass::Postfix},   {U'℃', CharClass::Postfix},      {U'\u0301', CharClass::Mark},
      {U'\u200D', CharClass::Format}, {U'\uFE0F', CharClass::Format},  {U'\u200B', CharClass::BreakHint},
  };
  for (const auto& c : cases) {
    CAPTURE(static_cast<unsigned>(c.c));
    CHECK(core::classify(c.c) == c.k);
  }
}

TEST_CASE("line-start and line-end prohibitions (clreq basic level)") {
  for (char32_t c : {U'，', U'。', U'、', U'；', U'：', U'？', U'！', U'）', U'》', U'」', U'』', U'”', U'’', U'·', U'％'}) {
    CAPTURE(static_cast<unsigned>(c));
    CHECK(core::no_line_start(core::classify(c)));
  }
  for (char32_t c : {U'（', U'《', U'「', U'『', U'“', U'‘', U'￥'}) {
    CAPTURE(static_cast<unsigned>(c));
    CHECK(core::no_line_end(core::classify(c)));
  }
}

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
