// What a reader gets back from the PDF: pdftotext of the rendered samples
// returns every paragraph's characters in order (𬭎 included), and no line
// starts with closing punctuation or ends with an opening mark.
#include <doctest/doctest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/utf8.h"
#include "model/load_document.h"
#include "run_command.h"
#include "test_files.h"

namespace fs = std::filesystem;

namespace {

std::u32string utf32(const std::string& s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto d = core::decode_utf8(s, i);
    out.push_back(d.valid ? d.code_point : U'\uFFFD');
    i += d.length;
  }
  return out;
}

// The text without any white space (pdftotext shows gaps as spaces).
std::u32string squeezed(const std::string& s) {
  std::u32string out;
  for (char32_t c : utf32(s))
    if (c != U' ' && c != U'\n' && c != U'\f' && c != U'\t' && c != U'\u3000') out.push_back(c);
  return out;
}

std::string strip_emphasis(std::string s) {
  for (std::size_t p; (p = s.find("**")) != std::string::npos;) s.erase(p, 2);
  return s;
}

struct Rendered {
  std::string raw;     // pdftotext -raw: content-stream (reading) order
  std::string layout;  // pdftotext default: physical lines
};

Rendered render_file(const std::string& yaml) {
  const fs::path pdf = fs::temp_directory_path() / ("broadsheet-text-" + std::to_string(::getpid()) + ".pdf");
  auto r = run_command(broadsheet() + " render " + yaml + " -o " + pdf.string() + " 2>&1");
  REQUIRE_MESSAGE(r.exit_code == 0, r.out);
  Rendered out;
  out.raw = run_command("pdftotext -raw " + pdf.string() + " - 2>&1").out;
  out.layout = run_command("pdftotext " + pdf.string() + " - 2>&1").out;
  fs::remove(pdf);
  return out;
}

Rendered render(const std::string& sample) { return render_file(source_dir() + "/samples/" + sample); }

// The paragraph as it should copy out: a space between Han and a Latin
// letter or digit is set as the Han–Latin gap (nothing, in a layout that
// sets them solid), not as a character.
std::u32string as_printed(const std::u32string& para) {
  auto latin = [](char32_t c) { return c < 0x80 && std::isalnum(static_cast<int>(c)); };
  auto han = [](char32_t c) { return c >= 0x2E80; };
  std::u32string out;
  for (std::size_t i = 0; i < para.size(); ++i) {
    if (para[i] == U' ' && i > 0 && i + 1 < para.size() &&
        ((han(para[i - 1]) && latin(para[i + 1])) || (latin(para[i - 1]) && han(para[i + 1]))))
      continue;
    out.push_back(para[i]);
  }
  return out;
}

// How much of `para` from `i` on one printed line holds, with the
// source's spaces and no others (one the line breaks at may be left out);
// npos when the line is not the paragraph's next piece.
std::size_t match_line(const std::u32string& line, const std::u32string& para, std::size_t i) {
  while (i < para.size() && para[i] == U' ') ++i;
  if (line.empty() || para.compare(i, line.size(), line) != 0) {
    // The line's last character may be a space the paragraph broke at.
    if (line.size() < 2 || line.back() != U' ' || para.compare(i, line.size() - 1, line, 0, line.size() - 1) != 0)
      return std::u32string::npos;
    return i + line.size() - 1;
  }
  return i + line.size();
}

// Finds `para` as a sequence of whole printed lines from line `from` on
// (other lines may come between: a folio, a banner, a column's other
// article); returns the line after its last, or npos.
std::size_t find_paragraph(const std::vector<std::u32string>& lines, const std::u32string& para, std::size_t from) {
  for (std::size_t first = from; first < lines.size(); ++first) {
    std::size_t i = match_line(lines[first], para, 0);
    if (i == std::u32string::npos) continue;
    std::size_t k = first + 1;
    for (std::size_t skipped = 0; i < para.size() && k < lines.size() && skipped < 80; ++k) {
      const std::size_t next = match_line(lines[k], para, i);
      if (next == std::u32string::npos) ++skipped;
      else i = next, skipped = 0;
    }
    if (i >= para.size()) return k;
  }
  return std::u32string::npos;
}

// Every body paragraph (leads and sections) of the document's articles is
// in the PDF's text in reading order, with the source's spaces and no
// others: a loosely justified line or an emphasised lead-in must not copy
// out as 宣 讲 团.
void check_body_text_verbatim(const std::string& yaml, int min_paragraphs) {
  core::Diagnostics diags;
  const auto doc = model::load_document(yaml, diags);
  std::vector<std::u32string> lines;
  std::istringstream raw(render_file(yaml).raw);
  for (std::string line; std::getline(raw, line);) {
    std::erase(line, '\f');
    lines.push_back(utf32(line));
  }
  int paragraphs = 0;
  for (const auto& a : doc.articles) {
    std::size_t at = 0;
    std::vector<std::string> body;
    for (const auto& p : a.lead) body.push_back(p.value);
    for (const auto& s : a.sections)
      for (const auto& p : s.paragraphs) body.push_back(p.value);
    for (const auto& p : body) {
      const std::u32string want = as_printed(utf32(strip_emphasis(p)));
      if (want.empty()) continue;
      CAPTURE(p);
      const std::size_t end = find_paragraph(lines, want, at);
      CHECK(end != std::u32string::npos);
      if (end != std::u32string::npos) at = end;
      ++paragraphs;
    }
  }
  MESSAGE(yaml << ": " << paragraphs << " paragraphs");
  CHECK(paragraphs >= min_paragraphs);
}

void check_paragraphs_round_trip(const std::string& sample) {
  core::Diagnostics diags;
  auto doc = model::load_document(source_dir() + "/samples/" + sample, diags);
  const auto text = squeezed(render(sample).raw);
  int paragraphs = 0;
  for (const auto& a : doc.articles) {
    std::vector<std::string> all;
    for (const auto& p : a.lead) all.push_back(p.value);
    for (const auto& s : a.sections)
      for (const auto& p : s.paragraphs) all.push_back(p.value);
    all.push_back(a.headline.value);
    for (const auto& p : a.photos) all.push_back(p.caption.value);
    for (const auto& p : all) {
      CAPTURE(p);
      CHECK(text.find(squeezed(strip_emphasis(p))) != std::u32string::npos);
      ++paragraphs;
    }
  }
  CHECK(paragraphs > 5);
}

}  // namespace

TEST_CASE("pdftotext gives back every paragraph of the seed page, in order") {
  check_paragraphs_round_trip("seed-page.yaml");
}

TEST_CASE("pdftotext gives back the showcase page, rare characters included") {
  check_paragraphs_round_trip("typesetting-showcase.yaml");
  CHECK(render("typesetting-showcase.yaml").raw.find("王𬭎") != std::string::npos);
}

TEST_CASE("no printed line starts with closing punctuation or ends with an opening mark (seed, showcase, 20 pages)") {
  const std::u32string closing = U"，。、；：？！）》」』”’】〕〗…—";
  const std::u32string opening = U"（《「『“‘【〔〖";
  const fs::path dir = fresh_dir("extracted", "kinsoku");
  const std::string long_doc = (dir / "long.yaml").string();
  REQUIRE(run_command("python3 " + source_dir() + "/bench/make-long-doc.py 20 " + long_doc + " 2>&1").exit_code == 0);
  struct Case {
    std::string yaml;
    int min_lines;
  };
  for (const auto& c : {Case{source_dir() + "/samples/seed-page.yaml", 20},
                        Case{source_dir() + "/samples/typesetting-showcase.yaml", 20}, Case{long_doc, 1000}}) {
    CAPTURE(c.yaml);
    std::istringstream lines(render_file(c.yaml).layout);
    int checked = 0;
    for (std::string line; std::getline(lines, line);) {
      auto l = squeezed(line);
      if (l.empty()) continue;
      ++checked;
      CAPTURE(line);
      // …… and —— may start a line at the basic level (clreq); only single marks are checked.
      if (l.size() >= 2 && (l[0] == U'…' || l[0] == U'—') && l[1] == l[0]) continue;
      CHECK(closing.find(l.front()) == std::u32string::npos);
      CHECK(opening.find(l.back()) == std::u32string::npos);
    }
    MESSAGE(c.yaml << ": " << checked << " lines");
    CHECK(checked > c.min_lines);
  }
  fs::remove_all(dir);
}

TEST_CASE("copied text has the source's spaces: none added at Han–Latin gaps or quotes, none dropped") {
  auto seed = render("seed-page.yaml");
  // Lines joined: a paragraph may break anywhere, even right after a space.
  std::erase(seed.raw, '\n');
  // Quarter-em gaps and full-width quote cells are space on the page, not in the text.
  CHECK(seed.raw.find("共开发") != std::string::npos);
  CHECK(seed.raw.find("15门技能课程") != std::string::npos);
  CHECK(seed.raw.find("以“三个聚力”推动产改工作提质增效") != std::string::npos);
  // A space between two Han characters in the source stays.
  CHECK(seed.raw.find("推进产改走深走实 赋能产业工人成才成匠") != std::string::npos);
  CHECK(seed.raw.find("《中共中央 国务院关于") != std::string::npos);
}

TEST_CASE("signs in figures and the folio date copy out set solid: 法院+工会, ±0.01mm, 2024年12月18日") {
  struct Case {
    const char* sample;
    std::vector<std::string> solid;
  };
  for (const auto& c : {Case{"seed-page.yaml", {"法院+工会", "2024年12月18日"}},
                        Case{"typesetting-showcase.yaml", {"法院+工会", "±0.01mm", "3×4", "1—11月", "2024年12月18日"}}}) {
    CAPTURE(c.sample);
    auto text = render(c.sample).raw;
    // A paragraph may break anywhere; no space may appear inside the sequence.
    std::erase(text, '\n');
    for (const auto& s : c.solid) {
      CAPTURE(s);
      CHECK(text.find(s) != std::string::npos);
    }
  }
}

TEST_CASE("body text copies out verbatim and in order: the source's spaces, no others (seed, showcase, 20 pages)") {
  check_body_text_verbatim(source_dir() + "/samples/seed-page.yaml", 20);
  check_body_text_verbatim(source_dir() + "/samples/typesetting-showcase.yaml", 8);
  const fs::path dir = fresh_dir("extracted", "long");
  const std::string doc = (dir / "long.yaml").string();
  REQUIRE(run_command("python3 " + source_dir() + "/bench/make-long-doc.py 20 " + doc + " 2>&1").exit_code == 0);
  check_body_text_verbatim(doc, 150);
  fs::remove_all(dir);
}
