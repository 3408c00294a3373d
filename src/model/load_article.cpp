// articles: items — who, headlines, paragraphs, sections and key figures.
#include <string>

#include "model/load_parts.h"

namespace model {
namespace {

constexpr std::string_view kArticleKeys[] = {"union", "kicker",     "headline", "subheadline", "lead",
                                             "sections", "highlights", "photos", "byline"};
constexpr std::string_view kSectionKeys[] = {"heading", "paragraphs"};
constexpr std::string_view kHighlightKeys[] = {"value", "unit", "label"};

std::string numbered(std::string_view what, std::size_t index) {
  return std::string(what) + " " + std::to_string(index + 1);
}

// Paragraphs: a sequence of strings. A blank one is almost certainly a
// leftover `-` line, worth a warning rather than an empty paragraph.
std::vector<Text> paragraphs(source::YamlReader& r, const source::YamlMap& map, std::string_view key) {
  std::vector<Text> out;
  const auto* entry = map.get(key);
  if (!entry) return out;
  auto items = r.text_list(*entry);
  if (!items) return out;
  for (std::size_t i = 0; i < items->size(); ++i) {
    auto& t = (*items)[i];
    if (t.value.find_first_not_of(" \t\r\n") == std::string::npos) {
      r.warning(t.span, source::quoted(key) + " item " + std::to_string(i + 1) + " is empty");
      continue;
    }
    out.push_back(Text{std::move(t.value), t.span, t.one_line});
  }
  return out;
}

// A heading is one line, or several lines given as a list (two-line banners).
std::vector<Text> heading(source::YamlReader& r, const source::YamlMap& map) {
  std::vector<Text> out;
  const auto* entry = map.get("heading");
  if (!entry) return out;
  if (entry->value.IsScalar()) {
    // text() reports what it cannot read and gives nothing.
    if (const auto t = r.text(*entry)) out.push_back(to_text(*t));
  } else if (entry->value.IsSequence()) {
    // Hold the list: a range-for over `*temporary` would outlive it.
    const auto lines = r.text_list(*entry);
    for (const auto& t : lines.value_or(std::vector<source::ScalarText>{})) out.push_back(to_text(t));
  } else {
    r.type_error(r.value_span(*entry), "'heading'", "a string or a sequence of strings", entry->value);
  }
  return out;
}

Section read_section(source::YamlReader& r, const YAML::Node& node, const core::SourceSpan& at,
                     std::size_t index) {
  Section section;
  section.span = at;
  const auto map = r.map(node, at, numbered("section", index), "section", kSectionKeys);
  if (!map) return section;
  section.span = map->span;
  section.heading = heading(r, *map);
  section.paragraphs = paragraphs(r, *map, "paragraphs");
  if (!map->find("heading") && !map->find("paragraphs")) {
    r.warning(map->span, "section has neither 'heading' nor 'paragraphs'");
  }
  return section;
}

Highlight read_highlight(source::YamlReader& r, const YAML::Node& node, const core::SourceSpan& at,
                         std::size_t index) {
  Highlight h;
  h.span = at;
  const auto map = r.map(node, at, numbered("highlight", index), "highlight", kHighlightKeys);
  if (!map) return h;
  h.span = map->span;
  // Figures are usually written as numbers (value: 276); they are text here.
  if (auto v = r.required_text(*map, "value")) h.value = to_text(*v);
  h.unit = optional_text(r, *map, "unit");
  h.label = optional_text(r, *map, "label");
  return h;
}

// Items of an optional list of mappings, each read by `read_item`.
template <typename ReadItem>
void for_each_item(source::YamlReader& r, const source::YamlMap& map, std::string_view key,
                   ReadItem read_item) {
  const auto* entry = map.get(key);
  if (!entry) return;
  const auto items = r.sequence(*entry);
  if (!items) return;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const YAML::Node& item = (*items)[i];
    read_item(item, item.IsNull() ? r.value_span(*entry) : r.span_of(item), i);
  }
}

}  // namespace

Text to_text(const source::ScalarText& t) { return Text{t.value, t.span, t.one_line}; }

Text optional_text(source::YamlReader& r, const source::YamlMap& map, std::string_view key) {
  const auto* entry = map.get(key);
  if (!entry) return {};
  const auto t = r.text(*entry);
  return t ? to_text(*t) : Text{};
}

Article read_article(source::YamlReader& r, const YAML::Node& node, const core::SourceSpan& at,
                     std::size_t index, const PhotoFiles& photos) {
  Article a;
  a.span = at;
  const auto map = r.map(node, at, numbered("article", index), "article", kArticleKeys);
  if (!map) return a;
  a.span = map->span;
  if (auto t = r.required_text(*map, "union")) a.union_name = to_text(*t);
  a.kicker = optional_text(r, *map, "kicker");
  if (auto t = r.required_text(*map, "headline")) a.headline = to_text(*t);
  a.subheadline = optional_text(r, *map, "subheadline");
  a.lead = paragraphs(r, *map, "lead");
  for_each_item(r, *map, "sections", [&](const YAML::Node& n, const core::SourceSpan& s, std::size_t i) {
    a.sections.push_back(read_section(r, n, s, i));
  });
  for_each_item(r, *map, "highlights", [&](const YAML::Node& n, const core::SourceSpan& s, std::size_t i) {
    a.highlights.push_back(read_highlight(r, n, s, i));
  });
  for_each_item(r, *map, "photos", [&](const YAML::Node& n, const core::SourceSpan& s, std::size_t i) {
    a.photos.push_back(read_photo(r, n, s, i, photos));
  });
  a.byline = optional_text(r, *map, "byline");
  return a;
}

}  // namespace model
