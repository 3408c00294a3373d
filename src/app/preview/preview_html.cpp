#include "app/preview/preview_html.h"

#include <filesystem>

#include "app/preview/preview_json.h"
#include "app/preview/preview_paths.h"
#include "core/byte_order.h"

namespace app::preview {

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::pair<int, int> png_size(const std::string& png) {
  static const std::string kSignature = "\x89PNG\r\n\x1a\n";
  if (png.size() < 24 || png.compare(0, 8, kSignature) != 0) return {0, 0};
  return {static_cast<int>(core::read_be32(png, 16)), static_cast<int>(core::read_be32(png, 20))};
}

namespace {

std::string head(const std::string& title) {
  return "<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>" + html_escape(title) + "</title>"
         "<link rel=\"stylesheet\" href=\"/static/preview.css\">"
         "<script src=\"/static/preview.js\" defer></script></head>\n";
}

std::string doc_href(const std::string& id) { return "/doc/" + percent_encode_path(id); }

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string img_tag(const std::string& src, const std::string& png, const std::string& alt) {
  const auto [w, h] = png_size(png);
  std::string tag = "<img src=\"" + src + "\" alt=\"" + html_escape(alt) + "\"";
  if (w > 0) tag += " width=\"" + std::to_string(w) + "\" height=\"" + std::to_string(h) + "\"";
  return tag + ">";
}

std::string messages_list(const Rendered& r, bool errors) {
  std::string out;
  for (const auto& m : r.messages)
    if (m.error == errors) out += html_escape(m.text) + "\n";
  return out;
}

// The layout a document names; while its YAML does not read, the one its
// last good render used (what the document says, not the default).
std::string shown_layout(const DocStatus& d) {
  const auto& r = d.current;
  if (!r->layout_known && d.last_good) return d.last_good->layout;
  return r->layout;
}

// Layout, page count and warning count: the facts both pages show.
std::string facts(const Rendered& r, const std::string& layout) {
  std::string out = "<span class=\"layout\">layout " + html_escape(layout) + "</span>";
  if (r.ok) out += "<span class=\"pages-count\">" + plural(r.pages.size(), "page", "pages") + "</span>";
  const std::size_t warnings = r.count(false), errors = r.count(true);
  if (errors) out += "<span class=\"errors-count\">" + plural(errors, "error", "errors") + "</span>";
  out += "<span class=\"warnings-count" + std::string(warnings ? " some" : "") + "\">" +
         plural(warnings, "warning", "warnings") + "</span>";
  return out;
}

std::string index_item(const DocStatus& d) {
  const auto& r = d.current;
  std::string cls = "doc";
  if (d.pending || !r) cls += " pending";
  if (r && !r->ok) cls += " failed";
  std::string out = "<li class=\"" + cls + "\">";
  out += "<a class=\"thumb\" href=\"" + doc_href(d.id) + "\">";
  if (r && r->ok) {
    out += img_tag("/img/" + r->key + "/thumb/1.png", r->thumbnail, "first page of " + d.id);
  } else if (r && d.last_good) {
    out += "<span class=\"stale\">" +
           img_tag("/img/" + d.last_good->key + "/thumb/1.png", d.last_good->thumbnail,
                   "first page of " + d.id + " at its last good render") +
           "<span class=\"stale-label\">does not load</span></span>";
  } else if (r) {
    out += "<span class=\"placeholder bad\">does not load</span>";
  } else {
    out += "<span class=\"placeholder\">rendering…</span>";
  }
  out += "</a><div class=\"meta\"><a class=\"name\" href=\"" + doc_href(d.id) + "\">" + html_escape(d.id) + "</a>";
  if (r && !r->title.empty()) out += "<div class=\"title\">" + html_escape(r->title) + "</div>";
  if (r) out += "<div class=\"facts\">" + facts(*r, shown_layout(d)) + "</div>";
  if (d.pending && r) out += "<div class=\"status\">updating…</div>";
  if (r && !r->ok) out += "<pre class=\"errors\">" + messages_list(*r, true) + "</pre>";
  if (r && r->count(false)) {
    out += "<details class=\"warnings\"><summary>" + plural(r->count(false), "warning", "warnings") +
           "</summary><pre>" + messages_list(*r, false) + "</pre></details>";
  }
  return out + "</div></li>\n";
}

std::string body_open(const std::string& fragment_url, std::uint64_t version, const std::string& more = "") {
  return "<body data-fragment=\"" + fragment_url + "\" data-version=\"" + std::to_string(version) + "\"" + more +
         ">\n";
}

}  // namespace

std::string index_fragment(const std::vector<DocStatus>& docs, std::uint64_t version) {
  std::string out = "<main id=\"live\" data-version=\"" + std::to_string(version) + "\">";
  if (docs.empty()) {
    out += "<p class=\"empty\">No documents (*.yaml) in this folder.</p>";
  } else {
    out += "<p class=\"summary\">" + plural(docs.size(), "document", "documents") + "</p><ul class=\"docs\">\n";
    for (const auto& d : docs) out += index_item(d);
    out += "</ul>";
  }
  return out + "</main>\n";
}

std::string index_page(const std::vector<DocStatus>& docs, const std::string& folder, std::uint64_t version) {
  return head("broadsheet preview — " + folder) + body_open("/fragment/index", version) +
         "<header class=\"bar\"><h1>broadsheet preview</h1><span class=\"folder\">" + html_escape(folder) +
         "</span><span class=\"live-dot\" title=\"live reload\"></span></header>\n" +
         index_fragment(docs, version) + "</body></html>\n";
}

namespace {

// One message as a list entry the page can link to its spot: position and
// message on the first line, the source excerpt under it.
std::string message_item(const PreviewMessage& m) {
  const auto newline = m.text.find('\n');
  std::string out = "<li class=\"" + std::string(m.error ? "error" : "warning") + "\"";
  if (m.line > 0) {
    out += " data-file=\"" + html_escape(m.file) + "\" data-line=\"" + std::to_string(m.line) +
           "\" data-column=\"" + std::to_string(m.column) + "\" tabindex=\"0\"";
  }
  out += "><span class=\"text\">" + html_escape(m.text.substr(0, newline)) + "</span>";
  if (newline != std::string::npos) out += "<pre class=\"excerpt\">" + html_escape(m.text.substr(newline + 1)) + "</pre>";
  return out + "</li>";
}

std::string message_items(const Rendered& r, bool errors) {
  std::string out;
  for (const auto& m : r.messages)
    if (m.error == errors) out += message_item(m);
  return out;
}

// The pictures of `r`'s pages, each with what the page script needs to turn
// a click into points: the picture's size in pt and the trim margin.
std::string page_figures(const Rendered& r, bool debug) {
  std::string out;
  for (std::size_t i = 0; i < r.pages.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    std::string geometry;
    if (i < r.sources.pages.size()) {
      const auto& p = r.sources.pages[i];
      geometry = " data-width=\"" + json_number(p.size.width + 2 * p.margin) + "\" data-height=\"" +
                 json_number(p.size.height + 2 * p.margin) + "\" data-margin=\"" + json_number(p.margin) + "\"";
    }
    out += "<figure class=\"page\" id=\"page-" + n + "\" data-page=\"" + n + "\"" + geometry +
           "><div class=\"sheet\">" +
           img_tag("/img/" + r.key + "/" + (debug ? "debug" : "page") + "/" + n + ".png", r.pages[i], "page " + n) +
           "</div><figcaption>page " + n + "</figcaption></figure>";
  }
  return out;
}

// The pages: the current render's, or, while the document does not load,
// the last good ones, dimmed.
std::string pages_part(const DocStatus& d, bool debug, std::uint64_t version) {
  std::string out = "<main id=\"live\" data-version=\"" + std::to_string(version) + "\">";
  const auto& r = d.current;
  if (!r) return out + "<p class=\"status\">rendering…</p></main>\n";
  const std::string stem = std::filesystem::path(d.id).stem().string();
  out += "<div class=\"facts\">" + facts(*r, shown_layout(d));
  if (r->ok) {
    const std::string pdf = "/pdf/" + r->key + "/" + std::string(debug ? "debug" : "page") + "/" +
                            percent_encode_path(stem) + ".pdf";
    out += "<a class=\"download\" href=\"" + pdf + "\" download>Download PDF" +
           std::string(debug ? " (with overlay)" : "") + "</a>";
  }
  out += "<a class=\"source\" href=\"/files/" + percent_encode_path(d.id) + "\">YAML</a></div>";
  if (d.pending) out += "<p class=\"status\">updating…</p>";
  if (r->ok) return out + "<div class=\"pages" + std::string(debug ? " debug" : "") + "\" data-count=\"" +
                    std::to_string(r->pages.size()) + "\">" + page_figures(*r, debug) + "</div></main>\n";
  if (!d.last_good) return out + "<p class=\"stale-note\">No page of this document has rendered yet.</p></main>\n";
  // The overlay is drawn only for the current inputs, so the old pages come plain.
  return out + "<p class=\"stale-note\">The document does not load: these are its last good pages.</p>" +
         "<div class=\"pages stale\" data-count=\"" + std::to_string(d.last_good->pages.size()) + "\">" +
         page_figures(*d.last_good, false) + "</div></main>\n";
}

// Beside the pages: the errors while the document does not load, and its warnings.
std::string side_part(const DocStatus& d) {
  std::string out = "<div id=\"live-side\">";
  const auto& r = d.current;
  if (!r) return out + "</div>";
  if (!r->ok) {
    out += "<section class=\"errors\"><h2>" + html_escape(d.id) + " does not load</h2><ul class=\"messages\">" +
           message_items(*r, true) + "</ul></section>";
  }
  const std::size_t warnings = r->count(false);
  out += "<section class=\"warnings-panel\"><h2>" + plural(warnings, "warning", "warnings") + "</h2>";
  if (warnings) out += "<ul class=\"messages\">" + message_items(*r, false) + "</ul>";
  return out + "</section></div>";
}

std::string tools_bar(bool debug) {
  return "<nav class=\"tools\" id=\"tools\"><span class=\"group zoom\" role=\"group\" aria-label=\"zoom\">"
         "<button type=\"button\" data-zoom=\"fit\">Fit width</button>"
         "<button type=\"button\" data-zoom=\"1\">100 %</button>"
         "<button type=\"button\" data-zoom=\"2\">200 %</button></span>"
         "<span class=\"group nav\" role=\"group\" aria-label=\"pages\">"
         "<button type=\"button\" id=\"prev-page\" title=\"previous page (p)\">◀</button>"
         "<label>page <input id=\"page-no\" type=\"number\" min=\"1\" value=\"1\"></label>"
         "<span id=\"page-count\"></span>"
         "<button type=\"button\" id=\"next-page\" title=\"next page (n)\">▶</button></span>"
         "<span class=\"legend" + std::string(debug ? "" : " hidden") + "\" id=\"legend\">"
         "<span><i class=\"sw grid\"></i>baseline grid</span>"
         "<span><i class=\"sw column\"></i>column frame</span>"
         "<span><i class=\"sw item\"></i>item box (its grid rows)</span>"
         "<span><i class=\"sw missing\"></i>character no font has</span></span>"
         "<span class=\"hint\">click the page to find its YAML line</span></nav>\n";
}

std::string source_panel() {
  return "<section class=\"source-panel\" id=\"source-panel\"><h2>Source</h2>"
         "<p class=\"where\" id=\"source-where\">Click a spot on a page, a warning or an error.</p>"
         "<ol class=\"yaml\" id=\"source-lines\"></ol>"
         "<p class=\"open\"><a id=\"open-editor\" class=\"hidden\" href=\"#\">open in editor</a></p>"
         "<details class=\"editor-setting\"><summary>editor link</summary>"
         "<input id=\"editor-url\" type=\"text\" spellcheck=\"false\" "
         "placeholder=\"vscode://file/{file}:{line}:{column}\"></details></section>";
}

}  // namespace

std::string document_fragment(const DocStatus& d, bool debug, std::uint64_t version) {
  return pages_part(d, debug, version) + side_part(d);
}

std::string document_page(const DocStatus& d, bool debug, std::uint64_t version, const std::string& editor) {
  return head(d.id + " — broadsheet preview") + body_open("/fragment/doc/" + percent_encode_path(d.id), version,
                                                          " data-doc=\"" + html_escape(d.id) + "\" data-editor=\"" +
                                                              html_escape(editor) + "\"") +
         "<header class=\"bar\"><a class=\"back\" href=\"/\">← all documents</a><h1>" + html_escape(d.id) +
         "</h1><label class=\"toggle\"><input type=\"checkbox\" id=\"debug\"" + (debug ? " checked" : "") +
         "> debug overlay (columns, grid, boxes)</label><span class=\"live-dot\" title=\"live reload\"></span>"
         "</header>\n" + tools_bar(debug) + "<div class=\"workspace\">" + pages_part(d, debug, version) +
         "<aside class=\"side\">" + side_part(d) + source_panel() + "</aside></div></body></html>\n";
}

std::string gone_fragment(const std::string& id, std::uint64_t version) {
  return "<main id=\"live\" data-version=\"" + std::to_string(version) + "\"><section class=\"errors\"><h2>" +
         html_escape(id) + " is no longer in the preview folder</h2></section></main>\n";
}

std::string error_page(int status, const std::string& reason, const std::string& detail) {
  std::string title = std::to_string(status);
  title += ' ';
  title += reason;
  std::string out = head(title);
  out += "<body><header class=\"bar\"><a class=\"back\" href=\"/\">← all documents</a><h1>";
  out += html_escape(title);
  out += "</h1></header><main><p>";
  out += html_escape(detail);
  out += "</p></main></body></html>\n";
  return out;
}

}  // namespace app::preview
