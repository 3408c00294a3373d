// Documents and layouts built to break the loader and the PDF writer: each
// ends at once with a located error, or with a page.
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>

#include <thread>

#include "hostile_support.h"

namespace fs = std::filesystem;
using hostile::run_bounded;

namespace {

std::string article(const std::string& headline_line, const std::string& extra = "") {
  return "articles:\n  - union: 某县总工会\n    headline: " + headline_line + "\n    lead: [正文。]\n" + extra;
}

}  // namespace

TEST_CASE("escapes that make invalid UTF-8 or control characters are errors at the string") {
  const auto d = hostile::folder("escapes");
  hostile::write(d / "nel.yaml", article(R"("\N\_标题")"));
  hostile::write(d / "ctl.yaml", article(R"("标题\x01\e")"));
  hostile::write(d / "ok.yaml", article(R"("标题\u00A0\t")"));
  const auto nel = run_bounded(d, "render nel.yaml -o out.pdf");
  INFO(nel.out);
  CHECK(nel.exit_code == 1);
  CHECK(nel.out.find("nel.yaml:3:16: error: 'headline' holds bytes that are not UTF-8") != std::string::npos);
  CHECK(nel.out.find("DejaVu") == std::string::npos);
  const auto ctl = run_bounded(d, "render ctl.yaml -o out.pdf");
  INFO(ctl.out);
  CHECK(ctl.exit_code == 1);
  CHECK(ctl.out.find("ctl.yaml:3:16: error: 'headline' holds the control character U+0001") != std::string::npos);
  CHECK(run_bounded(d, "render ok.yaml -o out.pdf").exit_code == 0);
  fs::remove_all(d);
}

TEST_CASE("40,000 commas and a 40,000-character headline end in a page, not a libharu error") {
  const auto d = hostile::folder("long");
  std::string commas, head;
  for (int i = 0; i < 40000; ++i) commas += "，", head += "标";
  hostile::write(d / "commas.yaml", "articles:\n  - union: 工会\n    headline: 标题\n    lead: [\"" + commas + "\"]\n");
  hostile::write(d / "head.yaml", article("\"" + head + "\""));
  for (const char* doc : {"commas.yaml", "head.yaml"}) {
    const auto r = run_bounded(d, std::string("render ") + doc + " -o out.pdf");
    INFO(doc << ": " << r.out.substr(0, 2000));
    CHECK(r.out.find("libharu") == std::string::npos);
    CHECK(r.out.find("internal error") == std::string::npos);
    CHECK(r.exit_code != hostile::kKilled);
    CHECK(r.seconds < 5);
    CHECK((r.exit_code == 0 || r.out.find(std::string(doc) + ":") != std::string::npos));
  }
  fs::remove_all(d);
}

TEST_CASE("deep nesting, a year 0 date, an absurd body size are located errors") {
  const auto d = hostile::folder("loader");
  hostile::write(d / "deep.yaml", "articles: " + std::string(600, '[') + "\n");
  hostile::write(d / "deep70.yaml", article("标题") + "    photos: " + std::string(70, '[') + std::string(70, ']') + "\n");
  hostile::write(d / "date.yaml", "meta:\n  date: 0000-01-01\n" + article("标题"));
  hostile::write(d / "big.yaml", "name: big\nbody: {size: 1e300, leading: 1e300}\nstyles:\n  headline: {size: 5000}\n");
  hostile::write(d / "layout.yaml", "layout: big.yaml\n" + article("标题"));
  const auto deep = run_bounded(d, "render deep.yaml -o out.pdf");
  INFO(deep.out);
  CHECK(deep.exit_code == 1);
  CHECK(deep.out.find("deep.yaml:1:43: error: values nested more than 64 levels deep") != std::string::npos);
  CHECK(deep.out.find("bad file") == std::string::npos);
  const auto deep70 = run_bounded(d, "check deep70.yaml");
  CHECK(deep70.out.find("deep70.yaml:5:74: error: values nested more than 64 levels deep") != std::string::npos);
  const auto date = run_bounded(d, "render date.yaml -o out.pdf");
  INFO(date.out);
  CHECK(date.exit_code == 1);
  CHECK(date.out.find("date.yaml:2:9: error: 'date' must be a date") != std::string::npos);
  const auto big = run_bounded(d, "render layout.yaml -o out.pdf");
  INFO(big.out);
  CHECK(big.exit_code == 1);
  CHECK(big.out.find("big.yaml:2:14: error: 'size' must be greater than 0 and at most 72") != std::string::npos);
  CHECK(big.out.find("big.yaml:2:30: error: 'leading' must be greater than 0 and at most 400") != std::string::npos);
  CHECK(big.out.find("big.yaml:4:20: error: 'size' must be greater than 0 and at most 200") != std::string::npos);
  fs::remove_all(d);
}

TEST_CASE("a photo outside the document's folder is a warning, an error under --strict") {
  const auto d = hostile::folder("outside");
  fs::create_directories(d / "issue");
  hostile::write(d / "issue/doc.yaml", hostile::doc_with_photo("../photos/rgb.jpg"));
  hostile::write(d / "issue/abs.yaml", hostile::doc_with_photo((d / "photos/rgb.jpg").string()));
  for (const char* doc : {"issue/doc.yaml", "issue/abs.yaml"}) {
    const auto r = run_bounded(d, std::string("render ") + doc + " -o out.pdf");
    INFO(r.out);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find(std::string(doc) + ":6:14: warning: photo '") != std::string::npos);
    CHECK(r.out.find("is outside the document's folder") != std::string::npos);
    CHECK(run_bounded(d, std::string("render ") + doc + " -o out.pdf --strict").exit_code == 1);
  }
  fs::remove_all(d);
}

namespace {

// Twelve county sheets in IN/, with their photos.
fs::path county_folder(const std::string& name) {
  const auto d = hostile::folder(name);
  const fs::path counties = fs::path(source_dir()) / "samples" / "counties";
  fs::copy(counties, d / "in", fs::copy_options::recursive);
  return d;
}

int count_of(const std::string& out, const std::string& word) {
  // The summary line: "... -> OUT: N rendered, M unchanged, K failed ..."
  const auto at = out.find(" " + word);
  if (at == std::string::npos) return -1;
  auto start = out.rfind(' ', at - 1);
  return std::stoi(out.substr(start + 1, at - start - 1));
}

}  // namespace

TEST_CASE("two batches on one OUTDIR: the second waits and renders nothing again") {
  const auto d = county_folder("batch-lock");
  // Four copies of the sheets, so that the first batch is still running
  // when the second starts, however fast a machine renders.
  const fs::path counties = fs::path(source_dir()) / "samples" / "counties";
  for (const char* copy : {"more1", "more2", "more3"}) fs::copy(counties, d / "in" / copy, fs::copy_options::recursive);
  const std::string cmd = "cd '" + d.string() + "' && " + hostile::release_binary() + " batch in -o out -j 1 2>&1";
  std::string first;
  std::thread a([&] { first = run_command(cmd).out; });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const std::string second = run_command(cmd).out;
  a.join();
  INFO(first << "\n---\n" << second);
  CHECK(count_of(first, "rendered,") + count_of(second, "rendered,") == 48);
  CHECK(count_of(second, "unchanged,") + count_of(first, "unchanged,") == 48);
  CHECK(second.find("another batch is writing to out") != std::string::npos);
  fs::remove_all(d);
}

TEST_CASE("a batch killed with SIGKILL soon after starting keeps what it finished") {
  const auto d = county_folder("batch-kill");
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::chdir(d.c_str());
    ::freopen("/dev/null", "w", stdout);
    ::freopen("/dev/null", "w", stderr);
    ::execl(hostile::release_binary().c_str(), "broadsheet", "batch", "in", "-o", "out", "-j", "1", nullptr);
    ::_exit(127);
  }
  // The first PDFs are written, then a little more than the save interval passes.
  const auto start = std::chrono::steady_clock::now();
  auto pdfs = [&] {
    int n = 0;
    if (fs::exists(d / "out"))
      for (const auto& e : fs::directory_iterator(d / "out")) n += e.path().extension() == ".pdf";
    return n;
  };
  while (pdfs() < 2 && std::chrono::steady_clock::now() - start < std::chrono::seconds(20))
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  const int written = pdfs();
  REQUIRE(written >= 2);
  const auto rerun = run_command("cd '" + d.string() + "' && " + hostile::release_binary() + " batch in -o out -j 1 2>&1");
  INFO(rerun.out);
  // The manifest was saved soon after the first PDFs (not 5 s later): what
  // it lists is skipped; only the PDFs of the last half second are redone.
  CHECK(fs::exists(d / "out" / ".broadsheet-batch.json"));
  CHECK(count_of(rerun.out, "unchanged,") >= 1);
  CHECK(count_of(rerun.out, "rendered,") + count_of(rerun.out, "unchanged,") == 12);
  fs::remove_all(d);
}
