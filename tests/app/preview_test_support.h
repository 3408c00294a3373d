#pragma once
// Shared by the preview's end-to-end tests: a temporary copy of some
// samples, the program's resources, and a small HTTP client (Poco's).
#include <doctest/doctest.h>
#include <unistd.h>

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <regex>
#include <sstream>
#include <string>
#include <thread>

#include "app/common/data_dir.h"
#include "app/common/pipeline.h"
#include "app/preview/preview_server.h"
#include "run_command.h"
#include "test_files.h"

namespace preview_test {
namespace fs = std::filesystem;

// The program's layouts and fonts. A build folder outside the source tree
// (say /tmp/build) is too far from layouts/ to find it: then say where it is.
inline const app::Resources& resources() {
  static const app::Resources res = [] {
    if (app::find_data_dir().empty()) ::setenv("BROADSHEET_DATA_DIR", BROADSHEET_SOURCE_DIR, 1);
    core::Diagnostics diags;
    app::Resources r = app::load_resources(diags);
    REQUIRE_MESSAGE(!diags.has_errors(), core::format_all(diags));
    return r;
  }();
  return res;
}

// A fresh folder holding copies of the seed page (and, with `county`, one
// county sheet) with their photos, so edits never touch the real samples.
inline fs::path sample_copy(const std::string& name, bool county) {
  const fs::path dir = fs::temp_directory_path() / ("broadsheet-preview-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "photos");
  const fs::path src = fs::path(BROADSHEET_SOURCE_DIR) / "samples";
  const auto opts = fs::copy_options::overwrite_existing;
  fs::copy_file(src / "seed-page.yaml", dir / "seed-page.yaml", opts);
  for (const auto* photo : {"gaoming-lecture.jpg", "yangchun-contest.jpg"})
    fs::copy_file(src / "photos" / photo, dir / "photos" / photo, opts);
  if (county) {
    fs::create_directories(dir / "counties" / "photos");
    fs::copy_file(src / "counties" / "anji.yaml", dir / "counties" / "anji.yaml", opts);
    fs::copy_file(src / "counties" / "photos" / "contest.jpg", dir / "counties" / "photos" / "contest.jpg", opts);
  }
  // The copies keep the samples' read-only mode; the tests edit them.
  for (const auto& e : fs::recursive_directory_iterator(dir))
    fs::permissions(e.path(), fs::perms::owner_write, fs::perm_options::add);
  return dir;
}

using ::read_file;

inline void write_file(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << text;
}

inline std::string replace_once(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, "sample no longer contains: " << from);
  return s.replace(at, from.size(), to);
}

struct Http {
  int status = 0;
  std::string body;
  std::string type;
};

// One request on a fresh connection; the target is sent exactly as given
// (Poco does not normalise "..", which is what the traversal tests need).
inline Http http(std::uint16_t port, const std::string& target, const std::string& method = "GET",
                 const std::string& host = "") {
  Poco::Net::HTTPClientSession session("127.0.0.1", port);
  session.setTimeout(Poco::Timespan(30, 0));
  Poco::Net::HTTPRequest req(method, target, Poco::Net::HTTPMessage::HTTP_1_1);
  if (!host.empty()) req.setHost(host);
  session.sendRequest(req);
  Poco::Net::HTTPResponse resp;
  std::istream& in = session.receiveResponse(resp);
  Http out;
  out.status = static_cast<int>(resp.getStatus());
  out.type = resp.getContentType();
  Poco::StreamCopier::copyToString(in, out.body);
  return out;
}

// The first match of `re`'s group 1 in `text` ("" when none).
inline std::string first_match(const std::string& text, const std::string& re) {
  std::smatch m;
  return std::regex_search(text, m, std::regex(re)) ? m[1].str() : std::string();
}

// Polls `ok` until it holds or `seconds` pass; returns the time it took (or -1).
inline double wait_until(double seconds, const std::function<bool()>& ok) {
  const auto start = std::chrono::steady_clock::now();
  while (true) {
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (ok()) return elapsed;
    if (elapsed > seconds) return -1;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

inline app::preview::ServerOptions loopback_options(const fs::path& dir) {
  app::preview::ServerOptions o;
  o.dir = dir;
  o.host = "127.0.0.1";  // tests never bind anything but loopback
  o.port = 0;            // a free port
  o.render_threads = 2;
  o.poll_ms = 100;
  return o;
}

}  // namespace preview_test
