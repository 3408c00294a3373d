#pragma once
// What the preview answers to each request, independent of the HTTP library:
// a request (method, target, Host) in, a reply (status, headers, body) out.
#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "app/preview/preview_state.h"
#include "app/preview/preview_workers.h"
#include "app/preview/preview_zoom.h"
#include "source/input_file.h"

namespace app::preview {

struct Request {
  std::string method;  // "GET"
  std::string target;  // "/doc/a.yaml?debug=1", as sent
  std::string host;    // the Host header ("" when absent)
};

struct Reply {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::map<std::string, std::string> headers;
  std::string text;                            // the body when it is made for this reply…
  std::shared_ptr<const Rendered> keep;        // …or a view into a render kept alive here
  std::string_view view;
  std::shared_ptr<source::InputFile> file;     // …or a file streamed as it is read
  bool immutable = false;                      // addressed by content: cache forever

  std::string_view body() const { return keep ? view : std::string_view(text); }
};

// Counters for tests and the load report.
struct RouteStats {
  std::atomic<std::uint64_t> requests{0}, version_polls{0}, images{0}, client_errors{0}, server_errors{0};
};

struct Site {
  PreviewState& state;
  RenderWorkers& workers;
  std::filesystem::path root;  // canonical preview folder
  std::string folder_label;    // how the folder is shown
  bool loopback_only = true;   // refuse Host headers that are not loopback names (DNS rebinding)
  std::string bound_host;      // also accepted as a Host name
  RouteStats stats;
  std::string editor;  // an editor's URL template ("vscode://file/{file}:{line}:{column}"), "" for none
  ZoomImages zoom;     // page pictures at other resolutions
};

Reply route(Site& site, const Request& req);

}  // namespace app::preview
