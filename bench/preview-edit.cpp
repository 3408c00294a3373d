// Save → new picture for `broadsheet preview` (run by bench/preview-edit,
// not by ctest): one client edits a document N times, the way an editor
// saves (the file rewritten in place, its first headline changed), and
// times each save until the first page's new picture has been fetched:
// the browser's long poll of /api/version answers, /api/status shows the
// edit's headline with nothing pending, and /img/KEY/page/1.png arrives.
// Prints every time, the median, and the server's CPU time per edit
// (from /proc/PID/stat). Exit 0 only when every edit was seen within 10 s.
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "read_all.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  std::string url;
  std::string edit_file;  // the YAML rewritten on each edit
  std::string edit_doc;   // its document id ("seed-page.yaml")
  int edits = 12;
  int pause_ms = 1000;    // between edits (the server idle again)
  int pid = 0;            // the server's process, for its CPU time
};

std::string get(Poco::Net::HTTPClientSession& s, const std::string& target, int& status) {
  Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_GET, target, Poco::Net::HTTPMessage::HTTP_1_1);
  s.sendRequest(req);
  Poco::Net::HTTPResponse resp;
  std::istream& in = s.receiveResponse(resp);
  std::string body;
  Poco::StreamCopier::copyToString(in, body);
  status = static_cast<int>(resp.getStatus());
  return body;
}

// utime + stime of process `pid`, in seconds.
double cpu_seconds(int pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto close = text.rfind(')');
  if (close == std::string::npos) return 0;
  std::istringstream fields(text.substr(close + 2));
  std::string f;
  double ticks = 0;
  for (int i = 3; fields >> f; ++i) {
    if (i == 14 || i == 15) ticks += std::stod(f);
    if (i == 15) break;
  }
  return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

struct DocState {
  std::string key, title;
  bool pending = true, ok = false;
};

DocState doc_state(const std::string& status_json, const std::string& doc) {
  DocState d;
  const auto at = status_json.find("\"id\":\"" + doc + "\"");
  if (at == std::string::npos) return d;
  const std::string rec = status_json.substr(at, status_json.find('}', at) - at);
  std::smatch m;
  if (std::regex_search(rec, m, std::regex("\"key\":\"([0-9a-f]+)\""))) d.key = m[1].str();
  if (std::regex_search(rec, m, std::regex("\"title\":\"([^\"]*)\""))) d.title = m[1].str();
  d.pending = rec.find("\"pending\":true") != std::string::npos;
  d.ok = rec.find("\"ok\":true") != std::string::npos;
  return d;
}

std::uint64_t version_of(const std::string& json) {
  std::smatch m;
  return std::regex_search(json, m, std::regex("\"version\":([0-9]+)")) ? std::stoull(m[1].str()) : 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--url") o.url = v;
    else if (k == "--edit") o.edit_file = v;
    else if (k == "--doc") o.edit_doc = v;
    else if (k == "--edits") o.edits = std::stoi(v);
    else if (k == "--pause-ms") o.pause_ms = std::stoi(v);
    else if (k == "--pid") o.pid = std::stoi(v);
    else {
      std::cerr << "usage: preview-edit --url URL --edit FILE --doc ID [--edits N] [--pause-ms MS] [--pid PID]\n";
      return 2;
    }
  }
  if (o.url.empty() || o.edit_file.empty() || o.edit_doc.empty() || o.edits < 1) {
    std::cerr << "preview-edit: --url, --edit FILE and --doc ID are needed\n";
    return 2;
  }
  const Poco::URI uri(o.url);
  Poco::Net::HTTPClientSession session(uri.getHost(), uri.getPort());
  session.setKeepAlive(true);
  session.setTimeout(Poco::Timespan(30, 0));
  int status = 0;

  // Every document rendered once first: the cold start is not what is timed.
  const auto warm_deadline = Clock::now() + std::chrono::seconds(120);
  while (true) {
    const std::string body = get(session, "/api/status", status);
    const DocState d = doc_state(body, o.edit_doc);
    if (status == 200 && body.find("\"pending\":true") == std::string::npos && d.ok) break;
    if (Clock::now() > warm_deadline) {
      std::cerr << "preview-edit: " << o.edit_doc << " never rendered\n";
      return 1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }

  const std::string original = read_all(o.edit_file);
  const std::regex headline_re("(headline: *\"?)");
  std::vector<double> times_ms;
  double cpu = 0;
  bool all_seen = true;
  for (int n = 1; n <= o.edits; ++n) {
    std::this_thread::sleep_for(std::chrono::milliseconds(o.pause_ms));
    std::uint64_t version = version_of(get(session, "/api/status", status));
    const std::string marker = "改稿第" + std::to_string(n) + "次";
    const double cpu_before = o.pid ? cpu_seconds(o.pid) : 0;
    const auto saved = Clock::now();
    {
      std::ofstream out(o.edit_file, std::ios::binary | std::ios::trunc);
      out << std::regex_replace(original, headline_re, "$1" + marker, std::regex_constants::format_first_only);
    }
    bool seen = false;
    while (Clock::now() - saved < std::chrono::seconds(10)) {
      // As the page does: hold on /api/version until something changed.
      const std::string v = get(session, "/api/version?since=" + std::to_string(version), status);
      version = version_of(v);
      const DocState d = doc_state(get(session, "/api/status", status), o.edit_doc);
      if (d.pending || !d.ok || d.title.rfind(marker, 0) != 0) continue;
      const std::string png = get(session, "/img/" + d.key + "/page/1.png", status);
      seen = status == 200 && png.rfind("\x89PNG", 0) == 0;
      break;
    }
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - saved).count();
    if (!seen) {
      std::fprintf(stderr, "preview-edit: edit %d not seen within 10 s\n", n);
      all_seen = false;
      continue;
    }
    times_ms.push_back(ms);
    if (o.pid) cpu += cpu_seconds(o.pid) - cpu_before;
    std::printf("edit %2d: %6.1f ms\n", n, ms);
  }
  {
    std::ofstream out(o.edit_file, std::ios::binary | std::ios::trunc);
    out << original;
  }
  if (times_ms.empty()) return 1;
  std::vector<double> sorted = times_ms;
  std::sort(sorted.begin(), sorted.end());
  const std::size_t k = sorted.size();
  const double median = k % 2 ? sorted[k / 2] : (sorted[k / 2 - 1] + sorted[k / 2]) / 2;
  std::printf("save -> new picture (%s, %zu edits): median %.1f ms  min %.1f ms  max %.1f ms", o.edit_doc.c_str(), k,
              median, sorted.front(), sorted.back());
  if (o.pid) std::printf("  server CPU per edit %.1f ms", cpu * 1000 / static_cast<double>(k));
  std::printf("\n");
  return all_seen ? 0 : 1;
}
