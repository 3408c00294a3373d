// Load client for `broadsheet preview` (run by bench/preview-load, not by
// ctest): N keep-alive clients fetch the index, thumbnails, a document page,
// its page images (a fifth of the clients at 192 ppi, as at 200 % zoom) and
// /api/locate at a random spot, as fast as they can, while one document
// is rewritten every second. Reports requests per second and latency
// percentiles, counts every status, and checks that what is served after
// the last edit is that edit's render. Exit 0 only with no 5xx, no transport
// error and no stale page.
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <mutex>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "read_all.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  std::string url = "http://127.0.0.1:8080/";
  int clients = 50;
  int seconds = 30;
  std::string edit_file;  // the YAML rewritten every second
  std::string edit_doc;   // its document id ("counties/anji.yaml")
};

struct Tally {
  std::vector<double> latency_ms;
  std::uint64_t s2xx = 0, s3xx = 0, s4xx = 0, s5xx = 0, transport = 0, bytes = 0;
  void add(const Tally& o) {
    latency_ms.insert(latency_ms.end(), o.latency_ms.begin(), o.latency_ms.end());
    s2xx += o.s2xx, s3xx += o.s3xx, s4xx += o.s4xx, s5xx += o.s5xx, transport += o.transport, bytes += o.bytes;
  }
};

class Client {
 public:
  Client(const std::string& host, std::uint16_t port) : session_(host, port) {
    session_.setKeepAlive(true);
    session_.setTimeout(Poco::Timespan(30, 0));
  }

  // GET `target`; the body in `body`; the status, or 0 on a transport error.
  int get(const std::string& target, std::string& body, Tally& t) {
    const auto start = Clock::now();
    try {
      Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_GET, target, Poco::Net::HTTPMessage::HTTP_1_1);
      req.setKeepAlive(true);
      session_.sendRequest(req);
      Poco::Net::HTTPResponse resp;
      std::istream& in = session_.receiveResponse(resp);
      body.clear();
      Poco::StreamCopier::copyToString(in, body);
      const int status = static_cast<int>(resp.getStatus());
      t.latency_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
      t.bytes += body.size();
      (status >= 500 ? t.s5xx : status >= 400 ? t.s4xx : status >= 300 ? t.s3xx : t.s2xx)++;
      if (status >= 500) std::cerr << "5xx: " << status << " for " << target << "\n";
      return status;
    } catch (const std::exception& e) {
      t.transport++;
      std::cerr << "transport error on " << target << ": " << e.what() << "\n";
      session_.reset();
      return 0;
    }
  }

 private:
  Poco::Net::HTTPClientSession session_;
};

std::vector<std::string> all_matches(const std::string& text, const std::regex& re) {
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1].str());
  return out;
}

double percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  const auto k = static_cast<std::size_t>(p / 100.0 * static_cast<double>(v.size() - 1));
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
  return v[k];
}

// The title /api/status reports for `doc` (its first headline), and whether it is pending.
std::pair<std::string, bool> status_of(Client& c, const std::string& doc, Tally& scratch) {
  std::string body;
  if (c.get("/api/status", body, scratch) != 200) return {"", true};
  const auto at = body.find("\"id\":\"" + doc + "\"");
  if (at == std::string::npos) return {"", true};
  const std::string rec = body.substr(at, body.find('}', at) - at);
  std::smatch m;
  std::string title;
  if (std::regex_search(rec, m, std::regex("\"title\":\"([^\"]*)\""))) title = m[1].str();
  return {title, rec.find("\"pending\":true") != std::string::npos};
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--url") o.url = v;
    else if (k == "--clients") o.clients = std::stoi(v);
    else if (k == "--seconds") o.seconds = std::stoi(v);
    else if (k == "--edit") o.edit_file = v;
    else if (k == "--doc") o.edit_doc = v;
    else {
      std::cerr << "usage: preview-load --url URL [--clients N] [--seconds S] --edit FILE --doc ID\n";
      return 2;
    }
  }
  if (o.edit_file.empty() || o.edit_doc.empty()) {
    std::cerr << "preview-load: --edit FILE and --doc ID are needed\n";
    return 2;
  }
  const Poco::URI uri(o.url);
  const std::string host = uri.getHost();
  const std::uint16_t port = uri.getPort();

  // Warm up: every document rendered once (the cold start is not the load).
  Client probe(host, port);
  Tally scratch;
  std::string body;
  const auto warm_deadline = Clock::now() + std::chrono::seconds(120);
  while (Clock::now() < warm_deadline) {
    if (probe.get("/api/status", body, scratch) == 200 && body.find("\"pending\":true") == std::string::npos &&
        body.find("\"key\"") != std::string::npos)
      break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  std::vector<std::string> docs = all_matches(body, std::regex("\"id\":\"([^\"]+)\""));
  if (docs.empty()) {
    std::cerr << "preview-load: the server lists no documents\n";
    return 1;
  }

  const std::string original = read_all(o.edit_file);
  const std::regex headline_re("(headline: *\"?)");
  const auto start = Clock::now();
  const auto deadline = start + std::chrono::seconds(o.seconds);
  std::atomic<bool> stop{false};

  // The editor: rewrites the document in place every second (as an editor
  // saving would), and times how long until the server shows that edit.
  std::vector<double> reload_s;
  std::string last_marker;
  int edits = 0;
  Clock::time_point last_edit;
  std::thread editor([&] {
    Client c(host, port);
    Tally t;
    for (int n = 1; Clock::now() + std::chrono::milliseconds(200) < deadline; ++n) {
      const auto tick = start + std::chrono::seconds(n - 1);
      std::this_thread::sleep_until(tick);
      const std::string marker = "压测第" + std::to_string(n) + "稿";
      {
        std::ofstream out(o.edit_file, std::ios::binary | std::ios::trunc);
        out << std::regex_replace(original, headline_re, "$1" + marker, std::regex_constants::format_first_only);
      }
      last_marker = marker;
      edits = n;
      last_edit = Clock::now();
      while (Clock::now() < tick + std::chrono::milliseconds(990)) {
        if (status_of(c, o.edit_doc, t).first.rfind(marker, 0) == 0) {
          reload_s.push_back(std::chrono::duration<double>(Clock::now() - last_edit).count());
          break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
    }
  });

  std::vector<Tally> tallies(static_cast<std::size_t>(o.clients));
  std::vector<std::thread> threads;
  const std::regex img_re("src=\"(/img/[^\"]+)\"");
  for (int i = 0; i < o.clients; ++i) {
    threads.emplace_back([&, i] {
      Client c(host, port);
      Tally& t = tallies[static_cast<std::size_t>(i)];
      std::mt19937 rng(static_cast<unsigned>(i) * 7919u + 1);
      std::string b;
      while (Clock::now() < deadline) {
        if (c.get("/", b, t) == 200) {
          const auto thumbs = all_matches(b, img_re);
          if (!thumbs.empty()) c.get(thumbs[rng() % thumbs.size()], b, t);
        }
        // Half the clients watch the document being edited, half any document.
        const std::string& doc = i % 2 ? o.edit_doc : docs[rng() % docs.size()];
        if (c.get("/doc/" + doc, b, t) == 200) {
          // Every fifth client looks at 200 %: pictures drawn at 192 ppi on demand.
          for (const auto& img : all_matches(b, img_re)) c.get(i % 5 == 0 ? img + "?ppi=192" : img, b, t);
          // A click on the first page: what is drawn there (404 on an empty spot).
          c.get("/api/locate?doc=" + doc + "&page=1&x=" + std::to_string(30 + rng() % 520) +
                    "&y=" + std::to_string(30 + rng() % 760), b, t);
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  editor.join();
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();

  // Staleness: after the last edit, the served page must become that edit's
  // render (its headline) and the picture it names must load.
  Client c(host, port);
  double last_reload = -1;
  while (std::chrono::duration<double>(Clock::now() - last_edit).count() < 10) {
    auto [title, pending] = status_of(c, o.edit_doc, scratch);
    if (!pending && title.rfind(last_marker, 0) == 0) {
      last_reload = std::chrono::duration<double>(Clock::now() - last_edit).count();
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  bool fresh = last_reload >= 0;
  if (fresh) {
    Tally t;
    std::string page;
    fresh = c.get("/doc/" + o.edit_doc, page, t) == 200;
    const auto imgs = all_matches(page, img_re);
    std::string png;
    fresh = fresh && !imgs.empty() && c.get(imgs.front(), png, t) == 200 && png.rfind("\x89PNG", 0) == 0;
    auto [title, pending] = status_of(c, o.edit_doc, t);
    fresh = fresh && title.rfind(last_marker, 0) == 0;
  }
  {
    std::ofstream out(o.edit_file, std::ios::binary | std::ios::trunc);
    out << original;
  }

  Tally all;
  for (const auto& t : tallies) all.add(t);
  const double n = static_cast<double>(all.latency_ms.size());
  std::vector<double> lat = all.latency_ms;
  std::vector<double> rl = reload_s;
  std::sort(rl.begin(), rl.end());
  std::printf("preview load: %d clients for %.1f s on %s, %zu documents, %s rewritten every second (%d edits)\n",
              o.clients, elapsed, o.url.c_str(), docs.size(), o.edit_doc.c_str(), edits);
  std::printf("requests: %.0f  (%.0f requests/s, %.1f MB/s)\n", n, n / elapsed,
              static_cast<double>(all.bytes) / elapsed / 1e6);
  std::printf("latency: p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms\n", percentile(lat, 50),
              percentile(lat, 90), percentile(lat, 99), percentile(lat, 100));
  std::printf("status: 2xx %llu  3xx %llu  4xx %llu  5xx %llu  transport errors %llu\n",
              static_cast<unsigned long long>(all.s2xx), static_cast<unsigned long long>(all.s3xx),
              static_cast<unsigned long long>(all.s4xx), static_cast<unsigned long long>(all.s5xx),
              static_cast<unsigned long long>(all.transport));
  if (!rl.empty()) {
    std::printf("edit -> new render served: median %.2f s  max %.2f s  (%zu of %d edits served within 1 s)\n",
                rl[rl.size() / 2], rl.back(), rl.size(), edits);
  }
  std::printf("after the last edit: %s (served after %.2f s)\n", fresh ? "fresh, not stale" : "STALE", last_reload);
  const bool ok = all.s5xx == 0 && all.transport == 0 && fresh;
  std::printf("%s\n", ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}
