#include "app/preview/preview_server.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerConnectionFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/TCPServerDispatcher.h>
#include <Poco/ThreadPool.h>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <stdexcept>
#include <thread>

#include "app/preview/preview_gate.h"
#include "app/preview/preview_routes.h"
#include "app/preview/preview_state.h"
#include "app/preview/preview_watcher.h"
#include "app/preview/preview_workers.h"

namespace app::preview {
namespace {

// Enough threads that 50 clients plus a few browser tabs are all served at
// once (Poco gives each connection its own thread once its request header
// has arrived: ConnectionGate holds it until then).
constexpr int kHttpThreads = 96;

// How long a client may take to send its request header, and to take each
// piece of the answer: a slow client holds a connection this long at most.
constexpr int kHeaderSeconds = 10;
constexpr int kSocketSeconds = 5;

void stream_file(source::InputFile& file, Poco::Net::HTTPServerResponse& response) {
  response.setContentLength64(static_cast<Poco::Int64>(file.size()));
  std::ostream& out = response.send();
  if (response.getStatus() == Poco::Net::HTTPResponse::HTTP_OK && out) {
    std::vector<char> chunk(64 * 1024);
    std::uintmax_t left = file.size();
    while (left > 0 && out) {
      const auto got = file.read_some(chunk.data(), static_cast<std::size_t>(std::min<std::uintmax_t>(left, chunk.size())));
      if (!got || *got == 0) break;  // the file shrank: the client sees a short body
      out.write(chunk.data(), static_cast<std::streamsize>(*got));
      left -= *got;
    }
  }
}

// The person saving a file waits for the render; a picture request can wait
// a little. So request threads run at a lower priority (nice) than the
// render workers: under a flood of requests an edit still shows within a
// second. The lowest (19: a scheduler weight of 15 against a render
// thread's 1024), because at 10 fifty busy request threads still outweighed
// the render five to one. Linux applies nice per thread; done once per
// pooled thread.
constexpr int kRequestNice = 19;

void lower_request_thread_priority() {
  thread_local bool lowered = false;
  if (lowered) return;
  lowered = true;
  const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
  const int now = ::getpriority(PRIO_PROCESS, tid);
  ::setpriority(PRIO_PROCESS, tid, std::max(now, kRequestNice));  // best effort
}

// The status line with its own reason phrase, the headers, then the body:
// from memory, or a file streamed in pieces.
void send_reply(const Reply& reply, Poco::Net::HTTPServerResponse& response) {
  response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
  response.setContentType(reply.content_type);
  response.set("X-Content-Type-Options", "nosniff");
  response.set("Referrer-Policy", "no-referrer");
  response.set("Content-Security-Policy",
               "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; frame-ancestors 'none'");
  response.set("Cache-Control", reply.immutable ? "public, max-age=31536000, immutable" : "no-store");
  for (const auto& [k, v] : reply.headers) response.set(k, v);
  try {
    if (reply.file) {
      stream_file(*reply.file, response);
    } else {
      const std::string_view body = reply.body();
      response.sendBuffer(body.data(), body.size());  // headers only for HEAD
    }
  } catch (const Poco::Exception&) {
    // The client went away mid-reply: nothing to tell anyone.
  }
}

class Handler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit Handler(Site& site) : site_(site) {}

  void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
    lower_request_thread_priority();
    // Poco answers in the request's version, whatever it is: never echo one
    // it does not speak.
    if (request.getVersion() != Poco::Net::HTTPMessage::HTTP_1_0 &&
        request.getVersion() != Poco::Net::HTTPMessage::HTTP_1_1) {
      response.setVersion(Poco::Net::HTTPMessage::HTTP_1_1);
      Reply bad;
      bad.status = 505;
      bad.text = "HTTP/1.0 or HTTP/1.1 only\n";
      bad.content_type = "text/plain; charset=utf-8";
      site_.stats.client_errors++;
      send_reply(bad, response);
      return;
    }
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
    send_reply(reply, response);
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
  Poco::Net::TCPServerDispatcher* dispatcher = nullptr;  // reference-counted by Poco
  std::unique_ptr<ConnectionGate> gate;

  Impl(const ServerOptions& o, const Resources& res, const std::filesystem::path& root, bool loopback,
       const Poco::Net::ServerSocket& bound)
      : workers(state, res, root.string(), o.render_threads ? o.render_threads : default_render_threads()),
        site{state, workers, root, o.dir == "." ? root.string() : o.dir.string(), loopback, o.host, {}, o.editor, {}},
        watcher(state, workers, root, std::chrono::milliseconds(o.poll_ms)),
        pool(2, kHttpThreads + 4),
        socket(bound) {}

  ~Impl() {
    state.close();  // long polls and overlay waits return at once
    gate.reset();   // no new connections
    if (dispatcher) {
      dispatcher->stop();
      pool.joinAll();  // every request thread done before the dispatcher goes
      dispatcher->release();
    }
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
    socket.listen(1024);
  } catch (const Poco::Exception& e) {
    throw std::runtime_error("cannot listen on " + address.toString() + ": " + e.displayText());
  }
  impl_ = std::make_unique<Impl>(options, res, root, address.host().isLoopback(), socket);
  auto params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(kHttpThreads);
  params->setMaxQueued(512);
  // One request per connection: every request then passes the gate, so a
  // client cannot hold a thread by sending its second request slowly.
  params->setKeepAlive(false);
  params->setTimeout(Poco::Timespan(kSocketSeconds, 0));
  // Poco's dispatcher threads can miss the stop signal and then sleep out
  // their idle time before the server can be destroyed: keep it short.
  params->setThreadIdleTime(Poco::Timespan(0, 500 * 1000));
  Poco::Net::HTTPServerParams::Ptr shared_params(params);
  impl_->dispatcher = new Poco::Net::TCPServerDispatcher(
      new Poco::Net::HTTPServerConnectionFactory(shared_params, new Factory(impl_->site)), impl_->pool, shared_params);
  GateLimits limits;
  limits.header_time = std::chrono::seconds(kHeaderSeconds);
  impl_->gate = std::make_unique<ConnectionGate>(
      impl_->socket, [dispatcher = impl_->dispatcher](const Poco::Net::StreamSocket& s) { dispatcher->enqueue(s); },
      limits);
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

bool PreviewServer::told_of_changes() const { return impl_->watcher.told_of_changes(); }

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
