#pragma once
// The pieces of load_document, one per part of the document.
// Internal to src/model/: other stages call load_document.h.
#include <string>

#include "model/document.h"
#include "source/yaml_reader.h"

namespace model {

Text to_text(const source::ScalarText& t);

// An optional string key: absent or empty stays an empty Text.
Text optional_text(source::YamlReader& r, const source::YamlMap& map, std::string_view key);

// `articles:` items; `index` is 0-based, messages count from 1. Photo paths
// are resolved against `document_dir`.
Article read_article(source::YamlReader& r, const YAML::Node& node, const core::SourceSpan& at,
                     std::size_t index, const std::string& document_dir);

// One `photos:` item; `document_dir` resolves its relative src.
Photo read_photo(source::YamlReader& r, const YAML::Node& node, const core::SourceSpan& at,
                 std::size_t index, const std::string& document_dir);

}  // namespace model
