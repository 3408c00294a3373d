#pragma once
// The pieces of load_document, one per part of the document.
// Internal to src/model/: other stages call load_document.h.
#include <string>

#include "model/document.h"
#include "source/yaml_reader.h"

namespace image {
class PhotoChecks;
}

namespace model {

// Where a document's photos are and who checks them.
struct PhotoFiles {
  std::string document_dir;              // relative src are resolved against it
  image::PhotoChecks* checks = nullptr;  // kept across documents (batch); null: checked here
};

Text to_text(const source::ScalarText& t);

// An optional string key: absent or empty stays an empty Text.
Text optional_text(source::YamlReader& r, const source::YamlMap& map, std::string_view key);

// `articles:` items; `index` is 0-based, messages count from 1.
Article read_article(source::YamlReader& r, const YAML::Node& node, const core::SourceSpan& at,
                     std::size_t index, const PhotoFiles& photos);

// One `photos:` item.
Photo read_photo(source::YamlReader& r, const YAML::Node& node, const core::SourceSpan& at,
                 std::size_t index, const PhotoFiles& files);

}  // namespace model
