// print: screen | press | {mode, profile, ink_limit} — where the PDF goes.
#include <filesystem>

#include "color/icc_profile.h"
#include "style/theme_parts.h"

namespace style {
namespace {

constexpr std::string_view kPrintKeys[] = {"mode", "profile", "ink_limit"};
constexpr std::string_view kPrintModes[] = {"screen", "press"};
// Below 100 % not even solid black prints; above 400 % is more than four inks.
constexpr Range kInkLimit{100, 400};

void read_mode(source::YamlReader& r, const source::YamlEntry& e, Print& print) {
  if (const auto i = r.choice(e, kPrintModes)) print.press = kPrintModes[*i] == "press";
}

}  // namespace

void read_print(source::YamlReader& r, const source::YamlEntry* entry, Theme& theme) {
  Print& print = theme.print;
  print.output.profile = color::kDefaultPressProfile;
  print.span = r.file_span();
  if (!entry) return;
  print.span = r.span_of(entry->key_node);
  core::SourceSpan profile_span = print.span;
  bool named = false;
  if (entry->value.IsScalar()) {
    read_mode(r, *entry, print);
  } else if (const auto map = r.map(*entry, "print", kPrintKeys)) {
    if (const auto* mode = map->get("mode")) read_mode(r, *mode, print);
    if (const auto* profile = map->get("profile")) {
      if (const auto path = r.text(*profile)) {
        // Relative to the layout, like a document's photos to the document.
        const std::filesystem::path layout_dir = std::filesystem::path(r.path()).parent_path();
        print.output.profile = (layout_dir / path->value).lexically_normal().string();
        profile_span = path->span;
        named = true;
      }
    }
    if (const auto v = number_in(r, *map, "ink_limit", kInkLimit)) print.output.ink_limit = *v;
  }
  // A profile is checked when it will be used or was named; --press on a
  // screen layout checks the default when it asks for it.
  if (named || print.press) {
    if (const std::string problem = color::press_profile_problem(print.output.profile); !problem.empty()) {
      r.error(profile_span, problem);
    }
  }
}

}  // namespace style
