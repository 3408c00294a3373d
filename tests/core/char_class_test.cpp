// Character classes for Chinese composition, the one "is it CJK" and the
// terminal widths under a caret; UTF-8 decoding.
#include <doctest/doctest.h>

#include <initializer_list>

#include "core/char_class.h"
#include "core/utf8.h"

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

TEST_CASE("is_cjk: Han, kana, Hangul, full-width marks and the shared quotes and dashes") {
  for (char32_t c : {U'工', U'𬭎', U'か', U'한', U'，', U'。', U'“', U'—', U'…', U'·', U'１', U'　'})
    CHECK(core::is_cjk(c));
  for (char32_t c : {U'a', U'7', U' ', U'.', U'-', U'é'}) CHECK_FALSE(core::is_cjk(c));
}

TEST_CASE("terminal_width: two columns for East Asian wide and full-width characters") {
  CHECK(core::terminal_width(U'工') == 2);
  CHECK(core::terminal_width(U'，') == 2);
  CHECK(core::terminal_width(U'　') == 2);
  CHECK(core::terminal_width(U'𬭎') == 2);
  CHECK(core::terminal_width(U'a') == 1);
  CHECK(core::terminal_width(U'é') == 1);
}

TEST_CASE("UTF-8: one decoder; malformed bytes become U+FFFD and never hide the rest") {
  CHECK(core::code_points("工a𬭎") == std::u32string{U'工', U'a', U'𬭎'});
  CHECK(core::code_points("a\xC0\xAF" "b") == std::u32string{U'a', 0xFFFD, 0xFFFD, U'b'});  // overlong /
  CHECK(core::code_points("\xED\xA0\x80") == std::u32string{0xFFFD, 0xFFFD, 0xFFFD});  // a surrogate
  CHECK(core::code_points("x\xE5\xB7") == std::u32string{U'x', 0xFFFD, 0xFFFD});  // cut short
  const core::Decoded d = core::decode_utf8("工", 0);
  CHECK(d.valid);
  CHECK(d.code_point == U'工');
  CHECK(d.length == 3);
  CHECK(core::count_code_points("工会a") == 3);
  CHECK(core::code_point_before("a工", 4) == U'工');
  std::string out;
  core::append_utf8(out, U'𬭎');
  CHECK(core::code_points(out) == std::u32string{U'𬭎'});
}
