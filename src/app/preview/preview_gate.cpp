#include "app/preview/preview_gate.h"

#include <Poco/Net/StreamSocketImpl.h>
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace app::preview {
namespace {

using Clock = std::chrono::steady_clock;

// How often a connection that has sent part of its header is looked at
// again (poll cannot wait for "more" bytes behind ones left unread).
constexpr std::chrono::milliseconds kRecheck{20};

struct Waiting {
  int fd = -1;
  Clock::time_point since;
  std::string client;    // the peer's address, without its port
  std::size_t seen = 0;  // bytes already in its receive queue when last looked at
};

std::string address_of(const sockaddr_storage& a) {
  char text[INET6_ADDRSTRLEN] = "";
  if (a.ss_family == AF_INET)
    ::inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in&>(a).sin_addr, text, sizeof text);
  else if (a.ss_family == AF_INET6)
    ::inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6&>(a).sin6_addr, text, sizeof text);
  return text;
}

// Closes the longest-waiting connection of `client` (all when empty), if any.
void drop_oldest(std::deque<Waiting>& waiting, const std::string& client) {
  for (auto it = waiting.begin(); it != waiting.end(); ++it) {
    if (!client.empty() && it->client != client) continue;
    ::close(it->fd);
    waiting.erase(it);
    return;
  }
}

void close_with(int fd, std::string_view status_line) {
  const std::string reply = "HTTP/1.1 " + std::string(status_line) +
                            "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
  (void)::send(fd, reply.data(), reply.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
  ::close(fd);
}

enum class HeaderState { Incomplete, Complete, Closed, TooLong };

HeaderState look(Waiting& w, std::vector<char>& buffer) {
  const ssize_t n = ::recv(w.fd, buffer.data(), buffer.size(), MSG_PEEK | MSG_DONTWAIT);
  if (n == 0) return HeaderState::Closed;
  if (n < 0) return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? HeaderState::Incomplete
                                                                               : HeaderState::Closed;
  const std::string_view data(buffer.data(), static_cast<std::size_t>(n));
  // A bare LF ends a header line too, for lenient clients.
  if (data.find("\r\n\r\n") != std::string_view::npos || data.find("\n\n") != std::string_view::npos)
    return HeaderState::Complete;
  if (static_cast<std::size_t>(n) == buffer.size()) return HeaderState::TooLong;
  w.seen = static_cast<std::size_t>(n);
  return HeaderState::Incomplete;
}

}  // namespace

ConnectionGate::ConnectionGate(Poco::Net::ServerSocket listening, Admit admit, GateLimits limits)
    : listening_(std::move(listening)), admit_(std::move(admit)), limits_(limits) {
  thread_ = std::thread([this] { run(); });
}

ConnectionGate::~ConnectionGate() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
}

void ConnectionGate::run() {
  const int listen_fd = listening_.impl()->sockfd();
  ::fcntl(listen_fd, F_SETFL, ::fcntl(listen_fd, F_GETFL) | O_NONBLOCK);
  std::deque<Waiting> waiting;
  std::vector<char> buffer(limits_.max_header_bytes);
  std::vector<pollfd> fds;
  while (!stop_) {
    // Connections that sent nothing yet wake poll; those with part of a
    // header are looked at again every kRecheck.
    fds.assign(1, pollfd{listen_fd, POLLIN, 0});
    bool partial = false;
    for (const auto& w : waiting) {
      if (w.seen == 0) fds.push_back(pollfd{w.fd, POLLIN, 0});
      partial = partial || w.seen > 0;
    }
    ::poll(fds.data(), fds.size(), partial ? static_cast<int>(kRecheck.count()) : 100);
    const auto now = Clock::now();

    while (true) {
      sockaddr_storage peer{};
      socklen_t peer_size = sizeof peer;
      const int fd = ::accept4(listen_fd, reinterpret_cast<sockaddr*>(&peer), &peer_size,
                               SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) {
        // Out of descriptors: the connection stays in the backlog and poll
        // would wake at once for ever; free one by dropping the oldest.
        if ((errno == EMFILE || errno == ENFILE) && !waiting.empty()) drop_oldest(waiting, "");
        break;
      }
      Waiting w{fd, now, address_of(peer), 0};
      // The longest-waiting is most likely a slow client: it goes first,
      // so that one address cannot crowd out the others.
      const auto same = std::count_if(waiting.begin(), waiting.end(),
                                      [&](const Waiting& o) { return o.client == w.client; });
      if (static_cast<std::size_t>(same) >= limits_.max_waiting_per_client) drop_oldest(waiting, w.client);
      waiting.push_back(std::move(w));
      if (waiting.size() > limits_.max_waiting) drop_oldest(waiting, "");
    }

    for (auto it = waiting.begin(); it != waiting.end();) {
      switch (look(*it, buffer)) {
        case HeaderState::Complete: {
          const int fd = it->fd;
          it = waiting.erase(it);
          ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
          try {
            admit_(Poco::Net::StreamSocket(new Poco::Net::StreamSocketImpl(fd)));
          } catch (...) {
            // The socket object owns the descriptor and has closed it.
          }
          continue;
        }
        case HeaderState::Closed:
          ::close(it->fd);
          it = waiting.erase(it);
          continue;
        case HeaderState::TooLong:
          close_with(it->fd, "431 Request Header Fields Too Large");
          it = waiting.erase(it);
          continue;
        case HeaderState::Incomplete:
          if (now - it->since > limits_.header_time) {
            close_with(it->fd, "408 Request Timeout");
            it = waiting.erase(it);
            continue;
          }
          ++it;
      }
    }
    waiting_ = waiting.size();
  }
  for (const auto& w : waiting) ::close(w.fd);
  waiting_ = 0;
}

}  // namespace app::preview
