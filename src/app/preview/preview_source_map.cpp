#include "app/preview/preview_source_map.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "layout/page_grid.h"
#include "render/pdf/page_geometry.h"

namespace app::preview {
namespace {

// A click this close to an item (pt) still finds it: the gaps between lines
// and around punctuation are part of the text to a reader.
constexpr double kSlack = 4;

// The em box of a run: what a reader sees as the line's characters.
core::Rect run_box(const frame::GlyphRun& run) {
  double left = std::numeric_limits<double>::max(), right = std::numeric_limits<double>::lowest();
  for (const auto& g : run.glyphs) {
    left = std::min(left, g.x);
    right = std::max(right, g.x + g.advance);
  }
  const double top = run.baseline - layout::kEmAscent * run.size;
  return {left, top, std::max(0.0, right - left), run.size};
}

std::optional<core::Rect> item_box(const frame::Item& item) {
  if (const auto* run = std::get_if<frame::GlyphRun>(&item)) {
    if (run->glyphs.empty()) return std::nullopt;
    return run_box(*run);
  }
  if (const auto* image = std::get_if<frame::Image>(&item)) return image->box;
  if (const auto* box = std::get_if<frame::Box>(&item)) return box->rect;
  return std::nullopt;
}

const core::SourceSpan* item_span(const frame::Item& item) {
  if (const auto* run = std::get_if<frame::GlyphRun>(&item)) return &run->span;
  if (const auto* image = std::get_if<frame::Image>(&item)) return &image->span;
  if (const auto* box = std::get_if<frame::Box>(&item)) return &box->span;
  return nullptr;
}

// What an item is when the document does not say (a value the model does not list).
const char* fallback_kind(const frame::Item& item) {
  if (std::holds_alternative<frame::Image>(item)) return "photo";
  if (std::holds_alternative<frame::GlyphRun>(item)) return "text";
  return "box";
}

double distance(const core::Rect& r, double x, double y) {
  const double dx = std::max({r.x - x, 0.0, x - r.right()});
  const double dy = std::max({r.y - y, 0.0, y - r.bottom()});
  return std::hypot(dx, dy);
}

}  // namespace

SourceKinds::SourceKinds(const model::Document& doc) {
  for (const auto* folio : {&doc.meta.paper, &doc.meta.edition, &doc.meta.date, &doc.meta.title})
    add(folio->span, "folio");
  for (const auto& a : doc.articles) {
    add(a.span, "article");
    for (const auto& part : a.head_parts()) add(part.text->span, part.key);
    for (const auto& t : a.lead) add(t.span, "lead");
    for (const auto& s : a.sections) {
      add(s.span, "section");
      for (const auto& t : s.heading) add(t.span, "heading");
      for (const auto& t : s.paragraphs) add(t.span, "paragraph");
    }
    for (const auto& h : a.highlights) {
      add(h.span, "highlight");
      for (const auto* t : {&h.value, &h.unit, &h.label}) add(t->span, "highlight");
    }
    for (const auto& p : a.photos) {
      add(p.where, "photo");
      add(p.src.span, "photo");
      add(p.caption.span, "caption");
      add(p.credit.span, "credit");
    }
    add(a.byline.span, "byline");
  }
}

void SourceKinds::add(const core::SourceSpan& span, const char* kind) {
  if (span.known()) entries_.push_back({span.file, span.line, span.column, kind});
}

std::string SourceKinds::kind_at(const core::SourceSpan& span) const {
  const Entry* best = nullptr;
  for (const auto& e : entries_) {
    if (e.line != span.line || e.column > span.column || e.file != span.file) continue;
    if (!best || e.column >= best->column) best = &e;
  }
  return best ? best->kind : std::string();
}

SourceMap map_sources(const frame::Publication& pub, const SourceKinds& kinds) {
  SourceMap map;
  map.pages.reserve(pub.pages.size());
  for (const auto& page : pub.pages) {
    PageSources out;
    out.size = page.size;
    out.margin = render::pdf::page_geometry(page).margin;
    for (const auto& item : page.items) {
      const auto* span = item_span(item);
      const auto box = item_box(item);
      if (!span || !span->known() || !box) continue;
      std::string kind = kinds.kind_at(*span);
      if (kind.empty()) kind = fallback_kind(item);
      out.items.push_back({*box, *span, std::move(kind)});
    }
    map.pages.push_back(std::move(out));
  }
  return map;
}

std::optional<PlacedSource> locate(const SourceMap& map, std::size_t page, double x, double y) {
  if (page >= map.pages.size()) return std::nullopt;
  const PlacedSource* best = nullptr;
  double best_area = 0, best_distance = kSlack;
  for (const auto& item : map.pages[page].items) {
    const double d = distance(item.box, x, y);
    const double area = item.box.width * item.box.height;
    // Inside beats near; among boxes holding the point the smallest (the
    // caption's text, not the photo's background) is what was clicked.
    if (d > best_distance || (d == 0 && best && best_distance == 0 && area >= best_area)) continue;
    best = &item;
    best_distance = d;
    best_area = area;
  }
  if (!best) return std::nullopt;
  return *best;
}

std::vector<PlacedBox> boxes_of_line(const SourceMap& map, const std::string& file, int line, int column) {
  std::vector<PlacedBox> all, exact;
  for (std::size_t p = 0; p < map.pages.size(); ++p) {
    for (const auto& item : map.pages[p].items) {
      if (item.span.line != line || item.span.file != file) continue;
      all.push_back({p, item});
      if (column > 0 && item.span.column == column) exact.push_back({p, item});
    }
  }
  return exact.empty() ? all : exact;
}

}  // namespace app::preview
