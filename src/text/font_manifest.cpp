// Reads fonts/manifest.yaml: the font families of each role, then the
// fallbacks all roles share (docs/layouts.md, "fonts/manifest.yaml").
#include <array>
#include <filesystem>
#include <string_view>

#include "source/yaml_reader.h"
#include "text/font_book.h"

namespace text {
namespace {

constexpr std::array<std::string_view, 2> kTopKeys{"roles", "fallback"};
constexpr std::array<std::string_view, 3> kRoleKeys{"song", "hei", "kai"};

// A list of family names; a single string is accepted as a list of one.
void read_families(source::YamlReader& reader, const source::YamlEntry& e,
                   std::vector<std::string>& out) {
  std::vector<std::string> families;
  if (e.value.IsScalar()) {
    if (auto t = reader.text(e)) families.push_back(t->value);
  } else if (auto list = reader.text_list(e)) {
    for (auto& t : *list) families.push_back(std::move(t.value));
  } else {
    return;  // wrong type, already reported: keep the defaults
  }
  out = std::move(families);
}

}  // namespace

FontManifest load_font_manifest(const std::string& path, core::Diagnostics& diags) {
  FontManifest manifest;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    diags.warning(core::SourceSpan{path}, "no font manifest here; using the default families "
                                            "(Noto Serif CJK SC, Noto Sans CJK SC, LXGW WenKai)");
    return manifest;
  }
  source::YamlReader reader(diags);
  if (!reader.load_file(path)) return manifest;
  auto root = reader.root_map("the font manifest", kTopKeys);
  if (!root) return manifest;

  if (const auto* roles = root->get("roles")) {
    if (auto map = reader.map(*roles, "roles", kRoleKeys)) {
      if (const auto* e = map->get("song")) read_families(reader, *e, manifest.song);
      if (const auto* e = map->get("hei")) read_families(reader, *e, manifest.hei);
      if (const auto* e = map->get("kai")) read_families(reader, *e, manifest.kai);
    }
  }
  if (const auto* e = root->get("fallback")) read_families(reader, *e, manifest.fallback);
  return manifest;
}

}  // namespace text
