#include "app/preview_server.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/ThreadPool.h>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <stdexcept>
#include <thread>

#include "app/preview_routes.h"
#include "app/preview_state.h"
#include "app/preview_watcher.h"
#include "app/preview_workers.h"

namespace app::preview {
namespace {

// Enough threads that 50 keep-alive clients plus a few browser tabs are
// all served at once (Poco gives each open connection its own thread).
constexpr int kHttpThreads = 96;

// The person saving a file waits for the render; a picture request can wait
// a little. So request threads run at a lower priority (nice) than the
// render workers: under a flood of requests an edit still shows within a
// second. Linux applies nice per thread; done once per pooled thread.
constexpr int kRequestNice = 10;

void lower_request_thread_priority() {
  thread_local bool lowered = false;
  if (lowered) return;
  lowered = true;
  const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
  const int now = ::getpriority(PRIO_PROCESS, tid);
  ::setpriority(PRIO_PROCESS, tid, std::max(now, kRequestNice));  // best effort
}

class Handler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit Handler(Site& site) : site_(site) {}

  void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
    lower_request_thread_priority();
    Reply reply;
    try {
      reply = route(site_, {request.getMethod(), request.getURI(), request.has("Host") ? request.getHost() : ""});
    } catch (const std::exception& e) {
      // A bug, not the client's fault: answer 500 rather than drop the connection.
      site_.stats.server_errors++;
      reply = Reply{};
      reply.status = 500;
      reply.text = std::string("internal error: ") + e.what() + "\n";
      reply.content_type = "text/plain; charset=utf-8";
    }
    response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
    response.setContentType(reply.content_type);
    response.set("X-Content-Type-Options", "nosniff");
    response.set("Referrer-Policy", "no-referrer");
    response.set("Content-Security-Policy",
                 "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; frame-ancestors 'none'");
    response.set("Cache-Control", reply.immutable ? "public, max-age=31536000, immutable" : "no-store");
    for (const auto& [k, v] : reply.headers) response.set(k, v);
    const std::string_view body = reply.body();
    try {
      response.sendBuffer(body.data(), body.size());  // headers only for HEAD
    } catch (const Poco::Exception&) {
      // The client went away mid-reply: nothing to tell anyone.
    }
  }

 private:
  Site& site_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Factory(Site& site) : site_(site) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new Handler(site_);
  }

 private:
  Site& site_;
};

std::size_t default_render_threads() {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores > 2 ? cores / 2 : 1;
}

}  // namespace

struct PreviewServer::Impl {
  PreviewState state{24};
  RenderWorkers workers;
  Site site;
  Watcher watcher;
  Poco::ThreadPool pool;
  Poco::Net::ServerSocket socket;
  std::unique_ptr<Poco::Net::HTTPServer> server;

  Impl(const ServerOptions& o, const Resources& res, const std::filesystem::path& root, bool loopback,
       const Poco::Net::ServerSocket& bound)
      : workers(state, res, root.string(), o.render_threads ? o.render_threads : default_render_threads()),
        site{state, workers, root, o.dir.string(), loopback, o.host, {}},
        watcher(state, workers, root, std::chrono::milliseconds(o.poll_ms)),
        pool(2, kHttpThreads + 4),
        socket(bound) {}

  ~Impl() {
    state.close();  // long polls and overlay waits return at once
    if (server) server->stopAll(true);
    pool.joinAll();
  }
};

PreviewServer::PreviewServer(const ServerOptions& options, const Resources& res) {
  std::error_code ec;
  const auto root = std::filesystem::canonical(options.dir, ec);
  if (ec || !std::filesystem::is_directory(root, ec)) {
    throw std::runtime_error("'" + options.dir.string() + "' is not a folder");
  }
  Poco::Net::SocketAddress address;
  try {
    address = Poco::Net::SocketAddress(options.host, options.port);
  } catch (const Poco::Exception& e) {
    throw std::runtime_error("cannot use host '" + options.host + "': " + e.displayText());
  }
  // Bound before anything starts, so a busy port fails fast and cleanly.
  Poco::Net::ServerSocket socket;
  try {
    socket.bind(address, true, false);  // no SO_REUSEPORT: a busy port must fail
    socket.listen(128);
  } catch (const Poco::Exception& e) {
    throw std::runtime_error("cannot listen on " + address.toString() + ": " + e.displayText());
  }
  impl_ = std::make_unique<Impl>(options, res, root, address.host().isLoopback(), socket);
  auto params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(kHttpThreads);
  params->setMaxQueued(512);
  params->setKeepAlive(true);
  params->setMaxKeepAliveRequests(10000);
  params->setKeepAliveTimeout(Poco::Timespan(5, 0));
  params->setTimeout(Poco::Timespan(30, 0));
  // Poco's dispatcher threads can miss the stop signal and then sleep out
  // their idle time before the server can be destroyed: keep it short.
  params->setThreadIdleTime(Poco::Timespan(0, 500 * 1000));
  impl_->server = std::make_unique<Poco::Net::HTTPServer>(new Factory(impl_->site), impl_->pool, impl_->socket, params);
  impl_->server->start();
}

PreviewServer::~PreviewServer() = default;

std::uint16_t PreviewServer::port() const { return impl_->socket.address().port(); }

std::string PreviewServer::url() const {
  const auto a = impl_->socket.address();
  std::string out = "http://";
  const bool v6 = a.family() == Poco::Net::SocketAddress::IPv6;
  if (v6) out += '[';
  out += a.host().toString();
  if (v6) out += ']';
  out += ':';
  out += std::to_string(a.port());
  out += '/';
  return out;
}

const std::filesystem::path& PreviewServer::root() const { return impl_->site.root; }

ServerCounters PreviewServer::counters() const {
  const auto& s = impl_->site.stats;
  return {s.requests.load(), s.images.load(), s.client_errors.load(), s.server_errors.load(), impl_->workers.renders_done()};
}

std::uint64_t PreviewServer::version_polls() const { return impl_->site.stats.version_polls.load(); }

bool PreviewServer::wait_idle(int timeout_ms) const {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (true) {
    bool idle = true;
    for (const auto& d : impl_->state.documents()) idle = idle && d.current && !d.pending;
    if (idle) return true;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    impl_->state.wait_version(impl_->state.version(), std::chrono::milliseconds(100));
  }
}

}  // namespace app::preview
