#pragma once
// The one place that parses with yaml-cpp (the loaders only pass its nodes on): reads a YAML file
// safely and turns every problem into a FILE:LINE:COLUMN diagnostic, so the
// document and layout loaders only say what they expect.
//
//   YamlReader r(diags);
//   if (!r.load_file(path)) return;                 // unreadable, binary, syntax, aliases
//   auto doc = r.root_map("the document", kKeys);    // unknown keys: warnings
//   if (auto* e = r.require(*doc, "headline"))      // missing: error at the map
//     if (auto t = r.text(*e)) ...                   // wrong type: error at the value
#include <yaml-cpp/yaml.h>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/source_span.h"
#include "source/source_file.h"

namespace source {

// A string from the YAML: line breaks joined as Chinese text needs them, `span` at its first
// content character (after an opening quote). `one_line` means the value is
// a verbatim copy of one source line, so character i is at span.column + i.
struct ScalarText {
  std::string value;
  core::SourceSpan span;
  bool one_line = false;
};

// One `key: value` pair; the key node is kept for its position.
struct YamlEntry {
  std::string key;
  YAML::Node key_node;
  YAML::Node value;
};

// A mapping whose keys have been checked.
struct YamlMap {
  core::SourceSpan span;         // the mapping's position: missing keys are reported here
  std::string context;     // how messages name it: "article", "meta"
  std::vector<YamlEntry> entries;  // in file order, repeated keys dropped

  // The entry for `key`, or nullptr when absent. `key:` with nothing after
  // it counts as absent.
  const YamlEntry* get(std::string_view key) const;
  // Present at all, even with an empty value.
  const YamlEntry* find(std::string_view key) const;
};

class YamlReader {
 public:
  explicit YamlReader(core::Diagnostics& diags) : diags_(diags) {}

  // Reads and parses a file: unreadable, empty, too large, not UTF-8 text,
  // YAML syntax errors and aliases are reported. False when there is no
  // document to look at.
  bool load_file(const std::string& path);
  // Same for text in memory; `path` names it in messages.
  bool load_text(std::string text, const std::string& path);

  const YAML::Node& root() const { return root_; }
  const std::string& path() const { return file_.path; }
  const SourceFile& file() const { return file_; }
  core::Diagnostics& diags() { return diags_; }

  void error(const core::SourceSpan& span, std::string message) { diags_.error(span, std::move(message)); }
  void warning(const core::SourceSpan& span, std::string message) { diags_.warning(span, std::move(message)); }

  // --- Positions (1-based line, column in code points) ---
  core::SourceSpan file_span() const { return core::SourceSpan{file_.path}; }
  // Where a node starts; for a scalar, its first content character.
  core::SourceSpan span_of(const YAML::Node& node) const;
  // The value's span, or the key's when the value is empty (yaml-cpp gives an
  // empty value the position of whatever follows it).
  core::SourceSpan value_span(const YamlEntry& e) const;

  // --- Mappings ---
  // `node` as a mapping. Not a mapping: an error naming it `subject`
  // ("'meta'", "article 2") at `at`. Keys not in `known`: a warning at the
  // key with a "did you mean" suggestion. Repeated keys: an error.
  std::optional<YamlMap> map(const YAML::Node& node, const core::SourceSpan& at, std::string_view subject,
                             std::string_view context, std::span<const std::string_view> known);
  // An entry's value as a mapping (subject: the key).
  std::optional<YamlMap> map(const YamlEntry& e, std::string_view context,
                             std::span<const std::string_view> known);
  // The document itself; an empty document (only comments) is an error too.
  std::optional<YamlMap> root_map(std::string_view context, std::span<const std::string_view> known);

  // The entry for `key`; when absent: "missing required key 'KEY' in CONTEXT"
  // at the mapping. An empty value is left to the typed readers below.
  const YamlEntry* require(const YamlMap& map, std::string_view key);

  // --- Values (each reports a wrong type at the value and returns nullopt) ---
  std::optional<ScalarText> text(const YamlEntry& e);
  std::optional<ScalarText> text(const YAML::Node& node, const core::SourceSpan& at, std::string_view subject);
  // A required string: missing, empty or blank is an error.
  std::optional<ScalarText> required_text(const YamlMap& map, std::string_view key);
  // A sequence of strings; a bad item is reported as "'KEY' item N" and skipped.
  std::optional<std::vector<ScalarText>> text_list(const YamlEntry& e);
  // The items of a sequence ("'KEY' must be a sequence, got ...").
  std::optional<std::vector<YAML::Node>> sequence(const YamlEntry& e);
  std::optional<long long> integer(const YamlEntry& e);
  std::optional<double> number(const YamlEntry& e);
  std::optional<bool> boolean(const YamlEntry& e);
  // The index of the value among `options`; otherwise an error listing them,
  // with a suggestion for a near miss.
  std::optional<std::size_t> choice(const YamlEntry& e, std::span<const std::string_view> options);

  // "SUBJECT must be EXPECTED, got a sequence" (or "got 'abc'").
  void type_error(const core::SourceSpan& at, std::string_view subject, std::string_view expected,
                  const YAML::Node& got);

 private:
  ScalarText scalar_text(const YAML::Node& scalar) const;

  core::Diagnostics& diags_;
  SourceFile file_;
  YAML::Node root_;
};

// How a message shows a node: "a mapping", "a sequence", "nothing", or the
// scalar itself in quotes (shortened).
std::string describe(const YAML::Node& node);
// 'value', kept on one line and shortened to `max_code_points` with "…"
// (long enough to recognise a value, short enough to keep a message on a line).
std::string quoted(std::string_view value, int max_code_points = 24);

}  // namespace source
