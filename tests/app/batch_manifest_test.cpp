// The batch manifest as a file of appended records: what a rerun reads
// back, a record cut off by a kill, a damaged file, and compaction.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "app/batch/batch_manifest.h"
#include "test_files.h"

namespace fs = std::filesystem;

namespace {

struct Folder {
  fs::path dir = fresh_dir("manifest", "records");
  fs::path yaml = dir / "in.yaml";
  Folder() { std::ofstream(yaml) << "articles: []\n"; }
  ~Folder() { fs::remove_all(dir); }

  app::BatchDocument doc(const std::string& name) const {
    return {yaml.string(), yaml.string() + "#" + name, name + ".pdf", (dir / (name + ".pdf")).string()};
  }
  // A PDF written for `name` and the record that proves it fresh.
  app::ManifestEntry render(const std::string& name) const {
    const auto d = doc(name);
    std::ofstream(d.output_path) << "%PDF- " << name;
    app::ManifestEntry e;
    e.source = d.key;
    e.environment = "env";
    e.pdf = *app::stamp_file(d.output_path);
    e.pages = 1;
    e.warnings = {"in.yaml:1:1: warning: \"quoted\"\nand a second line"};
    e.inputs = {{yaml.string(), *app::stamp_file(yaml.string())}};
    return e;
  }
  app::BatchManifest load(std::vector<std::string>& notes) const {
    return app::BatchManifest::load(dir.string(), app::ShardSpec{}, notes);
  }
  bool fresh(const app::BatchManifest& m, const std::string& name) const {
    return m.fresh_entry(doc(name), "env", false) != nullptr;
  }
  std::size_t lines() const {
    const std::string text = read_file(dir / ".broadsheet-batch.json");
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  }
};

}  // namespace

TEST_CASE("batch manifest: records appended one per line are read back, the last one winning") {
  Folder f;
  std::vector<std::string> notes;
  {
    auto m = f.load(notes);
    m.record("a.pdf", f.render("a"));
    m.record("b.pdf", f.render("b"));
    REQUIRE(m.start_appending().empty());
    CHECK(f.lines() == 3);  // the header and the records so far
    m.record("c.pdf", f.render("c"));
    CHECK(f.lines() == 4);  // on disk at once, not at the end
    m.forget("b.pdf");
    m.record("a.pdf", f.render("a"));  // rendered again: a newer PDF
    CHECK(m.finish().empty());
  }
  CHECK(f.lines() == 6);
  auto m = f.load(notes);
  CHECK(notes.empty());
  CHECK(f.fresh(m, "a"));
  CHECK_FALSE(f.fresh(m, "b"));
  CHECK(f.fresh(m, "c"));
  CHECK(m.fresh_entry(f.doc("a"), "env", false)->warnings.front() ==
        "in.yaml:1:1: warning: \"quoted\"\nand a second line");

  // The next run starts by rewriting the file with what is still worth keeping.
  fs::remove(f.doc("c").output_path);
  auto next = f.load(notes);
  REQUIRE(next.start_appending().empty());
  CHECK(next.finish().empty());
  CHECK(f.lines() == 2);
  auto again = f.load(notes);
  CHECK(f.fresh(again, "a"));
  CHECK_FALSE(f.fresh(again, "c"));
}

TEST_CASE("batch manifest: a record cut off by a kill is skipped; a damaged file is ignored with a note") {
  Folder f;
  std::vector<std::string> notes;
  {
    auto m = f.load(notes);
    REQUIRE(m.start_appending().empty());
    m.record("a.pdf", f.render("a"));
    m.record("b.pdf", f.render("b"));
    CHECK(m.finish().empty());
  }
  const fs::path file = f.dir / ".broadsheet-batch.json";
  const std::string whole = read_file(file);
  // SIGKILL in the middle of writing b's record.
  std::ofstream(file, std::ios::trunc) << whole.substr(0, whole.size() - 20);
  auto m = f.load(notes);
  CHECK(notes.empty());
  CHECK(f.fresh(m, "a"));
  CHECK_FALSE(f.fresh(m, "b"));

  for (const std::string& damaged : {whole.substr(0, whole.find('\n') + 1) + "{not json\n" +
                                         whole.substr(whole.find('\n') + 1),
                                     std::string("{\"format\":\"broadsheet-batch-manifest 1\"}\n"), std::string("[]")}) {
    std::ofstream(file, std::ios::trunc) << damaged;
    notes.clear();
    auto ignored = f.load(notes);
    REQUIRE(notes.size() == 1);
    CHECK(notes.front().find("its documents are rendered again") != std::string::npos);
    CHECK_FALSE(f.fresh(ignored, "a"));
  }
}
