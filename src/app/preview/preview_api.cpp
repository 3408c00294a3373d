#include "app/preview/preview_api.h"

#include <charconv>
#include <cmath>
#include <optional>

#include "app/preview/preview_json.h"
#include "app/preview/preview_paths.h"

namespace app::preview {
namespace {

// Lines of YAML shown on each side of the one a spot comes from.
constexpr int kContextLines = 3;

Reply json_reply(int status, std::string body) {
  Reply r;
  r.status = status;
  r.text = std::move(body) + "\n";
  r.content_type = "application/json";
  return r;
}

Reply json_error(int status, const std::string& message) {
  return json_reply(status, "{\"error\":" + json_string(message) + "}");
}

template <typename T>
std::optional<T> number(const std::optional<std::string>& text) {
  if (!text || text->empty()) return std::nullopt;
  T v{};
  const char* end = text->data() + text->size();
  auto [p, ec] = std::from_chars(text->data(), end, v);
  if (ec != std::errc() || p != end) return std::nullopt;
  if constexpr (std::is_floating_point_v<T>) {
    if (!std::isfinite(v)) return std::nullopt;
  }
  return v;
}

std::string box_json(const core::Rect& b) {
  return "\"x\":" + json_number(b.x) + ",\"y\":" + json_number(b.y) + ",\"width\":" + json_number(b.width) +
         ",\"height\":" + json_number(b.height);
}

// Lines around `line` of the document's text as rendered: {"first": N, "lines": [...]}.
std::string context_json(const std::string& text, int line) {
  const int first = std::max(1, line - kContextLines), last = line + kContextLines;
  std::string lines;
  int n = 1;
  std::size_t at = 0;
  while (at <= text.size() && n <= last) {
    std::size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    if (n >= first) {
      std::string l = text.substr(at, end - at);
      if (!l.empty() && l.back() == '\r') l.pop_back();
      lines += std::string(lines.empty() ? "" : ",") + json_string(l);
    }
    if (end == text.size()) break;
    at = end + 1;
    ++n;
  }
  return "{\"first\":" + std::to_string(first) + ",\"lines\":[" + lines + "]}";
}

struct DocumentRender {
  DocStatus doc;
  std::shared_ptr<const Rendered> render;
};

// The document the query's `doc=` names and the render its page shows
// (without `need_pages`, also a document that never rendered a page).
std::optional<DocumentRender> find_document(const Site& site, const std::string& query, bool need_pages,
                                            Reply& failure) {
  const auto id = query_value(query, "doc");
  if (!id) {
    failure = json_error(400, "doc= names no document");
    return std::nullopt;
  }
  auto d = site.state.document(*id);
  if (!d) {
    failure = json_error(404, "no such document in the preview folder: " + *id);
    return std::nullopt;
  }
  auto r = shown_render(*d);
  if (!r && !need_pages && d->current) r = d->current;
  if (!r) {
    failure = json_error(404, d->current ? "the document does not load" : "the document is still rendering");
    return std::nullopt;
  }
  return DocumentRender{std::move(*d), std::move(r)};
}

// `text`: the YAML the lines around the position are taken from.
std::string position_json(const Site& site, const DocumentRender& dr, const core::SourceSpan& span,
                          const std::string& text) {
  std::string out = "\"file\":" + json_string(relative_to(span.file.path(), site.root.string())) +
                    ",\"line\":" + std::to_string(span.line) + ",\"column\":" + std::to_string(span.column) +
                    ",\"path\":" + json_string(span.file.path());
  if (span.file == dr.doc.path) out += ",\"context\":" + context_json(text, span.line);
  return out + ",\"stale\":" + (dr.render == dr.doc.current ? "false" : "true");
}

}  // namespace

std::shared_ptr<const Rendered> shown_render(const DocStatus& d) {
  if (d.current && d.current->ok) return d.current;
  return d.last_good;
}

Reply serve_locate(Site& site, const std::string& query) {
  Reply failure;
  const auto dr = find_document(site, query, true, failure);
  if (!dr) return failure;
  const auto page = number<std::size_t>(query_value(query, "page"));
  const auto x = number<double>(query_value(query, "x"));
  const auto y = number<double>(query_value(query, "y"));
  if (!page || !x || !y || *page == 0) return json_error(400, "locate wants page=N (from 1), x= and y= in pt");
  const auto& pages = dr->render->sources.pages;
  if (*page > pages.size()) return json_error(404, "the document has " + std::to_string(pages.size()) + " pages");
  const auto found = locate(dr->render->sources, *page - 1, *x, *y);
  if (!found) {
    return json_reply(404, "{\"error\":\"nothing from the document is drawn here\",\"page\":" +
                               std::to_string(*page) + ",\"x\":" + json_number(*x) + ",\"y\":" + json_number(*y) + "}");
  }
  // The lines of the text the clicked pages were made from.
  return json_reply(200, "{" + position_json(site, *dr, found->span, dr->render->yaml) + ",\"kind\":" + json_string(found->kind) +
                             ",\"page\":" + std::to_string(*page) + ",\"box\":{" + box_json(found->box) + "}}");
}

Reply serve_boxes(Site& site, const std::string& query) {
  Reply failure;
  const auto dr = find_document(site, query, false, failure);
  if (!dr) return failure;
  const auto line = number<int>(query_value(query, "line"));
  if (!line || *line < 1) return json_error(400, "boxes wants line=N (from 1)");
  const auto column = number<int>(query_value(query, "column"));
  const auto file = query_value(query, "file");
  // Files are named as in messages: relative to the preview folder.
  const std::string path = !file || file->empty() || *file == dr->doc.id ? dr->doc.path
                                                                          : (site.root / *file).string();
  std::string boxes;
  for (const auto& b : boxes_of_line(dr->render->sources, path, *line, column.value_or(0))) {
    boxes += std::string(boxes.empty() ? "" : ",") + "{\"page\":" + std::to_string(b.page + 1) + "," +
             box_json(b.item.box) + ",\"kind\":" + json_string(b.item.kind) +
             ",\"column\":" + std::to_string(b.item.span.column) + "}";
  }
  core::SourceSpan span{path, *line, column.value_or(0)};
  // A line named by a message: the lines of the text as it is now (which
  // may not load), the boxes from the pages shown.
  const std::string& text = dr->doc.current ? dr->doc.current->yaml : dr->render->yaml;
  return json_reply(200, "{" + position_json(site, *dr, span, text) + ",\"boxes\":[" + boxes + "]}");
}

Reply serve_page_at_ppi(Site& site, const std::shared_ptr<const Rendered>& r, std::size_t n, const std::string& ppi) {
  const auto value = number<int>(std::optional<std::string>(ppi));
  if (!value || *value < kMinPpi || *value > kMaxPpi) {
    Reply bad;
    bad.status = 400;
    bad.content_type = "text/plain; charset=utf-8";
    bad.text = "ppi must be a whole number from " + std::to_string(kMinPpi) + " to " + std::to_string(kMaxPpi) + "\n";
    return bad;
  }
  Reply out;
  out.content_type = "image/png";
  out.immutable = true;
  if (*value == static_cast<int>(kPageDpi)) {
    out.keep = r;
    out.view = r->pages[n - 1];
    return out;
  }
  if (const auto png = site.zoom.page(r, n - 1, *value)) {
    out.text = *png;
    return out;
  }
  // Too many pictures asked for at once: the screen one now (not kept by
  // the browser, so the next look asks again) rather than a sharp one late.
  out.immutable = false;
  out.keep = r;
  out.view = r->pages[n - 1];
  return out;
}

}  // namespace app::preview
