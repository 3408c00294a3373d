#include "model/load_document.h"

#include <cstdio>
#include <exception>
#include <filesystem>

#include "model/load_parts.h"
#include "source/yaml_reader.h"

namespace model {
namespace {

constexpr std::string_view kDocumentKeys[] = {"layout", "meta", "articles"};
constexpr std::string_view kMetaKeys[] = {"paper", "edition", "date", "page", "title", "subject"};

// The printed folio and PDF metadata show this, so it must be a real day.
bool is_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  const auto number = [&](std::size_t at, std::size_t len) {
    int v = 0;
    for (std::size_t i = at; i < at + len; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;  // "0年" is no date
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && day == 29) return leap;
  return day <= kDays[month - 1];
}

// 2024-4-1, 2024/12/18, 2024.12.18 or 2024年4月1日 as YYYY-MM-DD when that
// is a real day; "" otherwise.
std::string padded_date(std::string_view s) {
  int parts[3] = {0, 0, 0};
  int digits[3] = {0, 0, 0};
  int part = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] >= '0' && s[i] <= '9') {
      if (digits[part] == 4) return "";
      parts[part] = parts[part] * 10 + (s[i] - '0');
      ++digits[part];
      ++i;
      continue;
    }
    std::size_t len = 1;
    for (const std::string_view sep : {"年", "月", "日"})
      if (s.substr(i).starts_with(sep)) len = sep.size();
    if (len == 1 && s[i] != '-' && s[i] != '/' && s[i] != '.') return "";
    if (digits[part] == 0) return "";
    i += len;
    if (i < s.size() && ++part == 3) return "";
  }
  if (digits[0] != 4 || digits[1] == 0 || digits[1] > 2 || digits[2] == 0 || digits[2] > 2) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", parts[0], parts[1], parts[2]);
  return is_iso_date(buf) ? std::string(buf) : std::string();
}

// Folio page numbers beyond this are typing mistakes, not newspapers.
constexpr long long kMaxPage = 99999;

void read_meta(source::YamlReader& r, const source::YamlEntry& entry, Meta& meta) {
  const auto map = r.map(entry, "meta", kMetaKeys);
  if (!map) return;
  meta.paper = optional_text(r, *map, "paper");
  meta.edition = optional_text(r, *map, "edition");
  meta.title = optional_text(r, *map, "title");
  meta.subject = optional_text(r, *map, "subject");
  meta.date = optional_text(r, *map, "date");
  if (!meta.date.empty() && !is_iso_date(meta.date.value)) {
    std::string message = "'date' must be a date written YYYY-MM-DD, got " + source::quoted(meta.date.value);
    const std::string padded = padded_date(meta.date.value);
    if (!padded.empty()) message += "; did you mean '" + padded + "'?";
    r.error(meta.date.span, std::move(message));
  }
  if (const auto* page = map->get("page")) {
    if (const auto n = r.integer(*page)) {
      if (*n < 1) {
        r.error(r.value_span(*page), "'page' must be a positive integer, got " +
                                         source::describe(page->value));
      } else if (*n > kMaxPage) {
        r.error(r.value_span(*page), "'page' must be at most " + std::to_string(kMaxPage) +
                                         ", got " + source::describe(page->value));
      } else {
        meta.page = static_cast<int>(*n);
      }
    }
  }
}

void read_articles(source::YamlReader& r, const source::YamlMap& root, Document& doc, image::PhotoChecks* checks) {
  const auto* entry = r.require(root, "articles");
  if (!entry) return;
  const auto items = entry->value.IsNull() ? std::vector<YAML::Node>{} : r.sequence(*entry);
  if (!items) return;
  if (items->empty()) {
    r.error(r.value_span(*entry), "'articles' must list at least one article");
    return;
  }
  for (std::size_t i = 0; i < items->size(); ++i) {
    const YAML::Node& item = (*items)[i];
    const auto at = item.IsNull() ? r.value_span(*entry) : r.span_of(item);
    doc.articles.push_back(read_article(r, item, at, i, PhotoFiles{doc.dir, checks}));
  }
}

void read_document(source::YamlReader& r, Document& doc, image::PhotoChecks* checks) {
  const auto root = r.root_map("the document", kDocumentKeys);
  if (!root) return;
  doc.layout = optional_text(r, *root, "layout");
  if (const auto* meta = root->get("meta")) read_meta(r, *meta, doc.meta);
  read_articles(r, *root, doc, checks);
}

Document empty_document(const std::string& path) {
  Document doc;
  doc.path = path;
  const auto dir = std::filesystem::path(path).parent_path();
  doc.dir = dir.empty() ? std::string(".") : dir.string();
  return doc;
}

// Bad input is reported, never thrown; anything that still escapes is our
// bug, and the caller gets it as one more message instead of a crash.
template <typename Load>
Document guarded(const std::string& path, core::Diagnostics& diags, image::PhotoChecks* checks, Load load) {
  Document doc = empty_document(path);
  try {
    source::YamlReader reader(diags);
    if (load(reader)) read_document(reader, doc, checks);
  } catch (const std::exception& e) {
    diags.error(core::SourceSpan{path}, std::string("internal error while reading: ") + e.what());
  }
  return doc;
}

}  // namespace

Document load_document(const std::string& path, core::Diagnostics& diags, image::PhotoChecks* photo_checks) {
  return guarded(path, diags, photo_checks, [&](source::YamlReader& r) { return r.load_file(path); });
}

Document load_document_text(const std::string& text, const std::string& path,
                            core::Diagnostics& diags) {
  return guarded(path, diags, nullptr, [&](source::YamlReader& r) { return r.load_text(text, path); });
}

}  // namespace model
