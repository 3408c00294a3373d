#pragma once
// Shared by the parts of load_theme (internal to src/style/).
#include <limits>
#include <optional>
#include <string_view>

#include "source/yaml_reader.h"
#include "style/theme.h"

namespace style {

// The sane values of a number; anything outside is an error at the value.
struct Range {
  double min = 0;
  double max = std::numeric_limits<double>::infinity();
  bool above_min = false;  // strictly greater than min (sizes), not just at least
};

// Type sizes and leadings in pt. A body of 72 pt or a headline of 200 pt is
// already absurd on a newspaper page; beyond these nothing can be set at all.
constexpr Range kBodySize{0, 72, true};
constexpr Range kTypeSize{0, 200, true};
constexpr Range kLeading{0, 400};

// `key` of `map` as a number within `range`; nullopt (reported) otherwise
// and when absent (not reported: the default of theme.h stays).
std::optional<double> number_in(source::YamlReader& r, const source::YamlMap& map, std::string_view key,
                                Range range);

// `key` of `map` as a colour ("#rrggbb", cmyk(…), gray(…)); nullopt
// (reported) otherwise and when absent (not reported).
std::optional<core::Color> color_in(source::YamlReader& r, const source::YamlMap& map, std::string_view key);

// The `styles:` mapping, one RoleStyle per role.
void read_styles(source::YamlReader& r, const source::YamlEntry& entry, Theme& theme);

// The `print:` section (nullptr when absent: screen, default profile); a
// named profile, or any profile in press mode, that is missing or not a
// CMYK output profile is an error at its line.
void read_print(source::YamlReader& r, const source::YamlEntry* entry, Theme& theme);

}  // namespace style
