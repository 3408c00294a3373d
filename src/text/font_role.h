#pragma once
// The three typeface roles of a Chinese newspaper page (SPEC §4).
#include <optional>
#include <string_view>

namespace text {

enum class FontRole { Song, Hei, Kai };  // 宋 body, 黑 headlines/banners, 楷 captions/bylines

inline constexpr std::string_view role_name(FontRole r) {
  switch (r) {
    case FontRole::Song: return "song";
    case FontRole::Hei: return "hei";
    case FontRole::Kai: return "kai";
  }
  return "song";
}

inline std::optional<FontRole> role_from_name(std::string_view s) {
  if (s == "song") return FontRole::Song;
  if (s == "hei") return FontRole::Hei;
  if (s == "kai") return FontRole::Kai;
  return std::nullopt;
}

enum class Align { Justify, Left, Center, Right };

}  // namespace text
