#include "app/preview_html.h"

#include <filesystem>

#include "app/preview_paths.h"

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
  auto be32 = [&](std::size_t at) {
    int v = 0;
    for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(png[at + i]);
    return v;
  };
  return {be32(16), be32(20)};
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

// Layout, page count and warning count: the facts both pages show.
std::string facts(const Rendered& r) {
  std::string out = "<span class=\"layout\">layout " + html_escape(r.layout) + "</span>";
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
  } else if (r) {
    out += "<span class=\"placeholder bad\">does not load</span>";
  } else {
    out += "<span class=\"placeholder\">rendering…</span>";
  }
  out += "</a><div class=\"meta\"><a class=\"name\" href=\"" + doc_href(d.id) + "\">" + html_escape(d.id) + "</a>";
  if (r && !r->title.empty()) out += "<div class=\"title\">" + html_escape(r->title) + "</div>";
  if (r) out += "<div class=\"facts\">" + facts(*r) + "</div>";
  if (d.pending && r) out += "<div class=\"status\">updating…</div>";
  if (r && !r->ok) out += "<pre class=\"errors\">" + messages_list(*r, true) + "</pre>";
  if (r && r->count(false)) {
    out += "<details class=\"warnings\"><summary>" + plural(r->count(false), "warning", "warnings") +
           "</summary><pre>" + messages_list(*r, false) + "</pre></details>";
  }
  return out + "</div></li>\n";
}

std::string body_open(const std::string& fragment_url, std::uint64_t version) {
  return "<body data-fragment=\"" + fragment_url + "\" data-version=\"" + std::to_string(version) + "\">\n";
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

std::string document_fragment(const DocStatus& d, bool debug, std::uint64_t version) {
  std::string out = "<main id=\"live\" data-version=\"" + std::to_string(version) + "\">";
  const auto& r = d.current;
  if (!r) return out + "<p class=\"status\">rendering…</p></main>\n";
  const std::string stem = std::filesystem::path(d.id).stem().string();
  out += "<div class=\"facts\">" + facts(*r);
  if (r->ok) {
    const std::string pdf = "/pdf/" + r->key + "/" + std::string(debug ? "debug" : "page") + "/" +
                            percent_encode_path(stem) + ".pdf";
    out += "<a class=\"download\" href=\"" + pdf + "\" download>Download PDF" +
           std::string(debug ? " (with overlay)" : "") + "</a>";
  }
  out += "<a class=\"source\" href=\"/files/" + percent_encode_path(d.id) + "\">YAML</a></div>";
  if (d.pending) out += "<p class=\"status\">updating…</p>";
  if (!r->ok) {
    out += "<section class=\"errors\"><h2>" + html_escape(d.id) + " does not load</h2><pre>" +
           messages_list(*r, true) + "</pre>";
    if (r->count(false)) out += "<pre class=\"warnings\">" + messages_list(*r, false) + "</pre>";
    return out + "</section></main>\n";
  }
  if (r->count(false)) out += "<pre class=\"warnings\">" + messages_list(*r, false) + "</pre>";
  out += "<div class=\"pages" + std::string(debug ? " debug" : "") + "\">";
  for (std::size_t i = 0; i < r->pages.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    out += "<figure class=\"page\">" +
           img_tag("/img/" + r->key + "/" + (debug ? "debug" : "page") + "/" + n + ".png", r->pages[i],
                   "page " + n) +
           "<figcaption>page " + n + "</figcaption></figure>";
  }
  return out + "</div></main>\n";
}

std::string document_page(const DocStatus& d, bool debug, std::uint64_t version) {
  return head(d.id + " — broadsheet preview") + body_open("/fragment/doc/" + percent_encode_path(d.id), version) +
         "<header class=\"bar\"><a class=\"back\" href=\"/\">← all documents</a><h1>" + html_escape(d.id) +
         "</h1><label class=\"toggle\"><input type=\"checkbox\" id=\"debug\"" + (debug ? " checked" : "") +
         "> debug overlay (columns, grid, boxes)</label><span class=\"live-dot\" title=\"live reload\"></span>"
         "</header>\n" +
         document_fragment(d, debug, version) + "</body></html>\n";
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
