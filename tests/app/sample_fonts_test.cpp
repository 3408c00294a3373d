// What pdffonts says of every sample's PDF: the body in Noto Serif CJK SC,
// a Bold face for the headlines, and every font embedded, subset (a
// six-letter tag) and mapped back to Unicode; the Noto faces as CFF.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "run_command.h"
#include "test_files.h"

namespace fs = std::filesystem;

namespace {

struct FontRow {
  std::string name, type;
  bool embedded = false, subset = false, unicode = false;
};

// pdffonts' table: name, type (several words), encoding, emb, sub, uni, object id, generation.
std::vector<FontRow> pdf_fonts(const fs::path& pdf) {
  std::vector<FontRow> rows;
  std::istringstream out(run_command("pdffonts " + pdf.string() + " 2>&1").out);
  static const std::regex row(R"(^(\S+)\s+(.+?)\s+Identity-H\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$)");
  std::smatch m;
  for (std::string line; std::getline(out, line);)
    if (std::regex_match(line, m, row)) rows.push_back({m[1], m[2], m[3] == "yes", m[4] == "yes", m[5] == "yes"});
  return rows;
}

void check_fonts(const fs::path& pdf) {
  CAPTURE(pdf.string());
  const auto rows = pdf_fonts(pdf);
  REQUIRE(!rows.empty());
  auto any = [&](const std::string& part) {
    return std::any_of(rows.begin(), rows.end(), [&](const FontRow& r) { return r.name.find(part) != std::string::npos; });
  };
  CHECK(any("+NotoSerifCJKsc-Regular"));
  CHECK(any("-Bold"));
  static const std::regex tagged("^[A-Z]{6}\\+.+");
  for (const auto& r : rows) {
    CAPTURE(r.name);
    CHECK(r.embedded);
    CHECK(r.subset);
    CHECK(r.unicode);
    CHECK(std::regex_match(r.name, tagged));
    if (r.name.find("+Noto") != std::string::npos) CHECK(r.type == "CID Type 0C");
  }
}

}  // namespace

TEST_CASE("every sample's PDF: Noto Serif CJK SC body, a Bold face, all fonts embedded and subset") {
  const fs::path dir = fresh_dir("fonts", "samples");
  int pdfs = 0;
  for (const auto& e : fs::directory_iterator(source_dir() + "/samples")) {
    if (e.path().extension() != ".yaml") continue;
    const fs::path pdf = dir / (e.path().stem().string() + ".pdf");
    const auto r = run_command(broadsheet() + " render " + e.path().string() + " -o " + pdf.string() + " 2>&1");
    REQUIRE_MESSAGE(r.exit_code == 0, r.out);
    check_fonts(pdf);
    ++pdfs;
  }
  const auto r = run_command(broadsheet() + " batch " + source_dir() + "/samples/counties -o " + (dir / "counties").string() +
                             " 2>&1");
  REQUIRE_MESSAGE(r.exit_code == 0, r.out);
  for (const auto& e : fs::directory_iterator(dir / "counties")) {
    if (e.path().extension() != ".pdf") continue;
    check_fonts(e.path());
    ++pdfs;
  }
  CHECK(pdfs >= 14);
  fs::remove_all(dir);
}
