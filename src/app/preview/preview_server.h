#pragma once
// `broadsheet preview` as an object: the render workers, the watcher and
// Poco's HTTP server over one folder. Start it, read port(), destroy it to
// stop. The end-to-end tests run it in-process on a free loopback port.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "app/common/pipeline.h"

namespace app::preview {

struct ServerOptions {
  std::filesystem::path dir = ".";        // the folder served
  std::string host = "127.0.0.1";         // address to bind
  std::uint16_t port = 8080;              // 0: any free port (see PreviewServer::port)
  std::size_t render_threads = 0;         // 0: half the cores, at least 1
  int poll_ms = 200;                      // how often the watcher looks for edits when not told of them
  std::string editor;                     // URL template to open a spot in an editor, "" for none
};

struct ServerCounters {
  std::uint64_t requests = 0, images = 0, client_errors = 0, server_errors = 0, renders = 0;
};

class PreviewServer {
 public:
  // Binds and starts serving; throws std::runtime_error when the folder is
  // not a folder or the address cannot be bound. `res` must outlive it.
  PreviewServer(const ServerOptions& options, const Resources& res);
  ~PreviewServer();
  PreviewServer(const PreviewServer&) = delete;
  PreviewServer& operator=(const PreviewServer&) = delete;

  std::uint16_t port() const;
  std::string url() const;  // "http://127.0.0.1:PORT/"
  const std::filesystem::path& root() const;
  ServerCounters counters() const;
  std::uint64_t version_polls() const;
  // True while edits are learnt from the kernel (inotify) rather than by
  // looking every poll_ms.
  bool told_of_changes() const;
  // True once every document has been rendered (or failed) at least once
  // and nothing is pending; waits up to `timeout_ms`.
  bool wait_idle(int timeout_ms) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace app::preview
