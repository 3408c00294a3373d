#include "app/preview/preview_command.h"

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <pthread.h>

#include "app/common/arguments.h"
#include "app/common/exit_code.h"
#include "app/common/pipeline.h"
#include "app/preview/preview_server.h"

namespace app {

PreviewArgs parse_preview_args(const std::vector<std::string>& args) {
  PreviewArgs out;
  if (const char* editor = std::getenv("BROADSHEET_EDITOR")) out.editor = editor;
  Arguments a(args);
  if (auto host = a.value("--host", false)) out.host = *host;
  if (auto editor = a.value("--editor", false)) out.editor = *editor;
  if (auto port = a.value("--port")) {
    const auto n = parse_integer(*port);
    if (!n || *n < 0 || *n > 65535) throw UsageError("--port wants a number from 0 to 65535, not '" + *port + "'");
    out.port = static_cast<std::uint16_t>(*n);
  }
  const auto operands = a.operands();
  if (operands.size() > 1) throw UsageError("preview takes one folder");
  if (!operands.empty()) out.dir = operands.front();
  return out;
}

namespace {

// Blocks SIGINT and SIGTERM in this thread (and so in every thread started
// from it) for its lifetime, so that sigwait() can take them in order.
class BlockedSignals {
 public:
  BlockedSignals() {
    sigemptyset(&set_);
    sigaddset(&set_, SIGINT);
    sigaddset(&set_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set_, &old_);
  }
  ~BlockedSignals() { pthread_sigmask(SIG_SETMASK, &old_, nullptr); }
  BlockedSignals(const BlockedSignals&) = delete;
  BlockedSignals& operator=(const BlockedSignals&) = delete;

  int wait() const {
    int sig = 0;
    sigwait(&set_, &sig);
    return sig;
  }

 private:
  sigset_t set_{}, old_{};
};

}  // namespace

int run_preview_command(const std::vector<std::string>& args) {
  std::optional<PreviewArgs> parsed;
  try {
    parsed = parse_preview_args(args);
  } catch (const UsageError& e) {
    return print_usage_error("preview", e.what());
  }
  std::error_code ec;
  if (!std::filesystem::is_directory(parsed->dir, ec)) {
    std::cerr << "broadsheet: error: '" << parsed->dir << "' is not a folder\n";
    return kInputError;
  }
  core::Diagnostics diags;
  const Resources res = load_resources(diags);
  if (diags.has_errors()) {
    std::cerr << core::format_with_source(diags);
    return kInputError;
  }

  BlockedSignals signals;  // before any thread starts
  preview::ServerOptions options;
  options.dir = parsed->dir;
  options.host = parsed->host;
  options.port = parsed->port;
  options.editor = parsed->editor;
  std::unique_ptr<preview::PreviewServer> server;
  try {
    server = std::make_unique<preview::PreviewServer>(options, res);
  } catch (const std::exception& e) {
    std::cerr << "broadsheet: error: " << e.what() << '\n';
    return kOutputError;
  }
  std::cout << "broadsheet preview: serving " << server->root().string() << " at " << server->url()
            << "  (Ctrl-C to stop)" << std::endl;
  if (parsed->host != "127.0.0.1" && parsed->host != "localhost" && parsed->host != "::1") {
    std::cerr << "broadsheet: warning: --host " << parsed->host
              << " may make the preview and the files under the folder reachable from other machines\n";
  }
  signals.wait();
  std::cout << "broadsheet preview: stopping" << std::endl;
  server.reset();
  return kOk;
}

}  // namespace app
