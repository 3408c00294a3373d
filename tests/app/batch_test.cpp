// `broadsheet batch` as a user meets it: many documents, one bad one, Ctrl-C,
// reruns, shards. Runs the built program like cli_test.cpp does.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "app/batch/batch_inputs.h"
#include "app/batch/batch_options.h"
#include "app/batch/batch_shard.h"
#include "app/common/arguments.h"
#include "app/common/input_stamp.h"
#include "run_command.h"
#include "test_files.h"

namespace fs = std::filesystem;

namespace {

// Twelve sample sheets; the tests copy the ones they need.
const std::vector<std::string> kCounties = {"anji",   "beiliu",  "changyuan", "fuping", "jinjiang", "jungar",
                                            "kunshan", "liuyang", "nankang",   "panzhou", "qinghe",  "shouguang"};

fs::path temp_dir(const std::string& name) { return fresh_dir("batch", name); }

fs::path counties() { return fs::path(source_dir()) / "samples" / "counties"; }

// A folder of documents: county sheets (copied as `as` names) and their photos.
void add_sheets(const fs::path& dir, const std::vector<std::pair<std::string, std::string>>& county_as) {
  fs::create_directories(dir);
  if (!fs::exists(dir / "photos")) fs::copy(counties() / "photos", dir / "photos", fs::copy_options::recursive);
  for (const auto& [county, as] : county_as) fs::copy_file(counties() / (county + ".yaml"), dir / (as + ".yaml"));
}

std::vector<std::pair<std::string, std::string>> same_names(const std::vector<std::string>& names) {
  std::vector<std::pair<std::string, std::string>> v;
  for (const auto& n : names) v.emplace_back(n, n);
  return v;
}

// The program with its data folder named, so the tests work from any build folder.
std::string batch_command(const std::string& args) {
  return "env BROADSHEET_DATA_DIR='" + source_dir() + "' " + broadsheet() + " batch " + args;
}

std::set<std::string> pdfs_in(const fs::path& dir) {
  std::set<std::string> names;
  if (!fs::exists(dir)) return names;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".pdf") names.insert(e.path().filename().string());
  }
  return names;
}

// A whole PDF: the header, and the end-of-file marker within its last bytes.
bool complete_pdf(const fs::path& p) {
  const std::string bytes = read_file(p);
  return bytes.rfind("%PDF-", 0) == 0 && bytes.find("%%EOF", bytes.size() > 1024 ? bytes.size() - 1024 : 0) !=
                                             std::string::npos;
}

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

Poco::JSON::Object::Ptr read_json(const fs::path& p) {
  Poco::JSON::Parser parser;
  return parser.parse(read_file(p)).extract<Poco::JSON::Object::Ptr>();
}

// Per document of a --report: output file name → status.
std::map<std::string, std::string> statuses(const fs::path& report) {
  std::map<std::string, std::string> m;
  auto docs = read_json(report)->getArray("documents");
  for (std::size_t i = 0; i < docs->size(); ++i) {
    auto d = docs->getObject(static_cast<unsigned>(i));
    m[fs::path(d->getValue<std::string>("output")).filename().string()] = d->getValue<std::string>("status");
  }
  return m;
}

// Starts the batch in the background (its output to `log`) and returns its pid.
pid_t spawn_batch(const std::string& args, const fs::path& log) {
  const std::string cmd = "exec " + batch_command(args) + " >'" + log.string() + "' 2>&1";
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  return pid;
}

}  // namespace

TEST_CASE("batch: a broken sheet in the middle is reported with file:line:col; all the others are produced") {
  const auto dir = temp_dir("broken");
  add_sheets(dir / "in", same_names(kCounties));
  // Sorted between liuyang and nankang: the batch is well under way when it comes.
  std::ofstream(dir / "in" / "m-broken.yaml")
      << "layout: sheet-a4\narticles:\n  - union: 某县总工会\n    headlin: 标题\n";
  const auto out = dir / "out";
  auto r = run_command(batch_command((dir / "in").string() + " -o " + out.string() + " -j 2 --report " +
                                     (dir / "report.json").string() + " 2>&1"));
  INFO(r.out);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find((dir / "in" / "m-broken.yaml").string() + ":3:5: error:") != std::string::npos);
  CHECK(r.out.find("12 rendered, 0 unchanged, 1 failed") != std::string::npos);
  CHECK(!fs::exists(out / "m-broken.pdf"));
  for (const auto& c : kCounties) {
    CAPTURE(c);
    REQUIRE(fs::exists(out / (c + ".pdf")));
    CHECK(complete_pdf(out / (c + ".pdf")));
  }

  // The report: every document with status, pages, bytes, time, messages.
  auto report = read_json(dir / "report.json");
  auto summary = report->getObject("summary");
  CHECK(summary->getValue<int>("documents") == 13);
  CHECK(summary->getValue<int>("failed") == 1);
  auto docs = report->getArray("documents");
  REQUIRE(docs->size() == 13);
  for (std::size_t i = 0; i < docs->size(); ++i) {
    auto d = docs->getObject(static_cast<unsigned>(i));
    const std::string source = d->getValue<std::string>("source");
    CAPTURE(source);
    if (source.ends_with("m-broken.yaml")) {
      CHECK(d->getValue<std::string>("status") == "failed");
      CHECK(d->getArray("errors")->size() == 2);  // the misspelt key, with "did you mean", and the missing one
      CHECK(d->getArray("warnings")->size() == 0);
      continue;
    }
    // The county samples are meant to fill exactly one sheet-a4 page, cleanly.
    CHECK(d->getValue<std::string>("status") == "rendered");
    CHECK(d->getValue<int>("pages") == 1);
    const auto size = fs::file_size(d->getValue<std::string>("output"));
    CHECK(d->getValue<Poco::Int64>("bytes") == static_cast<Poco::Int64>(size));
    CHECK(d->getValue<double>("milliseconds") > 0);
    CHECK(d->getArray("warnings")->size() == 0);
  }
  fs::remove_all(dir);
}

TEST_CASE("batch: an interrupted batch leaves only complete PDFs, and a rerun finishes the job") {
  const auto dir = temp_dir("interrupt");
  std::vector<std::pair<std::string, std::string>> sheets;
  constexpr int kSheets = 36;
  for (int i = 0; i < kSheets; ++i) {
    sheets.emplace_back(kCounties[i % kCounties.size()], "sheet-" + std::to_string(100 + i));
  }
  add_sheets(dir / "in", sheets);
  const auto out = dir / "out";
  const std::string args = (dir / "in").string() + " -o " + out.string() + " -j 2";

  for (int sig : {SIGINT, SIGTERM}) {
    CAPTURE(sig);
    const std::size_t before = pdfs_in(out).size();
    const pid_t pid = spawn_batch(args, dir / "log.txt");
    REQUIRE(pid > 0);
    // Interrupt as soon as this run has written its first PDF.
    int status = 0;
    bool exited = false;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (pdfs_in(out).size() <= before && std::chrono::steady_clock::now() < deadline) {
      if (::waitpid(pid, &status, WNOHANG) == pid) {
        exited = true;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    REQUIRE_MESSAGE(!exited, read_file(dir / "log.txt"));
    ::kill(pid, sig);
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    const std::string log = read_file(dir / "log.txt");
    INFO(log);
    // It wound down by itself (not killed by the signal) and says so.
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 128 + sig);
    CHECK(log.find("interrupted by") != std::string::npos);

    // Only whole PDFs, no temporary files; some documents left for later.
    const auto done = pdfs_in(out);
    CHECK(done.size() > before);
    CHECK(done.size() < static_cast<std::size_t>(kSheets));
    for (const auto& e : fs::directory_iterator(out)) {
      const std::string name = e.path().filename().string();
      CAPTURE(name);
      if (name == ".broadsheet-batch.json" || name == ".broadsheet-batch.json.lock") continue;
      CHECK(e.path().extension() == ".pdf");
      CHECK(complete_pdf(e.path()));
    }
  }

  // The rerun renders only what is missing.
  const std::size_t done = pdfs_in(out).size();
  auto r = run_command(batch_command(args + " 2>&1"));
  INFO(r.out);
  CHECK(r.exit_code == 0);
  CHECK(count_of("\n" + r.out, "\nunchanged ") == done);
  CHECK(r.out.find(std::to_string(kSheets - done) + " rendered, " + std::to_string(done) + " unchanged, 0 failed") !=
        std::string::npos);
  CHECK(pdfs_in(out).size() == static_cast<std::size_t>(kSheets));
  fs::remove_all(dir);
}

TEST_CASE("batch: a rerun skips unchanged documents and re-renders changed ones") {
  const auto dir = temp_dir("rerun");
  // anji and changyuan share photos/contest.jpg.
  add_sheets(dir / "in", same_names({"anji", "beiliu", "changyuan", "kunshan"}));
  const auto out = dir / "out";
  const std::string args = (dir / "in").string() + " -o " + out.string() + " --report " + (dir / "r.json").string();
  auto run = [&](const std::string& extra = "") {
    auto r = run_command(batch_command(args + extra + " 2>&1"));
    INFO(r.out);
    CHECK(r.exit_code == 0);
    return r.out;
  };
  auto mtime = [&](const std::string& name) { return fs::last_write_time(out / name); };

  CHECK(run().find("4 rendered, 0 unchanged") != std::string::npos);
  const auto anji_time = mtime("anji.pdf");
  const auto kunshan_time = mtime("kunshan.pdf");

  CHECK(run().find("0 rendered, 4 unchanged") != std::string::npos);
  CHECK(mtime("anji.pdf") == anji_time);
  CHECK(statuses(dir / "r.json")["anji.pdf"] == "unchanged");

  // An edited YAML: only that document again.
  std::ofstream(dir / "in" / "kunshan.yaml", std::ios::app) << "# edited\n";
  CHECK(run().find("1 rendered, 3 unchanged") != std::string::npos);
  CHECK(mtime("kunshan.pdf") != kunshan_time);
  CHECK(mtime("anji.pdf") == anji_time);
  CHECK(statuses(dir / "r.json")["kunshan.pdf"] == "rendered");

  // A changed photo: the two documents that show it.
  fs::last_write_time(dir / "in" / "photos" / "contest.jpg", fs::file_time_type::clock::now());
  CHECK(run().find("2 rendered, 2 unchanged") != std::string::npos);
  auto s = statuses(dir / "r.json");
  CHECK(s["anji.pdf"] == "rendered");
  CHECK(s["changyuan.pdf"] == "rendered");
  CHECK(s["beiliu.pdf"] == "unchanged");

  // A PDF changed or removed behind the batch's back is made again.
  fs::remove(out / "beiliu.pdf");
  CHECK(run().find("1 rendered, 3 unchanged") != std::string::npos);

  CHECK(run(" --force").find("4 rendered, 0 unchanged") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("batch: the shards of --shard I/4 together make exactly the unsharded run") {
  const auto dir = temp_dir("shard");
  add_sheets(dir / "in", same_names(kCounties));
  // The same file name in another folder: both get predictable distinct names.
  add_sheets(dir / "in" / "more", same_names({"anji", "kunshan"}));

  auto all = run_command(batch_command((dir / "in").string() + " -o " + (dir / "all").string() + " 2>&1"));
  INFO(all.out);
  CHECK(all.exit_code == 0);
  const auto expected = pdfs_in(dir / "all");
  CHECK(expected.size() == 14);
  CHECK(expected.count("in-anji.pdf") == 1);
  CHECK(expected.count("more-anji.pdf") == 1);
  CHECK(expected.count("anji.pdf") == 0);

  // The shards are given the files one by one, in reverse order: the
  // assignment must not depend on how the inputs are listed.
  std::vector<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir / "in")) {
    if (e.path().extension() == ".yaml") files.push_back(e.path().string());
  }
  std::sort(files.rbegin(), files.rend());
  std::string operands;
  for (const auto& f : files) operands += f + " ";

  std::set<std::string> seen;
  for (int i = 0; i < 4; ++i) {
    const auto report = dir / ("shard-" + std::to_string(i) + ".json");
    auto r = run_command(batch_command(operands + "-o " + (dir / "sharded").string() + " --shard " +
                                       std::to_string(i) + "/4 --report " + report.string() + " 2>&1"));
    INFO(r.out);
    CHECK(r.exit_code == 0);
    for (const auto& [name, status] : statuses(report)) {
      CAPTURE(name);
      CHECK(status == "rendered");
      CHECK(seen.insert(name).second);  // in no other shard
    }
  }
  CHECK(seen == expected);
  CHECK(pdfs_in(dir / "sharded") == expected);
  for (const auto& name : expected) {
    CAPTURE(name);
    CHECK(read_file(dir / "sharded" / name) == read_file(dir / "all" / name));  // deterministic PDFs
  }

  // The shards' manifests serve an unsharded rerun over the same folder.
  auto again = run_command(batch_command((dir / "in").string() + " -o " + (dir / "sharded").string() + " 2>&1"));
  INFO(again.out);
  CHECK(again.out.find("0 rendered, 14 unchanged") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("batch: wrong usage exits 2, a missing input 1") {
  auto code = [](const std::string& args) { return run_command(batch_command(args + " >/dev/null 2>&1")).exit_code; };
  const std::string in = counties().string();
  CHECK(code("") == 2);
  CHECK(code(in) == 2);  // no -o
  CHECK(code(in + " -o /tmp/x --shard 4/4") == 2);
  CHECK(code(in + " -o /tmp/x --shard 1") == 2);
  CHECK(code(in + " -o /tmp/x -j 0") == 2);
  CHECK(code(in + " -o /tmp/x --frobnicate") == 2);
  CHECK(code("--help") == 0);
  auto r = run_command(batch_command("/nonexistent/folder -o /tmp/x 2>&1"));
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("/nonexistent/folder: no such file or folder") != std::string::npos);
}

// ---- the pieces, without the program ------------------------------------

TEST_CASE("batch options: values, shards and jobs") {
  auto o = app::parse_batch_options({"a", "b/", "-o", "out", "-j4", "--shard=2/3", "--report", "r.json", "--strict"});
  CHECK(o.inputs == std::vector<std::string>{"a", "b/"});
  CHECK(o.out_dir == "out");
  CHECK(o.jobs == 4);
  CHECK(o.shard.index == 2);
  CHECK(o.shard.count == 3);
  CHECK(o.report == "r.json");
  CHECK(o.strict);
  CHECK(!o.force);
  CHECK(!app::parse_shard("3/3"));
  CHECK(!app::parse_shard("-1/3"));
  CHECK(!app::parse_shard("1/0"));
  CHECK(app::parse_shard("0/1"));
  CHECK_THROWS_AS(app::parse_batch_options({"a", "-o"}), app::UsageError);
  CHECK(app::usable_cores() >= 1);
}

TEST_CASE("batch names: clashes get their nearest folders, whatever the order of the inputs") {
  auto make = [](const std::vector<std::string>& keys) {
    std::vector<app::BatchDocument> docs;
    for (const auto& k : keys) docs.push_back({k, k, "", ""});
    std::vector<std::string> notes;
    app::assign_output_names(docs, "out", notes);
    std::map<std::string, std::string> names;
    for (const auto& d : docs) names[d.key] = d.output_name;
    return names;
  };
  const std::vector<std::string> keys = {"/d/gd/foshan/x.yaml", "/d/sx/foshan/x.yaml", "/d/z/x.yaml",
                                         "/d/gd/y.yaml",        "/d/sx/y.yaml",        "/d/gd-y.yaml"};
  auto names = make(keys);
  // Three x.yaml: one folder is not enough to tell the first two apart, so
  // all three take two.
  CHECK(names["/d/gd/foshan/x.yaml"] == "gd-foshan-x.pdf");
  CHECK(names["/d/sx/foshan/x.yaml"] == "sx-foshan-x.pdf");
  CHECK(names["/d/z/x.yaml"] == "d-z-x.pdf");
  CHECK(names["/d/sx/y.yaml"] == "sx-y.pdf");
  // gd/y.yaml would become gd-y.pdf, which gd-y.yaml makes too: numbered in
  // the order of their paths.
  CHECK(names["/d/gd-y.yaml"] == "gd-y.pdf");
  CHECK(names["/d/gd/y.yaml"] == "gd-y~2.pdf");
  std::set<std::string> distinct;
  for (const auto& [k, n] : names) distinct.insert(n);
  CHECK(distinct.size() == keys.size());

  auto reversed = keys;
  std::reverse(reversed.begin(), reversed.end());
  CHECK(make(reversed) == names);
}

TEST_CASE("one input fingerprint: the same while untouched, another after a write, a creation or a rename") {
  const fs::path dir = fresh_dir("batch", "fingerprint");
  const std::string a = (dir / "a.yaml").string(), b = (dir / "b.jpg").string();
  std::ofstream(a) << "articles: []\n";
  const std::string before = app::inputs_fingerprint({a, b});
  CHECK(before.size() == app::kFingerprintLength);
  CHECK(app::inputs_fingerprint({a, b}) == before);
  CHECK(app::inputs_fingerprint({b, a}) != before);  // which file is which matters
  std::ofstream(b) << "x";                           // a missing photo appears
  const std::string with_photo = app::inputs_fingerprint({a, b});
  CHECK(with_photo != before);
  // Same size, new bytes: the modification time tells.
  fs::last_write_time(a, fs::last_write_time(a) - std::chrono::seconds(10));
  const std::string older = app::inputs_fingerprint({a, b});
  std::ofstream(a) << "articles: {}\n";
  CHECK(app::inputs_fingerprint({a, b}) != older);
  fs::remove_all(dir);
}

TEST_CASE("batch shards: a fixed hash, every name in exactly one shard, roughly even") {
  // Fixed values: every machine of a job array must agree.
  CHECK(app::stable_hash("") == app::stable_hash(""));
  CHECK(app::stable_hash("anji.pdf") != app::stable_hash("anji.pdF"));
  std::vector<int> sizes(8, 0);
  for (int i = 0; i < 8000; ++i) {
    const std::string name = "sheet-" + std::to_string(i) + ".pdf";
    int owners = 0;
    for (int s = 0; s < 8; ++s) owners += app::in_shard(name, {s, 8}) ? 1 : 0;
    CHECK(owners == 1);
    ++sizes[app::shard_of(name, 8)];
  }
  for (int n : sizes) CHECK(std::abs(n - 1000) < 100);
  CHECK(app::in_shard("anything.pdf", {0, 1}));
}
