#include "style/load_theme.h"

#include <charconv>
#include <cmath>
#include <exception>
#include <string>

#include "core/geometry.h"
#include "style/theme_parts.h"

namespace style {
namespace {

constexpr std::string_view kThemeKeys[] = {"name", "page", "columns", "body", "han_latin_space", "makeup", "styles", "print", "subject"};
constexpr std::string_view kHanLatinSpaces[] = {"quarter", "none"};
constexpr std::string_view kMakeupKeys[] = {"pages", "headline_sizes", "photo_depth", "wide_photo_depth"};
constexpr std::string_view kPageKeys[] = {"size", "margins", "bleed", "crop_marks"};
constexpr std::string_view kMarginKeys[] = {"top", "bottom", "left", "right"};
constexpr std::string_view kColumnKeys[] = {"count", "gutter", "rule", "rule_color"};
constexpr std::string_view kBodyKeys[] = {"size", "leading"};

// libharu's largest page is 14400 pt (5080 mm); a bigger number is a typo.
constexpr Range kPageLength{0, 5000, true};
constexpr Range kNonNegative{};
// A newspaper page has one to six columns; more cannot hold a Chinese line.
constexpr int kMaxColumns = 6;

std::string num(double v) {
  char buf[32];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc() ? std::string(buf, end) : std::to_string(v);
}

std::string mm_text(double pt) { return num(std::round(pt / core::kPtPerMm * 10) / 10) + " mm"; }

// "must be greater than 0", "must not be negative", "must be between 0 and 20".
std::string range_rule(const Range& range) {
  if (std::isinf(range.max)) {
    if (range.above_min) return "must be greater than " + num(range.min);
    return range.min == 0 ? "must not be negative" : "must be at least " + num(range.min);
  }
  if (range.above_min) return "must be greater than " + num(range.min) + " and at most " + num(range.max);
  return "must be between " + num(range.min) + " and " + num(range.max);
}

// size: A4 | A3 | [width_mm, height_mm]
std::optional<core::Size> page_size(source::YamlReader& r, const source::YamlEntry& e) {
  if (e.value.IsScalar()) {
    const std::string& s = e.value.Scalar();
    if (s == "A4" || s == "a4") return core::Size{core::mm(210), core::mm(297)};
    if (s == "A3" || s == "a3") return core::Size{core::mm(297), core::mm(420)};
  }
  if (e.value.IsSequence() && e.value.size() == 2) {
    // Name the two numbers so that a bad one is reported as 'width' or
    // 'height' at its own position, with the same range check as any key.
    source::YamlMap pair;
    pair.context = "size";
    pair.entries = {{"width", e.key_node, e.value[0]}, {"height", e.key_node, e.value[1]}};
    const auto w = number_in(r, pair, "width", kPageLength);
    const auto h = number_in(r, pair, "height", kPageLength);
    if (w && h) return core::Size{core::mm(*w), core::mm(*h)};
    return std::nullopt;
  }
  r.type_error(r.value_span(e), "'size'", "A4, A3 or [width_mm, height_mm]", e.value);
  return std::nullopt;
}

void read_page(source::YamlReader& r, const source::YamlEntry& entry, PageGeometry& page) {
  const auto map = r.map(entry, "page", kPageKeys);
  if (!map) return;
  if (const auto* size = map->get("size")) {
    if (const auto s = page_size(r, *size)) page.size = *s;
  }
  if (const auto* margins_entry = map->get("margins")) {
    if (const auto margins = r.map(*margins_entry, "margins", kMarginKeys)) {
      const auto set = [&](std::string_view key, double& field) {
        if (const auto v = number_in(r, *margins, key, kNonNegative)) field = core::mm(*v);
      };
      set("top", page.margin_top);
      set("bottom", page.margin_bottom);
      set("left", page.margin_left);
      set("right", page.margin_right);
    }
    const auto at = r.value_span(*margins_entry);
    if (page.margin_left + page.margin_right >= page.size.width) {
      r.error(at, "the left and right margins (" + mm_text(page.margin_left + page.margin_right) +
                      ") leave no room on a page " + mm_text(page.size.width) + " wide");
    }
    if (page.margin_top + page.margin_bottom >= page.size.height) {
      r.error(at, "the top and bottom margins (" + mm_text(page.margin_top + page.margin_bottom) +
                      ") leave no room on a page " + mm_text(page.size.height) + " high");
    }
  }
  if (const auto v = number_in(r, *map, "bleed", Range{0, 20})) page.bleed = core::mm(*v);
  if (const auto* crop = map->get("crop_marks")) {
    if (const auto b = r.boolean(*crop)) page.crop_marks = *b;
  }
}

void read_columns(source::YamlReader& r, const source::YamlEntry& entry, Theme& theme) {
  const auto map = r.map(entry, "columns", kColumnKeys);
  if (!map) return;
  if (const auto* count = map->get("count")) {
    if (const auto n = r.integer(*count)) {
      if (*n < 1 || *n > kMaxColumns) {
        r.error(r.value_span(*count), "'count' must be between 1 and " + std::to_string(kMaxColumns) +
                                          ", got " + source::describe(count->value));
      } else {
        theme.columns.count = static_cast<int>(*n);
      }
    }
  }
  if (const auto v = number_in(r, *map, "gutter", kNonNegative)) theme.columns.gutter = core::mm(*v);
  if (const auto* rule = map->get("rule")) {
    if (const auto b = r.boolean(*rule)) theme.columns.rule = *b;
  }
  if (const auto c = color_in(r, *map, "rule_color")) theme.columns.rule_color = *c;
  const PageGeometry& page = theme.page;
  const double measure = page.size.width - page.margin_left - page.margin_right;
  if (measure > 0 && theme.columns.gutter * (theme.columns.count - 1) >= measure) {
    r.error(map->span, std::to_string(theme.columns.count) + " columns with " +
                           mm_text(theme.columns.gutter) + " gutters do not fit in the " +
                           mm_text(measure) + " between the margins");
  }
}

void read_body(source::YamlReader& r, const source::YamlEntry& entry, Grid& grid) {
  const auto map = r.map(entry, "body", kBodyKeys);
  if (!map) return;
  if (const auto v = number_in(r, *map, "size", kBodySize)) grid.body_size = *v;
  if (const auto v = number_in(r, *map, "leading", Range{0, kLeading.max, true})) grid.leading = *v;
  if (grid.leading < grid.body_size) {
    r.warning(map->span, "the body leading (" + num(grid.leading) + " pt) is less than the body size (" +
                             num(grid.body_size) + " pt): lines will overlap");
  }
}

// Headline sizes by rank: a list of positive numbers, the lead story's first.
void read_headline_sizes(source::YamlReader& r, const source::YamlEntry& e, Makeup& makeup) {
  if (!e.value.IsSequence() || e.value.size() == 0) {
    r.type_error(r.value_span(e), "'headline_sizes'", "a list of type sizes in pt, lead story first", e.value);
    return;
  }
  source::YamlMap list;
  list.context = "headline_sizes";
  for (std::size_t i = 0; i < e.value.size(); ++i)
    list.entries.push_back({"headline_sizes item " + std::to_string(i + 1), e.key_node, e.value[i]});
  for (const auto& item : list.entries) {
    if (const auto v = number_in(r, list, item.key, Range{0, 200, true})) makeup.headline_sizes.push_back(*v);
  }
}

void read_makeup(source::YamlReader& r, const source::YamlEntry& entry, Makeup& makeup) {
  const auto map = r.map(entry, "makeup", kMakeupKeys);
  if (!map) return;
  if (const auto* pages = map->get("pages")) {
    makeup.pages_span = r.value_span(*pages);
    if (const auto n = r.integer(*pages)) {
      if (*n < 0 || *n > 1000) {
        r.error(r.value_span(*pages), "'pages' must be between 0 (as many as needed) and 1000, got " +
                                          source::describe(pages->value));
      } else {
        makeup.pages = static_cast<int>(*n);
      }
    }
  }
  if (const auto* sizes = map->get("headline_sizes")) read_headline_sizes(r, *sizes, makeup);
  // A share of the page's rows: a photo of none cannot be placed.
  constexpr Range kShare{0, 1, true};
  if (const auto v = number_in(r, *map, "photo_depth", kShare)) makeup.photo_depth = *v;
  if (const auto v = number_in(r, *map, "wide_photo_depth", kShare)) makeup.wide_photo_depth = *v;
}

void read_theme(source::YamlReader& r, Theme& theme) {
  const auto root = r.root_map("the layout", kThemeKeys);
  if (!root) return;
  if (const auto name = r.required_text(*root, "name")) theme.name = name->value;
  if (const auto* subject = root->get("subject")) {
    if (const auto text = r.text(*subject)) theme.subject = text->value;
  }
  if (const auto* page = root->get("page")) read_page(r, *page, theme.page);
  if (const auto* columns = root->get("columns")) read_columns(r, *columns, theme);
  if (const auto* body = root->get("body")) {
    theme.grid_span = r.value_span(*body);
    read_body(r, *body, theme.grid);
  }
  if (const auto* makeup = root->get("makeup")) read_makeup(r, *makeup, theme.makeup);
  if (const auto* styles = root->get("styles")) read_styles(r, *styles, theme);
  double han_latin = 0.25;
  if (const auto* e = root->get("han_latin_space")) {
    if (const auto i = r.choice(*e, kHanLatinSpaces)) han_latin = *i == 0 ? 0.25 : 0;
  }
  for (auto& st : theme.styles) st.han_latin_space = han_latin;
  // The folio's date is set solid whatever the body does: 2024年12月18日.
  theme.style(Role::Folio).han_latin_space = 0;
  theme.style(Role::Headline).headline = true;
  read_print(r, root->get("print"), theme);
}

}  // namespace

std::optional<double> number_in(source::YamlReader& r, const source::YamlMap& map, std::string_view key,
                                Range range) {
  const auto* e = map.get(key);
  if (!e) return std::nullopt;
  const auto v = r.number(*e);
  if (!v) return std::nullopt;
  const bool low = range.above_min ? *v <= range.min : *v < range.min;
  if (low || *v > range.max) {
    r.error(r.value_span(*e), source::quoted(key) + " " + range_rule(range) + ", got " +
                                  source::describe(e->value));
    return std::nullopt;
  }
  return v;
}

namespace {

// Bad input is reported, never thrown; what still escapes is our bug.
template <typename Load>
Theme guarded(const std::string& path, core::Diagnostics& diags, Load load) {
  Theme theme;
  theme.path = path;
  try {
    source::YamlReader reader(diags);
    if (load(reader)) read_theme(reader, theme);
  } catch (const std::exception& e) {
    diags.error(core::SourceSpan{path}, std::string("internal error while reading: ") + e.what());
  }
  return theme;
}

}  // namespace

Theme load_theme(const std::string& path, core::Diagnostics& diags) {
  return guarded(path, diags, [&](source::YamlReader& r) { return r.load_file(path); });
}

Theme load_theme_text(const std::string& text, const std::string& path, core::Diagnostics& diags) {
  return guarded(path, diags, [&](source::YamlReader& r) { return r.load_text(text, path); });
}

}  // namespace style
