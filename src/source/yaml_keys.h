#pragma once
// What a YAML file is at a glance, read through YamlReader's safeguards
// (size, encoding, alias budget) so that a folder scan never meets a file
// the loaders would refuse.
#include <optional>
#include <string>
#include <vector>

namespace source {

// The keys of the file's top-level mapping, in file order; nullopt when the
// file does not read or its top level is not a mapping.
std::optional<std::vector<std::string>> top_level_keys(const std::string& path);

}  // namespace source
