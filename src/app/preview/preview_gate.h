#pragma once
// The preview's front door. Poco's HTTP server gives every open connection
// a thread from the moment it is accepted, so a few hundred clients that
// connect and send half a request (or nothing) would hold every thread and
// starve the index. Here connections wait without a thread until their
// request header has arrived whole (looked at with MSG_PEEK, so Poco still
// reads it all), for a bounded time, in a bounded number; only then are
// they handed on.
#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>

namespace app::preview {

struct GateLimits {
  std::chrono::milliseconds header_time{10'000};  // to send a whole request header
  std::size_t max_waiting = 512;                  // beyond this the longest-waiting is dropped
                                                  // (well inside the usual limit of 1024 open files)
  std::size_t max_waiting_per_client = 256;       // per address: beyond this its own longest-waiting goes
  std::size_t max_header_bytes = 16 * 1024;       // a header this long without its end is refused
};

class ConnectionGate {
 public:
  using Admit = std::function<void(const Poco::Net::StreamSocket&)>;
  // Starts accepting on `listening` (already bound and listening) at once.
  ConnectionGate(Poco::Net::ServerSocket listening, Admit admit, GateLimits limits = {});
  ~ConnectionGate();  // stops accepting; connections still waiting are closed
  ConnectionGate(const ConnectionGate&) = delete;
  ConnectionGate& operator=(const ConnectionGate&) = delete;

  std::size_t waiting() const { return waiting_.load(); }

 private:
  void run();

  Poco::Net::ServerSocket listening_;
  Admit admit_;
  GateLimits limits_;
  std::atomic<bool> stop_{false};
  std::atomic<std::size_t> waiting_{0};
  std::thread thread_;
};

}  // namespace app::preview
