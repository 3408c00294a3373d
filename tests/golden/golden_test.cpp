// Golden display lists: every sample (with its own layout, and the seed page
// with the other two) and a generated multi-page document are laid out
// through the library and dumped (frame::dump); each dump must equal its
// file in tests/golden/. A difference prints the first changed lines; the
// whole new dump is left in the build folder. When a change moves things on
// purpose, `scripts/regen-goldens` rewrites the files for review
// (docs/goldens.md).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "app/common/pipeline.h"
#include "app/run_command.h"
#include "app/test_files.h"
#include "core/diagnostics.h"
#include "frame/dump_frame.h"
#include "render/pdf/pdf_writer.h"

namespace fs = std::filesystem;

namespace {

const std::string kSource = BROADSHEET_SOURCE_DIR;
const fs::path kGoldenDir = fs::path(kSource) / "tests" / "golden";

struct GoldenCase {
  std::string name;    // tests/golden/NAME.txt
  std::string yaml;    // relative to the source folder, or absolute
  std::string layout;  // "" = the document's own
};

std::vector<GoldenCase> sample_cases() {
  std::vector<GoldenCase> cases = {
      {"seed-page", "samples/seed-page.yaml", ""},
      {"seed-page@broadsheet-a3", "samples/seed-page.yaml", "broadsheet-a3"},
      {"seed-page@sheet-a4", "samples/seed-page.yaml", "sheet-a4"},
      {"typesetting-showcase", "samples/typesetting-showcase.yaml", ""},
  };
  std::vector<fs::path> counties;
  for (const auto& e : fs::directory_iterator(fs::path(kSource) / "samples" / "counties"))
    if (e.path().extension() == ".yaml") counties.push_back(e.path());
  std::sort(counties.begin(), counties.end());
  for (const auto& p : counties)
    cases.push_back({"counties-" + p.stem().string(), "samples/counties/" + p.filename().string(), ""});
  return cases;
}

const app::Resources& resources() {
  static const app::Resources res = [] {
    app::Resources r;
    r.data_dir = kSource;
    core::Diagnostics diags;
    r.fonts = std::make_unique<text::FontBook>(text::load_font_manifest(kSource + "/fonts/manifest.yaml", diags),
                                               kSource + "/fonts");
    return r;
  }();
  return res;
}

std::string relative_to(std::string text, const std::string& dir) {
  const std::string prefix = dir + "/";
  for (auto at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at)) text.erase(at, prefix.size());
  return text;
}

// The dump of one document: what laying it out reported, then the pages.
// Paths are relative to `base` (the source folder, or the generated
// document's folder), so the dump is the same in any clone.
std::string golden_dump(const std::string& yaml, const std::string& layout, const std::string& base) {
  core::Diagnostics diags;
  app::RenderOptions options;
  options.layout = layout;
  const auto pub = app::typeset(yaml, resources(), options, diags);
  std::string out;
  for (const auto& d : diags.all()) out += relative_to("diagnostic " + core::format(d), base) + "\n";
  if (pub) out += frame::dump(*pub, base);
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    lines.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return lines;
}

// One line of a line diff: ' ' kept, '-' only expected, '+' only actual.
struct DiffLine {
  char mark;
  std::size_t expected_line, actual_line;  // 0-based, where this line stands in each
  std::string text;
};

// A longest-common-subsequence line diff of the stretch between the common
// head and tail (bounded, so a file that changed everywhere stays cheap).
std::vector<DiffLine> line_diff(const std::vector<std::string>& want, const std::vector<std::string>& got) {
  std::size_t head = 0;
  while (head < want.size() && head < got.size() && want[head] == got[head]) ++head;
  std::size_t tail = 0;
  while (tail < want.size() - head && tail < got.size() - head &&
         want[want.size() - 1 - tail] == got[got.size() - 1 - tail])
    ++tail;
  const std::size_t n = want.size() - head - tail, m = got.size() - head - tail;
  std::vector<DiffLine> out;
  for (std::size_t i = 0; i < head; ++i) out.push_back({' ', i, i, want[i]});
  if (n * m > 16'000'000) {  // too big to align: all of one side, then the other
    for (std::size_t i = 0; i < n; ++i) out.push_back({'-', head + i, head, want[head + i]});
    for (std::size_t j = 0; j < m; ++j) out.push_back({'+', head + n, head + j, got[head + j]});
  } else {
    // lcs[i][j]: the longest common run of want[head+i..] and got[head+j..].
    std::vector<std::vector<unsigned>> lcs(n + 1, std::vector<unsigned>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
      for (std::size_t j = m; j-- > 0;)
        lcs[i][j] = want[head + i] == got[head + j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && want[head + i] == got[head + j]) {
        out.push_back({' ', head + i, head + j, want[head + i]});
        ++i, ++j;
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        out.push_back({'-', head + i, head + j, want[head + i]});
        ++i;
      } else {
        out.push_back({'+', head + i, head + j, got[head + j]});
        ++j;
      }
    }
  }
  for (std::size_t k = 0; k < tail; ++k)
    out.push_back({' ', want.size() - tail + k, got.size() - tail + k, want[want.size() - tail + k]});
  return out;
}

// The first differences in unified style: hunks with three lines of context,
// until `limit` changed lines have been shown.
std::string first_differences(const std::string& expected, const std::string& actual, std::size_t limit = 40) {
  const auto want = lines_of(expected), got = lines_of(actual);
  const auto diff = line_diff(want, got);
  std::string out = "--- expected (" + std::to_string(want.size()) + " lines)\n+++ actual (" +
                    std::to_string(got.size()) + " lines)\n";
  std::size_t shown = 0, changed = 0;
  for (const auto& d : diff) changed += d.mark != ' ';
  std::size_t k = 0;
  while (k < diff.size() && shown < limit) {
    if (diff[k].mark == ' ') {
      ++k;
      continue;
    }
    // A hunk runs on while the next change comes within six lines.
    std::size_t last = k;
    for (std::size_t q = k; q < diff.size() && q <= last + 6; ++q)
      if (diff[q].mark != ' ') last = q;
    const std::size_t from = k >= 3 ? k - 3 : 0, end = std::min(diff.size(), last + 4);
    out += "@@ -" + std::to_string(diff[from].expected_line + 1) + " +" + std::to_string(diff[from].actual_line + 1) +
           " @@\n";
    for (std::size_t q = from; q < end; ++q) {
      if (diff[q].mark != ' ' && ++shown > limit) break;
      out += diff[q].mark + diff[q].text + "\n";
    }
    k = end;
  }
  if (changed > limit) out += "… " + std::to_string(changed - limit) + " more changed lines\n";
  return out;
}

bool regenerating() {
  const char* v = std::getenv("BROADSHEET_REGEN_GOLDENS");
  return v && std::string(v) == "1";
}

void check_golden(const std::string& name, const std::string& actual) {
  const fs::path file = kGoldenDir / (name + ".txt");
  if (regenerating()) {
    std::ofstream(file, std::ios::binary) << actual;
    MESSAGE("wrote " << file.string());
    return;
  }
  const std::string expected = read_file(file);
  REQUIRE_MESSAGE(!expected.empty(), "no golden " << file.string() << ": run scripts/regen-goldens");
  if (expected == actual) return;
  const fs::path kept = fs::current_path() / "golden-actual" / (name + ".txt");
  fs::create_directories(kept.parent_path());
  std::ofstream(kept, std::ios::binary) << actual;
  FAIL_CHECK("the display list of " << name << " differs from " << relative_to(file.string(), kSource)
                                    << " (whole dump: " << kept.string()
                                    << "; if the change is meant, run scripts/regen-goldens and review the diff)\n"
                                    << first_differences(expected, actual));
}

}  // namespace

TEST_CASE("golden display lists of the samples") {
  for (const auto& c : sample_cases()) {
    CAPTURE(c.name);
    const std::string actual = golden_dump(kSource + "/" + c.yaml, c.layout, kSource);
    CHECK_MESSAGE(actual.find("\npage ") != std::string::npos, c.name << " laid out no page:\n" << actual);
    check_golden(c.name, actual);
  }
}

TEST_CASE("golden display list of a generated six-page document") {
  const fs::path dir = fresh_dir("golden", "long");
  const fs::path yaml = dir / "long-doc.yaml";
  const auto made = run_command("/usr/bin/python3 " + kSource + "/bench/make-long-doc.py 6 " + yaml.string() + " 2>&1");
  REQUIRE_MESSAGE(made.exit_code == 0, made.out);
  const std::string actual = golden_dump(yaml.string(), "", dir.string());
  CHECK(actual.find("\npage 6 ") != std::string::npos);
  check_golden("long-doc", actual);
  fs::remove_all(dir);
}

TEST_CASE("every golden file belongs to a case") {
  std::set<std::string> known{"long-doc"};
  for (const auto& c : sample_cases()) known.insert(c.name);
  for (const auto& e : fs::directory_iterator(kGoldenDir)) {
    if (e.path().extension() != ".txt") continue;
    CHECK_MESSAGE(known.count(e.path().stem().string()), "stale golden " << e.path().filename().string()
                                                                         << ": no case makes it");
  }
}

TEST_CASE("a PDF written page by page as make-up goes is the PDF of the whole publication") {
  // render_pdf hands each page to the writer as soon as it is made and lets
  // it go; the preview keeps the whole publication and writes it at once.
  for (const auto& c : std::vector<GoldenCase>{{"seed", "samples/seed-page.yaml", ""},
                                               {"seed A3", "samples/seed-page.yaml", "broadsheet-a3"},
                                               {"showcase", "samples/typesetting-showcase.yaml", ""},
                                               {"anji", "samples/counties/anji.yaml", ""}}) {
    for (bool press : {false, true}) {
      CAPTURE(c.name);
      CAPTURE(press);
      app::RenderOptions options;
      options.layout = c.layout;
      options.press = press;
      core::Diagnostics streamed_diags, whole_diags;
      int pages = 0;
      const std::string streamed = app::render_pdf(kSource + "/" + c.yaml, resources(), options, streamed_diags, &pages);
      REQUIRE_MESSAGE(!streamed.empty(), core::format_all(streamed_diags));
      const auto pub = app::typeset(kSource + "/" + c.yaml, resources(), options, whole_diags);
      REQUIRE(pub);
      CHECK(pages == static_cast<int>(pub->pages.size()));
      const std::string whole = render::write_pdf(*pub, {}, whole_diags);
      CHECK(streamed.size() == whole.size());
      CHECK(streamed == whole);
      CHECK(core::format_all(streamed_diags) == core::format_all(whole_diags));
    }
  }
}
