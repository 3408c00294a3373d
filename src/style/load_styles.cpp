// styles: one entry per role — font, size, colour, spacing, alignment.
#include <charconv>
#include <string>
#include <vector>

#include "core/font_role.h"
#include "style/theme_parts.h"

namespace style {
namespace {

// Indexed by Role: the names used in layout files.
constexpr std::string_view kRoleNames[] = {
    "masthead", "union", "kicker", "headline", "subheadline", "banner", "body", "emphasis",
    "caption",  "credit", "byline", "folio",   "highlights",  "highlight_value"};
static_assert(std::size(kRoleNames) == kRoleCount);

constexpr std::string_view kStyleKeys[] = {"font",  "weight",       "size",        "color",     "tracking",
                                           "leading", "align",  "space_before", "space_after", "background"};
constexpr std::string_view kFonts[] = {"song", "hei", "kai"};
constexpr std::string_view kWeights[] = {"regular", "bold"};
constexpr std::string_view kAligns[] = {"left", "center", "right", "justify"};
constexpr core::Align kAlignValues[] = {core::Align::Left, core::Align::Center, core::Align::Right,
                                        core::Align::Justify};

// Letter-spacing beyond these bounds makes characters collide or fall apart.
constexpr Range kTracking{-0.5, 2};
// Space around a block, in grid lines: more than a column's worth is a typo.
constexpr Range kGridLines{0, 20};

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// "#rrggbb": one spelling, so two layouts can be compared by eye.
std::optional<core::Color> parse_hex(std::string_view s) {
  if (s.size() != 7 || s[0] != '#') return std::nullopt;
  double channels[3];
  for (int i = 0; i < 3; ++i) {
    unsigned v = 0;
    const char* first = s.data() + 1 + 2 * i;
    const auto [end, ec] = std::from_chars(first, first + 2, v, 16);
    if (ec != std::errc() || end != first + 2) return std::nullopt;
    channels[i] = v / 255.0;
  }
  return core::Color{channels[0], channels[1], channels[2]};
}

// "NAME(a, b, ...)" with `count` numbers each within [0, max], scaled to 0..1.
std::optional<std::vector<double>> parse_call(std::string_view s, std::string_view name, std::size_t count,
                                              double max) {
  if (s.size() < name.size() + 2 || s.substr(0, name.size()) != name) return std::nullopt;
  s.remove_prefix(name.size());
  s = trimmed(s);
  if (s.size() < 2 || s.front() != '(' || s.back() != ')') return std::nullopt;
  s = s.substr(1, s.size() - 2);
  std::vector<double> out;
  while (true) {
    const auto comma = s.find(',');
    const std::string_view part = trimmed(s.substr(0, comma));
    double v = 0;
    const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), v);
    if (part.empty() || ec != std::errc() || end != part.data() + part.size() || v < 0 || v > max) return std::nullopt;
    out.push_back(v / max);
    if (comma == std::string_view::npos) break;
    s.remove_prefix(comma + 1);
  }
  if (out.size() != count) return std::nullopt;
  return out;
}

// "#rrggbb", "cmyk(c, m, y, k)" in percent of ink, or "gray(g)" from 0
// (black) to 1 (white).
std::optional<core::Color> parse_color(std::string_view s) {
  s = trimmed(s);
  if (auto c = parse_hex(s)) return c;
  if (auto v = parse_call(s, "cmyk", 4, 100)) return core::Color::cmyk((*v)[0], (*v)[1], (*v)[2], (*v)[3]);
  if (auto v = parse_call(s, "gray", 1, 1)) return core::Color::gray((*v)[0]);
  return std::nullopt;
}

void read_role(source::YamlReader& r, const source::YamlEntry& entry, RoleStyle& style) {
  const auto map = r.map(entry, "style " + source::quoted(entry.key), kStyleKeys);
  if (!map) return;
  if (const auto* font = map->get("font")) {
    if (const auto i = r.choice(*font, kFonts)) {
      style.font = core::with_weight(*core::role_from_name(kFonts[*i]), core::weight_of(style.font));
    }
  }
  if (const auto* weight = map->get("weight")) {
    if (const auto i = r.choice(*weight, kWeights)) {
      style.font = core::with_weight(style.font, *i == 1 ? core::FontWeight::Bold : core::FontWeight::Regular);
    }
  }
  if (const auto v = number_in(r, *map, "size", kTypeSize)) style.size = *v;
  if (const auto c = color_in(r, *map, "color")) style.color = *c;
  if (const auto v = number_in(r, *map, "tracking", kTracking)) style.tracking = *v;
  if (const auto v = number_in(r, *map, "leading", kLeading)) style.leading = *v;
  if (const auto* align = map->get("align")) {
    if (const auto i = r.choice(*align, kAligns)) style.align = kAlignValues[*i];
  }
  if (const auto v = number_in(r, *map, "space_before", kGridLines)) style.space_before = *v;
  if (const auto v = number_in(r, *map, "space_after", kGridLines)) style.space_after = *v;
  if (const auto c = color_in(r, *map, "background")) {
    style.has_background = true;
    style.background = *c;
  }
}

}  // namespace

std::optional<core::Color> color_in(source::YamlReader& r, const source::YamlMap& map, std::string_view key) {
  const auto* e = map.find(key);
  if (!e) return std::nullopt;
  // `color: #b41e1e` unquoted is `color:` and a comment: say so rather than
  // silently keep the default colour.
  if (e->value.IsNull()) {
    r.error(r.value_span(*e), source::quoted(key) + " has no value; write colours in quotes, \"#rrggbb\" "
                                                     "(an unquoted # starts a comment)");
    return std::nullopt;
  }
  if (e->value.IsScalar()) {
    if (auto c = parse_color(e->value.Scalar())) return c;
  }
  r.type_error(r.value_span(*e), source::quoted(key),
               "a colour: \"#rrggbb\", cmyk(c, m, y, k) in percent or gray(g) from 0 to 1", e->value);
  return std::nullopt;
}

void read_styles(source::YamlReader& r, const source::YamlEntry& entry, Theme& theme) {
  const auto map = r.map(entry, "styles", kRoleNames);
  if (!map) return;
  for (std::size_t i = 0; i < std::size(kRoleNames); ++i) {
    if (const auto* role = map->get(kRoleNames[i])) read_role(r, *role, theme.styles[i]);
  }
}

}  // namespace style
