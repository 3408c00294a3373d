// `broadsheet preview`: path safety, argument parsing, and the server end to
// end over loopback with Poco's HTTP client — index, page pictures, PDF,
// live re-render after edits, errors in place of pictures, hostile paths.
#include "app/common/arguments.h"
#include "app/preview/preview_command.h"
#include "app/preview/preview_html.h"
#include "app/preview/preview_paths.h"
#include "preview_test_support.h"

#include <Poco/Net/ServerSocket.h>
#include <fcntl.h>
#include <pthread.h>
#include <spawn.h>
#include <sys/wait.h>

#include <atomic>
#include <csignal>
#include <vector>

namespace fs = std::filesystem;
using namespace preview_test;
using app::preview::split_request_path;

TEST_CASE("request paths that could leave the folder are refused") {
  using V = std::vector<std::string>;
  CHECK(split_request_path("/") == V{});
  CHECK(split_request_path("/doc/counties/anji.yaml?debug=1") == V{"doc", "counties", "anji.yaml"});
  CHECK(split_request_path("/files/%E5%AE%89.yaml") == V{"files", "安.yaml"});
  CHECK(split_request_path("/doc/") == V{"doc"});
  for (const char* bad : {"/../../etc/passwd", "/files/../../etc/passwd", "/files/%2e%2e/%2e%2e/etc/passwd",
                          "/files/%2E%2E/x", "/files/..%2f..%2fetc%2fpasswd", "/files//etc/passwd",
                          "/files/./x", "/files/a%00b", "/files/a%5c..%5cb", "/files/%zz", "/files/%2",
                          "http://evil/x", "", "*"}) {
    INFO(bad);
    CHECK_FALSE(split_request_path(bad).has_value());
  }
  CHECK(app::preview::percent_encode_path("counties/安 吉.yaml") == "counties/%E5%AE%89%20%E5%90%89.yaml");
  CHECK(app::preview::query_flag("a=2&debug=1", "debug"));
  CHECK_FALSE(app::preview::query_flag("debug=0", "debug"));
}

TEST_CASE("resolve_under follows symlinks and refuses those leading out") {
  const fs::path dir = fs::temp_directory_path() / ("broadsheet-preview-paths-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "in");
  write_file(dir / "in" / "a.yaml", "x");
  write_file(dir / "secret", "s");
  fs::create_symlink(dir / "secret", dir / "in" / "out-link");
  fs::create_symlink(dir / "in" / "a.yaml", dir / "in" / "in-link");
  const fs::path root = fs::canonical(dir / "in");
  CHECK(app::preview::resolve_under(root, {"a.yaml"}).has_value());
  CHECK(app::preview::resolve_under(root, {"in-link"}).has_value());
  CHECK_FALSE(app::preview::resolve_under(root, {"out-link"}).has_value());
  CHECK_FALSE(app::preview::resolve_under(root, {"..", "secret"}).has_value());
  CHECK_FALSE(app::preview::resolve_under(root, {"missing"}).has_value());
  CHECK_FALSE(app::preview::resolve_under(root, {}).has_value());
  // A sibling folder whose name merely starts with the root's is outside.
  fs::create_directories(dir / "in-other");
  write_file(dir / "in-other" / "b", "b");
  CHECK_FALSE(app::preview::is_inside(root, fs::canonical(dir / "in-other" / "b")));
  fs::remove_all(dir);
}

TEST_CASE("preview arguments: folder, --port, --host; wrong usage is exit 2") {
  auto a = app::parse_preview_args({});
  CHECK(a.dir == ".");  // the folder it is started in
  CHECK(a.host == "127.0.0.1");
  CHECK(a.port == 8080);
  a = app::parse_preview_args({"docs", "--port", "9000", "--host=::1", "--editor", "vscode://file/{file}:{line}"});
  CHECK(a.editor == "vscode://file/{file}:{line}");
  CHECK(a.dir == "docs");
  CHECK(a.port == 9000);
  CHECK(a.host == "::1");
  CHECK(app::parse_preview_args({"--port=0"}).port == 0);
  for (const std::vector<std::string>& bad :
       std::vector<std::vector<std::string>>{{"--port"}, {"--port", "http"}, {"--port", "70000"}, {"--port", "-1"},
                                             {"--port", "80x"}, {"a", "b"}, {"--verbose"}, {"--host="}, {"--editor"}}) {
    CHECK_THROWS_AS(app::parse_preview_args(bad), app::UsageError);
    CHECK(app::run_preview_command(bad) == 2);
  }
  CHECK(app::run_preview_command({"/no/such/folder", "--port", "0"}) == 1);
}

TEST_CASE("html escapes what documents say, png_size reads a PNG header") {
  CHECK(app::preview::html_escape("<a href=\"x\">&'") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
  CHECK(app::preview::png_size("not a png") == std::pair<int, int>{0, 0});
}

TEST_CASE("preview end to end: index, page pictures, live re-render, errors, hostile paths") {
  const fs::path dir = sample_copy("e2e", true);
  app::preview::PreviewServer server(loopback_options(dir), resources());
  const auto port = server.port();
  REQUIRE(port != 0);
  CHECK(server.url().rfind("http://127.0.0.1:", 0) == 0);
  REQUIRE(server.wait_idle(40000));
  CHECK(server.told_of_changes());  // edits come from inotify, not the 100 ms poll

  SUBCASE("serves the index, a page picture and the PDF; re-renders after edits") {
    // The index: every document, a thumbnail of its first page, layout, page count, warnings.
    Http index = http(port, "/");
    CHECK(index.status == 200);
    CHECK(index.type.find("text/html") == 0);
    CHECK(index.body.find("seed-page.yaml") != std::string::npos);
    CHECK(index.body.find("counties/anji.yaml") != std::string::npos);
    CHECK(index.body.find("layout newspaper-a4") != std::string::npos);
    CHECK(index.body.find("layout sheet-a4") != std::string::npos);
    CHECK(index.body.find("2 pages") != std::string::npos);
    CHECK(index.body.find("0 warnings") != std::string::npos);
    const std::string thumb = first_match(index.body, "src=\"(/img/[0-9a-f]{16}/thumb/1\\.png)\"");
    REQUIRE(!thumb.empty());
    Http t = http(port, thumb);
    CHECK(t.status == 200);
    CHECK(t.type == "image/png");
    CHECK(app::preview::png_size(t.body).first > 50);

    // The document page: every page as a picture, a PDF link, the overlay toggle.
    Http doc = http(port, "/doc/seed-page.yaml");
    REQUIRE(doc.status == 200);
    CHECK(doc.body.find("id=\"debug\"") != std::string::npos);
    const std::string key = first_match(doc.body, "src=\"/img/([0-9a-f]{16})/page/1\\.png\"");
    REQUIRE(!key.empty());
    CHECK(doc.body.find("/img/" + key + "/page/2.png") != std::string::npos);
    Http page1 = http(port, "/img/" + key + "/page/1.png");
    REQUIRE(page1.status == 200);
    CHECK(page1.type == "image/png");
    CHECK(app::preview::png_size(page1.body) == std::pair<int, int>{794, 1123});  // A4 at 96 dpi
    CHECK(http(port, "/img/" + key + "/page/3.png").status == 404);
    const std::string pdf_link = first_match(doc.body, "href=\"(/pdf/[^\"]+)\"");
    REQUIRE(!pdf_link.empty());
    Http pdf = http(port, pdf_link);
    CHECK(pdf.status == 200);
    CHECK(pdf.body.rfind("%PDF-", 0) == 0);

    // The overlay: the same pages drawn with debug_boxes (rendered on demand).
    Http debug_doc = http(port, "/doc/seed-page.yaml?debug=1");
    CHECK(debug_doc.body.find("/img/" + key + "/debug/1.png") != std::string::npos);
    Http debug1 = http(port, "/img/" + key + "/debug/1.png");
    CHECK(debug1.status == 200);
    CHECK(app::preview::png_size(debug1.body) == app::preview::png_size(page1.body));
    CHECK(debug1.body != page1.body);

    // Edit the YAML: the new render is served, under a new address.
    const fs::path yaml = dir / "seed-page.yaml";
    const std::string original = read_file(yaml);
    write_file(yaml, replace_once(original, "headline: \"推进产改走深走实", "headline: \"预览改稿推进产改走深走实"));
    std::string new_key;
    const double seen = wait_until(20, [&] {
      new_key = first_match(http(port, "/doc/seed-page.yaml").body, "src=\"/img/([0-9a-f]{16})/page/1\\.png\"");
      return !new_key.empty() && new_key != key;
    });
    REQUIRE(seen >= 0);
    MESSAGE("edit to new page served: " << seen << " s (sanitizer build)");
    Http edited = http(port, "/img/" + new_key + "/page/1.png");
    CHECK(edited.status == 200);
    CHECK(edited.body != page1.body);
    CHECK(http(port, "/api/status").body.find(new_key) != std::string::npos);

    // Edit a photo: that too is an input.
    fs::copy_file(dir / "photos" / "yangchun-contest.jpg", dir / "photos" / "gaoming-lecture.jpg",
                  fs::copy_options::overwrite_existing);
    std::string photo_key;
    CHECK(wait_until(20, [&] {
            photo_key = first_match(http(port, "/doc/seed-page.yaml").body, "/img/([0-9a-f]{16})/page/1\\.png");
            return !photo_key.empty() && photo_key != new_key;
          }) >= 0);

    // Break it: file:line:col errors in place of the pictures…
    write_file(yaml, replace_once(original, "articles:", "articlez:"));
    Http broken;
    CHECK(wait_until(20, [&] {
            broken = http(port, "/doc/seed-page.yaml");
            return broken.body.find("does not load") != std::string::npos;
          }) >= 0);
    CHECK(broken.status == 200);
    CHECK(std::regex_search(broken.body, std::regex("seed-page\\.yaml:\\d+:\\d+: error: ")));
    // The last good pages stay, dimmed, beside the errors.
    CHECK(broken.body.find("class=\"pages stale\"") != std::string::npos);
    CHECK(broken.body.find("/img/" + photo_key + "/page/1.png") != std::string::npos);
    CHECK(http(port, "/").body.find("does not load") != std::string::npos);
    // …and it recovers when fixed.
    write_file(yaml, original);
    CHECK(wait_until(20, [&] {
            return !first_match(http(port, "/doc/seed-page.yaml").body, "/img/([0-9a-f]{16})/page/1\\.png").empty();
          }) >= 0);
  }

  SUBCASE("hostile paths get 403 or 404, bad requests 4xx, never a crash") {
    fs::create_symlink("/etc", dir / "etc-link");
    fs::create_symlink("/etc/passwd", dir / "passwd-link");
    for (const char* target :
         {"/../../etc/passwd", "/files/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/files/%2e%2e/%2e%2e/etc/passwd",
          "/files/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "/files//etc/passwd", "/files/etc-link/passwd",
          "/files/passwd-link", "/doc/../../etc/passwd", "/doc/%2e%2e/%2e%2e/etc/passwd", "/img/../../etc/passwd",
          "/files/..%5c..%5cetc%5cpasswd", "/files/%00", "/static/../../../etc/passwd"}) {
      INFO(target);
      const Http r = http(port, target);
      CHECK((r.status == 403 || r.status == 404));
      CHECK(r.body.find("root:") == std::string::npos);
    }
    write_file(dir / ".hidden", "secret");
    CHECK(http(port, "/files/.hidden").status == 404);
    CHECK(http(port, "/files/seed-page.yaml").status == 200);  // files under the folder are served
    CHECK(http(port, "/files/photos/gaoming-lecture.jpg").type == "image/jpeg");
    CHECK(http(port, "/", "POST").status == 405);
    CHECK(http(port, "/", "DELETE").status == 405);
    CHECK(http(port, "/", "GET", "attacker.example").status == 403);  // DNS rebinding
    CHECK(http(port, "/", "GET", "localhost:1234").status == 200);
    CHECK(http(port, "/img/nothex/page/1.png").status == 404);
    CHECK(http(port, "/img/" + std::string(40, 'a') + "/page/1.png").status == 404);
    CHECK(http(port, "/img/" + std::string(40, 'a') + "/debug/1.png").status == 404);
    CHECK(http(port, "/pdf/" + std::string(40, 'a') + "/page/x.pdf").status == 404);
    CHECK(http(port, "/doc/no-such.yaml").status == 404);
    CHECK(http(port, "/api/version?since=banana").status == 200);
    CHECK(http(port, "/" + std::string(3000, 'a')).status == 404);
    CHECK(http(port, "/index.html").status == 404);
    CHECK(http(port, "/", "HEAD").status == 200);
  }

  SUBCASE("concurrent requests while a document is rewritten: no 5xx") {
    const fs::path yaml = dir / "counties" / "anji.yaml";
    const std::string original = read_file(yaml);
    std::atomic<int> bad{0}, done{0};
    std::vector<std::thread> clients;
    for (int c = 0; c < 8; ++c) {
      clients.emplace_back([&, c] {
        for (int i = 0; i < 15; ++i) {
          try {
            const Http idx = http(port, c % 2 ? "/" : "/doc/counties/anji.yaml");
            const std::string img = first_match(idx.body, "src=\"(/img/[^\"]+)\"");
            const Http pic = img.empty() ? idx : http(port, img);
            // 404 is fine for a picture whose render was superseded meanwhile.
            if (idx.status != 200 || (pic.status != 200 && pic.status != 404)) bad++;
          } catch (const std::exception&) {
            bad++;
          }
          done++;
        }
      });
    }
    for (int edit = 0; edit < 4; ++edit) {
      write_file(yaml, replace_once(original, "一根竹子", "第" + std::to_string(edit) + "稿一根竹子"));
      std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
    for (auto& t : clients) t.join();
    CHECK(bad == 0);
    CHECK(done == 8 * 15);
    // The last edit wins: once settled, what is served is its render.
    REQUIRE(server.wait_idle(20000));
    CHECK(wait_until(10, [&] { return http(port, "/api/status").body.find("第3稿") != std::string::npos; }) >= 0);
  }

  SUBCASE("a document that is deleted leaves the index; its open page says so") {
    fs::remove(dir / "counties" / "anji.yaml");
    CHECK(wait_until(10, [&] { return http(port, "/").body.find("counties/anji.yaml") == std::string::npos; }) >= 0);
    CHECK(http(port, "/doc/counties/anji.yaml").status == 404);
    const Http gone = http(port, "/fragment/doc/counties/anji.yaml");
    CHECK(gone.status == 404);
    CHECK(gone.body.find("id=\"live\"") != std::string::npos);
    CHECK(gone.body.find("no longer") != std::string::npos);
    // A new one appears without a restart.
    fs::copy_file(dir / "seed-page.yaml", dir / "counties" / "copy.yaml");
    CHECK(wait_until(20, [&] { return http(port, "/").body.find("counties/copy.yaml") != std::string::npos; }) >= 0);
  }

  CHECK(server.counters().server_errors == 0);
  fs::remove_all(dir);
}

TEST_CASE("preview refuses a folder that is not one, and a port already taken") {
  CHECK_THROWS_AS(app::preview::PreviewServer(loopback_options("/no/such/folder"), resources()), std::runtime_error);
  const fs::path dir = sample_copy("port", false);
  app::preview::PreviewServer first(loopback_options(dir), resources());
  auto opts = loopback_options(dir);
  opts.port = first.port();
  CHECK_THROWS_AS(app::preview::PreviewServer(opts, resources()), std::runtime_error);
  fs::remove_all(dir);
}

TEST_CASE("run_preview_command serves until SIGTERM and exits 0; a taken port is exit 3") {
  const fs::path dir = sample_copy("command", false);
  resources();  // sets BROADSHEET_DATA_DIR for the command's own load_resources
  // A port that was free a moment ago (the command prints, but does not
  // return, the port it got for --port 0).
  std::uint16_t port = 0;
  {
    Poco::Net::ServerSocket probe(Poco::Net::SocketAddress("127.0.0.1", 0));
    port = probe.address().port();
  }
  {
    Poco::Net::ServerSocket taken(Poco::Net::SocketAddress("127.0.0.1", 0));
    CHECK(app::run_preview_command({dir.string(), "--port", std::to_string(taken.address().port())}) == 3);
  }
  // The command's thread must start with SIGTERM blocked, so that the
  // signal aimed at it below waits for its sigwait instead of ending the test.
  sigset_t term, old;
  sigemptyset(&term);
  sigaddset(&term, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &term, &old);
  std::atomic<int> code{-1};
  std::thread command([&] { code = app::run_preview_command({dir.string(), "--port", std::to_string(port)}); });
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  const double up = wait_until(30, [&] {
    try {
      return http(port, "/").status == 200;
    } catch (const std::exception&) {
      return false;
    }
  });
  CHECK(up >= 0);
  pthread_kill(command.native_handle(), SIGTERM);
  command.join();
  CHECK(code == 0);
  fs::remove_all(dir);
}

extern char** environ;

TEST_CASE("the broadsheet program: preview on --port 0 prints its address, serves, exits 0 on SIGTERM") {
  const fs::path dir = sample_copy("program", false);
  resources();  // sets BROADSHEET_DATA_DIR when the build folder is outside the source tree
  const fs::path log = dir.string() + ".log";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  const std::string exe = broadsheet(), dir_arg = dir.string();
  std::vector<char*> argv{const_cast<char*>(exe.c_str()), const_cast<char*>("preview"),
                          const_cast<char*>(dir_arg.c_str()), const_cast<char*>("--port"), const_cast<char*>("0"),
                          nullptr};
  pid_t pid = 0;
  REQUIRE(posix_spawn(&pid, exe.c_str(), &actions, nullptr, argv.data(), environ) == 0);
  posix_spawn_file_actions_destroy(&actions);

  std::string port;
  CHECK(wait_until(30, [&] {
          port = first_match(read_file(log), "http://127\\.0\\.0\\.1:(\\d+)/");
          return !port.empty();
        }) >= 0);
  if (!port.empty()) {
    const auto p = static_cast<std::uint16_t>(std::stoi(port));
    CHECK(http(p, "/").status == 200);
    CHECK(http(p, "/%2e%2e/%2e%2e/etc/passwd").status == 403);
    CHECK(wait_until(30, [&] { return http(p, "/doc/seed-page.yaml").body.find("/page/2.png") != std::string::npos; }) >= 0);
  }
  ::kill(pid, SIGTERM);
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  INFO(read_file(log));
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  fs::remove_all(dir);
  fs::remove(log);
}
