#include "source/yaml_reader.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "core/utf8.h"
#include "source/did_you_mean.h"
#include "source/full_width_marks.h"
#include "source/scalar_text.h"
#include "source/text_check.h"
#include "source/yaml_prescan.h"

namespace source {
namespace {

std::string subject_of(const YamlEntry& e) { return quoted(e.key); }

bool is_blank_text(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::string quoted(std::string_view value, int max_code_points) {
  std::string out = "'";
  int count = 0;
  std::size_t i = 0;
  while (i < value.size()) {
    if (count == max_code_points) {
      out += "…";
      break;
    }
    const core::Decoded d = core::decode_utf8(value, i);
    const char c = value[i];
    if (c == '\n' || c == '\r' || c == '\t') {
      out += ' ';
    } else {
      out.append(value.substr(i, d.length));
    }
    i += d.length;
    ++count;
  }
  return out + "'";
}

std::string describe(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Sequence: return "a sequence";
    case YAML::NodeType::Scalar: return quoted(node.Scalar());
    default: return "nothing";
  }
}

const YamlEntry* YamlMap::find(std::string_view key) const {
  for (const YamlEntry& e : entries) {
    if (e.key == key) return &e;
  }
  return nullptr;
}

const YamlEntry* YamlMap::get(std::string_view key) const {
  const YamlEntry* e = find(key);
  return e && !e->value.IsNull() ? e : nullptr;
}

bool YamlReader::load_file(const std::string& path) {
  file_ = SourceFile{};
  file_.path = path;
  auto text = read_source(path, diags_);
  if (!text) return false;
  return load_text(std::move(text->text), path);
}

bool YamlReader::load_text(std::string text, const std::string& path) {
  root_ = YAML::Node();
  file_ = SourceFile{};
  file_.path = path;
  auto file = source_from_text(std::move(text), path, diags_);
  if (!file) return false;
  file_ = std::move(*file);
  const std::size_t errors_before = diags_.error_count();
  const std::optional<std::string> replaced = replace_full_width_marks(file_, diags_);
  const std::string_view yaml = replaced ? std::string_view(*replaced) : std::string_view(file_.text);
  std::optional<YAML::Node> tree;
  if (diags_.error_count() > errors_before) {
    // The marks are reported; a syntax error left after replacing them is
    // most likely their consequence (a width of indentation guessed wrong),
    // so it is not reported on top.
    core::Diagnostics consequences;
    tree = parse_yaml(file_, yaml, consequences);
  } else {
    tree = parse_yaml(file_, yaml, diags_);
  }
  if (!tree) return false;
  root_ = std::move(*tree);
  if (!root_.IsDefined() || root_.IsNull()) {
    error(file_span(), "the document is empty");
    return false;
  }
  return true;
}

core::SourceSpan YamlReader::span_of(const YAML::Node& node) const {
  if (!node.IsDefined()) return file_span();
  const YAML::Mark mark = node.Mark();
  if (mark.is_null() || mark.pos < 0) return file_span();
  auto pos = static_cast<std::size_t>(mark.pos);
  if (node.IsScalar()) pos = content_start(file_.text, pos);
  return file_.span_at(pos);
}

core::SourceSpan YamlReader::value_span(const YamlEntry& e) const {
  return e.value.IsNull() ? span_of(e.key_node) : span_of(e.value);
}

ScalarText YamlReader::scalar_text(const YAML::Node& scalar) const {
  const std::string& value = scalar.Scalar();
  const YAML::Mark mark = scalar.Mark();
  if (mark.is_null() || mark.pos < 0) return ScalarText{value, file_span(), false};
  const ScalarLayout layout = locate_scalar(file_.text, static_cast<std::size_t>(mark.pos), value);
  ScalarText t;
  t.span = file_.span_at(layout.content_start);
  t.one_line = layout.one_line;
  t.value = layout.line_breaks.empty() ? value : join_lines(value, layout.line_breaks);
  return t;
}

void YamlReader::type_error(const core::SourceSpan& at, std::string_view subject, std::string_view expected,
                            const YAML::Node& got) {
  error(at, std::string(subject) + " must be " + std::string(expected) + ", got " + describe(got));
}

std::optional<YamlMap> YamlReader::map(const YAML::Node& node, const core::SourceSpan& at,
                                       std::string_view subject, std::string_view context,
                                       std::span<const std::string_view> known) {
  if (!node.IsMap()) {
    type_error(at, subject, "a mapping", node);
    return std::nullopt;
  }
  YamlMap map;
  map.span = span_of(node);
  map.context = context;
  for (auto it = node.begin(); it != node.end(); ++it) {
    const YAML::Node key = it->first;
    if (!key.IsScalar()) {
      type_error(span_of(key), "a key", "a string", key);
      continue;
    }
    YamlEntry entry{key.Scalar(), key, it->second};
    if (const YamlEntry* first = map.find(entry.key)) {
      error(span_of(key), "duplicate key " + quoted(entry.key) + " (first given on line " +
                              std::to_string(span_of(first->key_node).line) + ")");
      continue;
    }
    if (!known.empty() && std::find(known.begin(), known.end(), entry.key) == known.end()) {
      std::string message = "unknown key " + quoted(entry.key) + " in " + std::string(context);
      const std::string_view suggestion = closest_match(entry.key, known);
      if (!suggestion.empty()) {
        message += "; did you mean " + quoted(suggestion) + "?";
      } else {
        message += "; known keys are " + join_alternatives(known, " and ");
      }
      error(span_of(key), std::move(message));
    }
    map.entries.push_back(std::move(entry));
  }
  return map;
}

std::optional<YamlMap> YamlReader::map(const YamlEntry& e, std::string_view context,
                                       std::span<const std::string_view> known) {
  return map(e.value, value_span(e), subject_of(e), context, known);
}

std::optional<YamlMap> YamlReader::root_map(std::string_view context,
                                            std::span<const std::string_view> known) {
  if (!root_.IsDefined() || root_.IsNull()) {
    error(file_span(), "the document is empty");
    return std::nullopt;
  }
  return map(root_, span_of(root_), "the document", context, known);
}

const YamlEntry* YamlReader::require(const YamlMap& map, std::string_view key) {
  const YamlEntry* e = map.find(key);
  if (!e) error(map.span, "missing required key " + quoted(key) + " in " + map.context);
  return e;
}

std::optional<ScalarText> YamlReader::text(const YAML::Node& node, const core::SourceSpan& at,
                                           std::string_view subject) {
  if (!node.IsScalar()) {
    type_error(at, subject, "a string", node);
    return std::nullopt;
  }
  ScalarText t = scalar_text(node);
  if (const std::string problem = text_problem(t.value); !problem.empty()) {
    error(t.span, std::string(subject) + " " + problem);
    return std::nullopt;
  }
  return t;
}

std::optional<ScalarText> YamlReader::text(const YamlEntry& e) {
  return text(e.value, value_span(e), subject_of(e));
}

std::optional<ScalarText> YamlReader::required_text(const YamlMap& map, std::string_view key) {
  const YamlEntry* e = require(map, key);
  if (!e) return std::nullopt;
  if (e->value.IsNull()) {
    error(value_span(*e), quoted(key) + " must not be empty");
    return std::nullopt;
  }
  auto t = text(*e);
  if (t && is_blank_text(t->value)) {
    error(t->span, quoted(key) + " must not be empty");
    return std::nullopt;
  }
  return t;
}

std::optional<std::vector<YAML::Node>> YamlReader::sequence(const YamlEntry& e) {
  if (!e.value.IsSequence()) {
    type_error(value_span(e), subject_of(e), "a sequence", e.value);
    return std::nullopt;
  }
  std::vector<YAML::Node> items;
  for (const YAML::Node& item : e.value) items.push_back(item);
  return items;
}

std::optional<std::vector<ScalarText>> YamlReader::text_list(const YamlEntry& e) {
  auto items = sequence(e);
  if (!items) return std::nullopt;
  std::vector<ScalarText> out;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const YAML::Node& item = (*items)[i];
    const std::string subject = subject_of(e) + " item " + std::to_string(i + 1);
    if (auto t = text(item, item.IsNull() ? value_span(e) : span_of(item), subject)) {
      out.push_back(std::move(*t));
    }
  }
  return out;
}

std::optional<long long> YamlReader::integer(const YamlEntry& e) {
  if (e.value.IsScalar()) {
    const std::string& s = e.value.Scalar();
    long long v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec == std::errc() && end == s.data() + s.size() && !s.empty()) return v;
  }
  type_error(value_span(e), subject_of(e), "an integer", e.value);
  return std::nullopt;
}

std::optional<double> YamlReader::number(const YamlEntry& e) {
  if (e.value.IsScalar()) {
    std::string_view s = e.value.Scalar();
    if (s.starts_with('+')) s.remove_prefix(1);
    double v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec == std::errc() && end == s.data() + s.size() && !s.empty() && std::isfinite(v)) return v;
  }
  type_error(value_span(e), subject_of(e), "a number", e.value);
  return std::nullopt;
}

std::optional<bool> YamlReader::boolean(const YamlEntry& e) {
  if (e.value.IsScalar()) {
    const std::string s = lower(e.value.Scalar());
    if (s == "true" || s == "yes" || s == "on") return true;
    if (s == "false" || s == "no" || s == "off") return false;
  }
  type_error(value_span(e), subject_of(e), "true or false", e.value);
  return std::nullopt;
}

std::optional<std::size_t> YamlReader::choice(const YamlEntry& e,
                                              std::span<const std::string_view> options) {
  if (e.value.IsScalar()) {
    const std::string& s = e.value.Scalar();
    const auto it = std::find(options.begin(), options.end(), s);
    if (it != options.end()) return static_cast<std::size_t>(it - options.begin());
  }
  std::string expected = join_alternatives(options);
  std::string message = subject_of(e) + " must be " + expected + ", got " + describe(e.value);
  if (e.value.IsScalar()) {
    const std::string_view suggestion = closest_match(e.value.Scalar(), options);
    if (!suggestion.empty()) message += "; did you mean " + quoted(suggestion) + "?";
  }
  error(value_span(e), std::move(message));
  return std::nullopt;
}

}  // namespace source
