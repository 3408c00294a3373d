#pragma once
// The typeface roles of a Chinese newspaper page, each at a weight:
// a style names a role and, for headlines, banners and the union line, bold.
#include <optional>
#include <string_view>

namespace core {

// 宋 body, 黑 headlines/banners, 楷 captions/bylines; then the same three in bold.
enum class FontRole { Song, Hei, Kai, SongBold, HeiBold, KaiBold };
inline constexpr int kFontRoleCount = 6;

enum class FontWeight { Regular, Bold };

inline constexpr bool is_bold(FontRole r) { return static_cast<int>(r) >= 3; }
inline constexpr FontWeight weight_of(FontRole r) { return is_bold(r) ? FontWeight::Bold : FontWeight::Regular; }
// The role at `w`: Song + Bold -> SongBold.
inline constexpr FontRole with_weight(FontRole r, FontWeight w) {
  const int base = static_cast<int>(r) % 3;
  return static_cast<FontRole>(w == FontWeight::Bold ? base + 3 : base);
}

// "song", "hei", "kai" (the weight is not part of the name).
inline constexpr std::string_view role_name(FontRole r) {
  switch (with_weight(r, FontWeight::Regular)) {
    case FontRole::Hei: return "hei";
    case FontRole::Kai: return "kai";
    default: return "song";
  }
}

inline constexpr std::string_view weight_name(FontWeight w) { return w == FontWeight::Bold ? "bold" : "regular"; }

inline std::optional<FontRole> role_from_name(std::string_view s) {
  if (s == "song") return FontRole::Song;
  if (s == "hei") return FontRole::Hei;
  if (s == "kai") return FontRole::Kai;
  return std::nullopt;
}

}  // namespace core
