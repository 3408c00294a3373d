#include "app/preview/preview_command.h"

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <pthread.h>

#include "app/common/exit_code.h"
#include "app/common/pipeline.h"
#include "app/preview/preview_server.h"

namespace app {

std::optional<PreviewArgs> parse_preview_args(const std::vector<std::string>& args, std::string& error) {
  PreviewArgs out;
  if (const char* editor = std::getenv("BROADSHEET_EDITOR")) out.editor = editor;
  bool have_dir = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    std::string name = a, value;
    bool has_value = false;
    if (a.rfind("--", 0) == 0 && a.find('=') != std::string::npos) {
      name = a.substr(0, a.find('='));
      value = a.substr(a.find('=') + 1);
      has_value = true;
    }
    if (name == "--port" || name == "--host" || name == "--editor") {
      if (!has_value) {
        if (i + 1 >= args.size()) {
          error = name + " needs a value";
          return std::nullopt;
        }
        value = args[++i];
      }
      if (name == "--host" || name == "--editor") {
        if (value.empty()) {
          error = name + " needs a value";
          return std::nullopt;
        }
        (name == "--host" ? out.host : out.editor) = value;
        continue;
      }
      std::size_t used = 0;
      unsigned long port = 0;
      try {
        port = std::stoul(value, &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (used == 0 || used != value.size() || port > 65535 || value[0] == '-' || value[0] == '+') {
        error = "--port wants a number from 0 to 65535, not '" + value + "'";
        return std::nullopt;
      }
      out.port = static_cast<std::uint16_t>(port);
    } else if (a.size() > 1 && a[0] == '-') {
      error = "unknown option '" + a + "'";
      return std::nullopt;
    } else if (have_dir) {
      error = "preview takes one folder";
      return std::nullopt;
    } else {
      out.dir = a;
      have_dir = true;
    }
  }
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
  std::string error;
  const auto parsed = parse_preview_args(args, error);
  if (!parsed) {
    std::cerr << "broadsheet: " << error << "\nusage: broadsheet preview [DIR] [--port 8080] [--host 127.0.0.1] [--editor URL]\n";
    return kUsage;
  }
  std::error_code ec;
  if (!std::filesystem::is_directory(parsed->dir, ec)) {
    std::cerr << "broadsheet: error: '" << parsed->dir << "' is not a folder\n";
    return kInputError;
  }
  source::Diagnostics diags;
  const Resources res = load_resources(diags);
  if (diags.has_errors()) {
    std::cerr << source::format_with_source(diags);
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
