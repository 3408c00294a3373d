// Which file a document's `layout:` value names, and whether a YAML file is a layout.
#include <algorithm>
#include <filesystem>

#include "source/yaml_keys.h"
#include "style/load_theme.h"

namespace style {
namespace {

bool is_yaml_name(const std::string& s) { return s.ends_with(".yaml") || s.ends_with(".yml"); }

bool is_file(const std::filesystem::path& p) {
  std::error_code ec;
  return std::filesystem::is_regular_file(p, ec);
}

bool looks_like_path(const std::string& s) {
  return s.find('/') != std::string::npos || is_yaml_name(s);
}

// Present as something other than a folder: a FIFO or a device is then
// refused by the reader with its reason, not called unknown.
bool is_there(const std::filesystem::path& p) {
  std::error_code ec;
  const auto st = std::filesystem::status(p, ec);
  return !ec && std::filesystem::exists(st) && !std::filesystem::is_directory(st);
}

}  // namespace

std::string resolve_layout(const std::string& name_or_path, const std::string& document_dir,
                           const std::string& data_dir) {
  namespace fs = std::filesystem;
  const std::string name = name_or_path.empty() ? std::string(kDefaultLayout) : name_or_path;
  if (looks_like_path(name)) {
    // A path is the document's business: relative to the document, as
    // photos are. Only YAML files: `layout: /etc/passwd` must not get as far
    // as a parser that quotes the file's lines in its messages.
    if (!is_yaml_name(name)) return "";
    const fs::path p(name);
    const fs::path full = p.is_absolute() ? p : fs::path(document_dir.empty() ? "." : document_dir) / p;
    return is_there(full) ? full.lexically_normal().string() : std::string();
  }
  // A bare name never leaves the shipped layouts/ folder.
  const fs::path full = fs::path(data_dir) / "layouts" / (name + ".yaml");
  return is_file(full) ? full.lexically_normal().string() : std::string();
}

bool is_layout_file(const std::string& path) {
  const auto keys = source::top_level_keys(path);
  if (!keys) return false;
  auto has = [&](const char* key) { return std::find(keys->begin(), keys->end(), key) != keys->end(); };
  return !has("articles") && (has("styles") || has("columns"));
}

}  // namespace style
