#include "source/yaml_keys.h"

#include "source/yaml_reader.h"

namespace source {

std::optional<std::vector<std::string>> top_level_keys(const std::string& path) {
  core::Diagnostics ignored;  // whoever loads the file for real reports its problems
  YamlReader reader(ignored);
  if (!reader.load_file(path) || !reader.root().IsMap()) return std::nullopt;
  std::vector<std::string> keys;
  for (const auto& entry : reader.root()) {
    if (entry.first.IsScalar()) keys.push_back(entry.first.Scalar());
  }
  return keys;
}

}  // namespace source
