// The preview under attack: DNS-rebinding Host names, a symlink to a hidden
// file, slow clients holding half-sent requests, bogus HTTP versions, a FIFO
// in the folder, and SIGTERM with such a FIFO as a photo.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "app/preview/preview_gate.h"
#include "app/preview/preview_host.h"
#include "hostile_support.h"
#include "preview_test_support.h"

using namespace preview_test;

namespace {

int connect_to(std::uint16_t port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(port);
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// Sends `request` raw and returns everything the server answers (until it
// closes, or 5 s).
std::string raw_exchange(std::uint16_t port, const std::string& request) {
  const int fd = connect_to(port);
  REQUIRE(fd >= 0);
  timeval tv{5, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  (void)::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  std::string out;
  char buf[4096];
  ssize_t n;
  while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0) out.append(buf, static_cast<std::size_t>(n));
  ::close(fd);
  return out;
}

std::string status_line(const std::string& reply) { return reply.substr(0, reply.find("\r\n")); }

}  // namespace

TEST_CASE("Host: only exact loopback forms and the --host value") {
  using app::preview::is_allowed_host;
  for (const char* ok : {"127.0.0.1", "127.0.0.1:8080", "127.1.2.3:80", "localhost", "LOCALHOST:8080", "[::1]",
                         "[::1]:8080"})
    CHECK_MESSAGE(is_allowed_host(ok, "127.0.0.1"), ok);
  for (const char* bad : {"127.attacker.example", "127.0.0.1.evil.com", "localhost.evil", "evil.com",
                          "127.0.0.1:80:80", "127.0.0.1:99999", "127.0.0.1:", "127.1", "127.0.0.256",
                          "0127.0.0.1", "127.0.0.1.", "localhost.", "[::1]evil", "[::2]", "::1", "",
                          "127.0.0.1@evil.com", "127.0.0.1 evil"})
    CHECK_MESSAGE(!is_allowed_host(bad, "127.0.0.1"), bad);
  CHECK(is_allowed_host("myhost.lan:8080", "myhost.lan"));
  CHECK(is_allowed_host("[fe80::1]:8080", "fe80::1"));
  CHECK_FALSE(is_allowed_host("myhost.lan.evil.com", "myhost.lan"));
}

TEST_CASE("the server refuses rebinding names, hidden files behind symlinks, and says the right reason") {
  const fs::path dir = sample_copy("hardening", false);
  write_file(dir / ".env", "SECRET=1\n");
  fs::create_directories(dir / ".git");
  write_file(dir / ".git" / "config", "[core]\n");
  fs::create_symlink(dir / ".env", dir / "notes.txt");
  fs::create_symlink(".git/config", dir / "config.txt");
  REQUIRE(::mkfifo((dir / "pipe.txt").c_str(), 0600) == 0);
  app::preview::PreviewServer server(loopback_options(dir), resources());
  const auto port = server.port();

  for (const char* host : {"127.attacker.example", "127.0.0.1.evil.com", "localhost.evil"}) {
    const Http r = http(port, "/", "GET", host);
    CHECK_MESSAGE(r.status == 403, host);
    CHECK(http(port, "/files/seed-page.yaml", "GET", host).status == 403);
  }
  CHECK(http(port, "/", "GET", "localhost:" + std::to_string(port)).status == 200);
  CHECK(http(port, "/files/seed-page.yaml").body == read_file(dir / "seed-page.yaml"));
  // Symlinks are resolved before the hidden-file rule.
  CHECK(http(port, "/files/notes.txt").status == 404);
  CHECK(http(port, "/files/config.txt").status == 404);
  CHECK(http(port, "/files/.env").status == 404);
  // A FIFO is no file to serve, and serving it must not hang.
  CHECK(http(port, "/files/pipe.txt").status == 404);

  // Reason phrases match the status; a bogus HTTP version is not echoed.
  CHECK(status_line(raw_exchange(port, "GET /nowhere HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")) ==
        "HTTP/1.1 404 Not Found");
  CHECK(status_line(raw_exchange(port, "GET / HTTP/1.1\r\nHost: evil.com\r\n\r\n")) == "HTTP/1.1 403 Forbidden");
  CHECK(status_line(raw_exchange(port, "DELETE / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")) ==
        "HTTP/1.1 405 Method Not Allowed");
  const std::string bogus = raw_exchange(port, "GET / HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n");
  CHECK(status_line(bogus) == "HTTP/1.1 505 HTTP Version Not Supported");
  CHECK(bogus.find("HTTP/9.9") == std::string::npos);
  const std::string junk = raw_exchange(port, "GET / <script>\r\nHost: 127.0.0.1\r\n\r\n");
  CHECK(junk.find("<script>") == std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("200 half-open connections do not starve the index") {
  const fs::path dir = sample_copy("slowloris", false);
  app::preview::PreviewServer server(loopback_options(dir), resources());
  const auto port = server.port();
  REQUIRE(http(port, "/").status == 200);
  std::vector<int> held;
  for (int i = 0; i < 200; ++i) {
    const int fd = connect_to(port);
    REQUIRE(fd >= 0);
    // Half the clients send nothing, half stop in the middle of a header.
    if (i % 2) {
      const std::string part = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
      (void)::send(fd, part.data(), part.size(), MSG_NOSIGNAL);
    }
    held.push_back(fd);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  for (int round = 0; round < 3; ++round) {
    const auto start = std::chrono::steady_clock::now();
    const Http index = http(port, "/");
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(index.status == 200);
    CHECK(index.body.find("seed-page") != std::string::npos);
    CHECK_MESSAGE(seconds < 1.0, "the index took " << seconds << " s");
  }
  for (const int fd : held) ::close(fd);
  fs::remove_all(dir);
}

TEST_CASE("a large file is streamed, not read into memory whole") {
  const fs::path dir = sample_copy("stream", false);
  {
    std::ofstream big(dir / "big.txt", std::ios::binary);
    const std::string block(1 << 20, 'x');
    for (int i = 0; i < 80; ++i) big << block;  // 80 MiB: over the old 64 MiB cap
  }
  app::preview::PreviewServer server(loopback_options(dir), resources());
  const Http r = http(server.port(), "/files/big.txt");
  CHECK(r.status == 200);
  CHECK(r.body.size() == (80u << 20));
  fs::remove_all(dir);
}

TEST_CASE("SIGTERM stops the preview even with a FIFO as a photo") {
  const auto d = hostile::folder("preview-fifo");
  REQUIRE(::mkfifo((d / "photos/pipe.jpg").c_str(), 0600) == 0);
  hostile::write(d / "doc.yaml", hostile::doc_with_photo("photos/pipe.jpg"));
  const std::string log = (d / "log.txt").string();
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::execl(hostile::release_binary().c_str(), "broadsheet", "preview", d.c_str(), "--port", "0", nullptr);
    ::_exit(127);
  }
  std::this_thread::sleep_for(std::chrono::seconds(2));  // it has rendered (or tried) the document
  REQUIRE(::kill(pid, SIGTERM) == 0);
  int status = 0;
  const double took = wait_until(5, [&] { return ::waitpid(pid, &status, WNOHANG) == pid; });
  if (took < 0) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
  }
  CHECK_MESSAGE(took >= 0, "the preview did not stop within 5 s of SIGTERM");
  fs::remove_all(d);
}

TEST_CASE("the gate: a client's waiting connections are capped, a whole request goes through at once") {
  Poco::Net::ServerSocket listening(Poco::Net::SocketAddress("127.0.0.1", 0), 64);
  std::atomic<int> admitted{0};
  app::preview::GateLimits limits;
  limits.max_waiting_per_client = 4;
  limits.header_time = std::chrono::milliseconds(1500);
  app::preview::ConnectionGate gate(listening, [&](const Poco::Net::StreamSocket&) { ++admitted; }, limits);
  const auto port = listening.address().port();
  std::vector<int> idle;
  for (int i = 0; i < 10; ++i) idle.push_back(connect_to(port));
  CHECK(wait_until(2, [&] { return gate.waiting() == 4; }) >= 0);
  const int whole = connect_to(port);
  const std::string request = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  (void)::send(whole, request.data(), request.size(), MSG_NOSIGNAL);
  CHECK(wait_until(1, [&] { return admitted == 1; }) >= 0);
  // Past the header time the idle ones are told 408 and closed.
  CHECK(wait_until(3, [&] { return gate.waiting() == 0; }) >= 0);
  for (const int fd : idle) ::close(fd);
  ::close(whole);
  CHECK(admitted == 1);
}
