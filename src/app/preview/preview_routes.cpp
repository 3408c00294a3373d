#include "app/preview/preview_routes.h"

#include <algorithm>
#include <charconv>

#include "app/common/input_stamp.h"
#include "app/preview/preview_api.h"
#include "app/preview/preview_host.h"
#include "app/preview/preview_html.h"
#include "app/preview/preview_json.h"
#include "app/preview/preview_paths.h"

namespace app::preview {
namespace {

using Segments = std::vector<std::string>;

// How long a long-poll for a change, and a wait for a debug-overlay render, may last.
constexpr std::chrono::milliseconds kPollHold{800};
constexpr std::chrono::seconds kOverlayWait{20};

Reply text_reply(int status, std::string body, std::string type = "text/html; charset=utf-8") {
  Reply r;
  r.status = status;
  r.text = std::move(body);
  r.content_type = std::move(type);
  return r;
}

Reply error_reply(int status, const std::string& reason, const std::string& detail) {
  return text_reply(status, error_page(status, reason, detail));
}

Reply not_found(const std::string& what = "no such page") { return error_reply(404, "Not Found", what); }

Reply bytes_reply(std::shared_ptr<const Rendered> r, std::string_view bytes, std::string type) {
  Reply out;
  out.content_type = std::move(type);
  out.keep = std::move(r);
  out.view = bytes;
  out.immutable = true;
  return out;
}

std::string join(const Segments& s, std::size_t from) {
  std::string out;
  for (std::size_t i = from; i < s.size(); ++i) out += (i > from ? "/" : "") + s[i];
  return out;
}

bool is_key(const std::string& s) {
  return s.size() == kFingerprintLength && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

// "3.png" → 3; 0 when it is anything else.
std::size_t page_number(const std::string& name, const std::string& ext) {
  if (name.size() <= ext.size() || name.compare(name.size() - ext.size(), ext.size(), ext) != 0) return 0;
  std::size_t n = 0;
  const char* end = name.data() + name.size() - ext.size();
  auto [p, ec] = std::from_chars(name.data(), end, n);
  return ec == std::errc() && p == end && name[0] != '0' ? n : 0;
}

// Host names a page on this machine is reached by. Anything else means a
// web page elsewhere got its name pointed at 127.0.0.1 (DNS rebinding).
bool host_allowed(const Site& site, const std::string& host_header) {
  if (!site.loopback_only || host_header.empty()) return true;
  return is_allowed_host(host_header, site.bound_host);
}

// Hidden files and folders (.git, .env…) are not the preview's to show,
// whatever name a symlink gives them.
bool is_hidden(const std::filesystem::path& root, const std::filesystem::path& real) {
  for (const auto& part : real.lexically_relative(root))
    if (part.native().starts_with('.')) return true;
  return false;
}

std::string file_type(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == ".yaml" || ext == ".yml" || ext == ".txt" || ext.empty()) return "text/plain; charset=utf-8";
  if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
  if (ext == ".png") return "image/png";
  if (ext == ".pdf") return "application/pdf";
  return "application/octet-stream";
}

Reply serve_file(const Site& site, const Segments& s) {
  for (std::size_t i = 1; i < s.size(); ++i)
    if (s[i][0] == '.') return not_found("no such file in the preview folder");
  const auto real = resolve_under(site.root, Segments(s.begin() + 1, s.end()));
  if (!real || is_hidden(site.root, *real)) return not_found("no such file in the preview folder");
  std::string why;
  auto file = source::InputFile::open(real->string(), why);
  if (!file) return not_found("file cannot be read");
  Reply r = text_reply(200, "", file_type(*real));
  r.file = std::make_shared<source::InputFile>(std::move(*file));
  r.headers["Content-Disposition"] = "inline";
  return r;
}

Reply serve_image(Site& site, const Segments& s, const std::string& query) {
  // /img/KEY/{page,thumb,debug}/N.png
  if (s.size() != 4 || !is_key(s[1])) return not_found();
  const std::string& variant = s[2];
  const std::size_t n = page_number(s[3], ".png");
  if (n == 0 || (variant != "page" && variant != "thumb" && variant != "debug")) return not_found();
  site.stats.images++;
  std::shared_ptr<const Rendered> r;
  if (variant == "debug") {
    r = site.state.find(s[1], true);
    if (!r) {
      auto base = site.state.find(s[1], false);
      if (!base || !base->ok) return not_found("no render with these inputs");
      site.workers.request(base->doc, true);  // drawn on demand: most pages are never viewed so
      r = site.state.wait_for(s[1], true, kOverlayWait);
      if (!r) {
        if (site.state.find(s[1], false) && site.state.document(base->doc) &&
            site.state.document(base->doc)->current == base) {
          Reply busy = error_reply(503, "Service Unavailable", "the overlay is still being drawn");
          busy.headers.insert_or_assign("Retry-After", std::string("1"));
          return busy;
        }
        return not_found("the document changed; reload the page");
      }
    }
  } else {
    r = site.state.find(s[1], false);
  }
  if (!r || !r->ok) return not_found("no render with these inputs");
  if (variant == "thumb") {
    if (n != 1 || r->thumbnail.empty()) return not_found();
    return bytes_reply(r, r->thumbnail, "image/png");
  }
  if (n > r->pages.size()) return not_found("no such page");
  if (const auto ppi = query_value(query, "ppi")) return serve_page_at_ppi(site, r, n, *ppi);
  return bytes_reply(r, r->pages[n - 1], "image/png");
}

Reply serve_pdf(Site& site, const Segments& s) {
  // /pdf/KEY/{page,debug}/NAME.pdf
  if (s.size() != 4 || !is_key(s[1]) || (s[2] != "page" && s[2] != "debug")) return not_found();
  const bool debug = s[2] == "debug";
  auto r = site.state.find(s[1], debug);
  if (!r && debug) {
    auto base = site.state.find(s[1], false);
    if (base && base->ok) {
      site.workers.request(base->doc, true);
      r = site.state.wait_for(s[1], true, kOverlayWait);
    }
  }
  if (!r || !r->ok) return not_found("no render with these inputs");
  Reply out = bytes_reply(r, r->pdf, "application/pdf");
  const std::string stem = std::filesystem::path(r->doc).stem().string() + (debug ? "-debug" : "");
  std::string ascii;
  for (char c : stem) ascii += (static_cast<unsigned char>(c) < 0x80 && c != '"' && c != '\\') ? c : '_';
  out.headers["Content-Disposition"] =
      "attachment; filename=\"" + ascii + ".pdf\"; filename*=UTF-8''" + percent_encode_path(stem) + ".pdf";
  return out;
}

// Every document's state, for scripts and the load test's staleness check.
Reply serve_status(const Site& site) {
  std::string out = "{\"version\":" + std::to_string(site.state.version()) + ",\"documents\":[";
  bool first = true;
  for (const auto& d : site.state.documents()) {
    out += std::string(first ? "" : ",") + "\n{\"id\":" + json_string(d.id) +
           ",\"pending\":" + (d.pending ? "true" : "false");
    first = false;
    if (const auto& r = d.current) {
      out += ",\"key\":" + json_string(r->key) + ",\"ok\":" + (r->ok ? "true" : "false") +
             ",\"title\":" + json_string(r->title) + ",\"layout\":" + json_string(r->layout) +
             ",\"pages\":" + std::to_string(r->pages.size()) + ",\"warnings\":" + std::to_string(r->count(false)) +
             ",\"errors\":" + std::to_string(r->count(true)) +
             ",\"render_ms\":" + std::to_string(static_cast<long long>(r->millis));
    }
    out += "}";
  }
  return text_reply(200, out + "]}\n", "application/json");
}

Reply serve_version(Site& site, const std::string& query) {
  site.stats.version_polls++;
  std::uint64_t since = 0;
  bool has_since = false;
  for (std::size_t at = 0; at < query.size();) {
    const std::size_t amp = query.find('&', at);
    const std::string pair = query.substr(at, amp == std::string::npos ? std::string::npos : amp - at);
    if (pair.rfind("since=", 0) == 0) {
      const char* b = pair.data() + 6;
      const char* e = pair.data() + pair.size();
      auto [p, ec] = std::from_chars(b, e, since);
      has_since = ec == std::errc() && p == e;
    }
    if (amp == std::string::npos) break;
    at = amp + 1;
  }
  // A short hold instead of an open stream (SSE): a reply comes at once on a
  // change, yet no connection stays busy for long, so many open tabs never
  // use up the browser's six connections to this host.
  const std::uint64_t v = has_since ? site.state.wait_version(since, kPollHold) : site.state.version();
  return text_reply(200, "{\"version\":" + std::to_string(v) + "}", "application/json");
}

Reply dispatch(Site& site, const Request& req, const Segments& s) {
  const std::string query = query_of(req.target);
  // The version is read before the state it labels: a change in between
  // then only costs the browser one extra refresh, never a missed one.
  if (s.empty()) {
    const auto version = site.state.version();
    return text_reply(200, index_page(site.state.documents(), site.folder_label, version));
  }
  const std::string& top = s[0];
  if (top == "doc" && s.size() >= 2) {
    const auto version = site.state.version();
    auto d = site.state.document(join(s, 1));
    if (!d) return not_found("no such document in the preview folder");
    return text_reply(200, document_page(*d, query_flag(query, "debug"), version, site.editor));
  }
  if (top == "fragment" && s.size() == 2 && s[1] == "index") {
    const auto version = site.state.version();
    return text_reply(200, index_fragment(site.state.documents(), version));
  }
  if (top == "fragment" && s.size() >= 3 && s[1] == "doc") {
    const auto version = site.state.version();
    auto d = site.state.document(join(s, 2));
    // Still a fragment, so an open page says so instead of going quiet.
    if (!d) return text_reply(404, gone_fragment(join(s, 2), version));
    return text_reply(200, document_fragment(*d, query_flag(query, "debug"), version));
  }
  if (top == "img") return serve_image(site, s, query);
  if (top == "pdf") return serve_pdf(site, s);
  if (top == "files" && s.size() >= 2) return serve_file(site, s);
  if (top == "api" && s.size() == 2 && s[1] == "version") return serve_version(site, query);
  if (top == "api" && s.size() == 2 && s[1] == "status") return serve_status(site);
  if (top == "api" && s.size() == 2 && s[1] == "locate") return serve_locate(site, query);
  if (top == "api" && s.size() == 2 && s[1] == "boxes") return serve_boxes(site, query);
  if (top == "static" && s.size() == 2 && s[1] == "preview.css") {
    return text_reply(200, std::string(preview_css()), "text/css; charset=utf-8");
  }
  if (top == "static" && s.size() == 2 && s[1] == "preview.js") {
    return text_reply(200, std::string(preview_js()), "text/javascript; charset=utf-8");
  }
  return not_found();
}

}  // namespace

Reply route(Site& site, const Request& req) {
  site.stats.requests++;
  Reply r;
  if (req.method != "GET" && req.method != "HEAD") {
    r = error_reply(405, "Method Not Allowed", "the preview only answers GET and HEAD");
    r.headers["Allow"] = "GET, HEAD";
  } else if (!host_allowed(site, req.host)) {
    r = error_reply(403, "Forbidden", "this preview answers only to localhost");
  } else if (req.target.empty() || req.target[0] != '/') {
    r = error_reply(400, "Bad Request", "request target must be a path");
  } else if (auto segments = split_request_path(req.target); !segments) {
    r = error_reply(403, "Forbidden", "path not allowed");
  } else {
    r = dispatch(site, req, *segments);
  }
  if (r.status >= 500) site.stats.server_errors++;
  else if (r.status >= 400) site.stats.client_errors++;
  return r;
}

}  // namespace app::preview
