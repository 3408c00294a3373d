// What a reader of the PDF measures on body lines, from the glyph boxes
// pdftotext reports: justified lines start and end at the column edges
// (a mark squeezed into a line's end included), no line's box runs past
// its column's right edge, and body lines in all columns share one
// baseline grid. On the seed page, the showcase and a generated document
// of 20 pages.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <regex>
#include <string>
#include <tuple>
#include <vector>

#include "run_command.h"
#include "test_files.h"

namespace fs = std::filesystem;

namespace {

struct Word {
  double x0, y0, x1, y1;
  bool body;  // of the commonest height: body text, which outnumbers every other role
};

struct BodyLine {
  double left = 1e9, right = -1e9, top = 0, bottom = 0;
};

// Every word box of the PDF, page by page.
std::vector<std::vector<Word>> page_words(const std::string& pdf) {
  const auto html = run_command("pdftotext -bbox " + pdf + " - 2>&1").out;
  std::vector<std::vector<Word>> pages;
  std::map<long, int> heights;
  static const std::regex item("<page |<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\"");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), item); it != std::sregex_iterator(); ++it) {
    if ((*it)[1].length() == 0) {
      pages.emplace_back();
      continue;
    }
    if (pages.empty()) continue;
    Word w{std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4]), false};
    pages.back().push_back(w);
    ++heights[std::lround((w.y1 - w.y0) * 100)];
  }
  long body = 0;
  int most = 0;
  for (auto [h, n] : heights)
    if (n > most) most = n, body = h;
  for (auto& page : pages)
    for (auto& w : page) w.body = std::lround((w.y1 - w.y0) * 100) == body;
  return pages;
}

// Body words on one top with no gap wider than 1.2 em between them
// (narrower than a gutter), as lines: to find the columns.
std::vector<BodyLine> runs_of_words(std::vector<Word> words, double em) {
  std::erase_if(words, [](const Word& w) { return !w.body; });
  std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
    return std::tie(a.y0, a.x0) < std::tie(b.y0, b.x0);
  });
  std::vector<BodyLine> lines;
  for (const auto& w : words) {
    if (!lines.empty() && std::abs(lines.back().top - w.y0) < 0.05 && w.x0 - lines.back().right < 1.2 * em) {
      lines.back().right = std::max(lines.back().right, w.x1);
      continue;
    }
    lines.push_back({w.x0, w.x1, w.y0, w.y1});
  }
  return lines;
}

// The x that a tenth of `xs` share (at least four of them), in order.
std::vector<double> common_edges(const std::vector<double>& xs) {
  std::map<long, int> count;
  for (double x : xs) ++count[std::lround(x * 10)];
  std::vector<double> out;
  for (auto [x, n] : count)
    if (n >= 4 && n >= 0.1 * static_cast<double>(xs.size())) out.push_back(x / 10.0);
  return out;
}

struct Measure {
  int lines = 0;          // body lines
  int justified = 0;      // lines that are not a paragraph's last
  int flush = 0;          // of those, flush with both column edges
  int past_edge = 0;      // lines whose box ends past their column's right edge or starts before its left
  int off_grid = 0;       // lines whose top is not a whole number of steps from the first
  int pages_skipped = 0;  // pages whose columns could not be told
  std::vector<std::string> faults;  // where the first few failing lines are
};

std::string where(int page, const BodyLine& l, double left, double right) {
  return "page " + std::to_string(page) + " top " + std::to_string(l.top) + ": " + std::to_string(l.left) + ".." +
         std::to_string(l.right) + " in column " + std::to_string(left) + ".." + std::to_string(right);
}

// Columns are found from the lines themselves: the left and right edges
// most lines share. A line is a paragraph's last when the next line of its
// column is indented or not right below it. Edges count as met within a
// tenth of an em.
Measure measure(const std::string& pdf, double em, double pitch) {
  Measure m;
  const double tol = 0.1 * em;
  int page = 0;
  for (const auto& words : page_words(pdf)) {
    ++page;
    std::vector<double> lefts, rights;
    for (const auto& l : runs_of_words(words, em)) lefts.push_back(l.left), rights.push_back(l.right);
    std::vector<double> col_left = common_edges(lefts);
    const std::vector<double> col_right = common_edges(rights);
    // A paragraph's first line is indented two ems: not a column edge.
    std::erase_if(col_left, [&](double x) {
      return std::any_of(col_left.begin(), col_left.end(), [&](double l) { return std::abs(x - l - 2 * em) < tol; });
    });
    if (col_left.empty() || col_left.size() != col_right.size()) {
      ++m.pages_skipped;  // a page of few body lines (a head and a short article)
      continue;
    }
    auto column_at = [&](double x) {
      for (std::size_t k = 0; k < col_left.size(); ++k)
        if (x >= col_left[k] - em && x <= col_right[k] + em) return static_cast<int>(k);
      return -1;
    };
    // Each column's body lines, top to bottom; then the other words on
    // those lines (emphasis in another face) join them.
    std::vector<std::map<long, BodyLine>> columns(col_left.size());
    double first_top = 1e9;
    for (const auto& w : words) {
      const int c = column_at((w.x0 + w.x1) / 2);
      if (!w.body || c < 0) continue;
      BodyLine& l = columns[static_cast<std::size_t>(c)][std::lround(w.y0 * 10)];
      l.left = std::min(l.left, w.x0), l.right = std::max(l.right, w.x1), l.top = w.y0, l.bottom = w.y1;
      first_top = std::min(first_top, w.y0);
    }
    for (const auto& w : words) {
      const int c = column_at((w.x0 + w.x1) / 2);
      if (w.body || c < 0) continue;
      const double mid = (w.y0 + w.y1) / 2;
      for (auto& [key, l] : columns[static_cast<std::size_t>(c)])
        if (mid > l.top && mid < l.bottom) l.left = std::min(l.left, w.x0), l.right = std::max(l.right, w.x1);
    }
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const double left = col_left[c], right = col_right[c];
      for (auto it = columns[c].begin(); it != columns[c].end(); ++it) {
        const BodyLine& l = it->second;
        auto fault = [&](const char* what) {
          if (m.faults.size() < 8) m.faults.push_back(what + (" " + where(page, l, left, right)));
        };
        ++m.lines;
        if (l.right > right + 0.05) ++m.past_edge, fault("past the edge");
        if (l.left < left - 0.05) ++m.past_edge, fault("before the edge");
        const double steps = (l.top - first_top) / pitch;
        if (std::abs(steps - std::round(steps)) > 0.01) ++m.off_grid, fault("off the grid");
        const auto next = std::next(it);
        const bool runs_on = next != columns[c].end() && next->second.top - l.top < 1.05 * pitch &&
                             std::abs(next->second.left - left) < tol;
        const bool ends_flush = std::abs(l.right - right) < tol;
        if (!runs_on && !ends_flush) continue;  // a paragraph's last line
        ++m.justified;
        const bool starts_flush = std::abs(l.left - left) < tol || std::abs(l.left - left - 2 * em) < tol;
        if (starts_flush && ends_flush) ++m.flush;
        else fault("not flush");
      }
    }
  }
  return m;
}

struct Case {
  std::string label;
  std::string yaml;
  double em, pitch;  // body size and leading of the document's layout
  int min_lines;
};

void check_case(const Case& c) {
  CAPTURE(c.label);
  const fs::path pdf = fs::temp_directory_path() / ("broadsheet-flush-" + std::to_string(::getpid()) + ".pdf");
  const auto r = run_command(broadsheet() + " render " + c.yaml + " -o " + pdf.string() + " 2>&1");
  REQUIRE_MESSAGE(r.exit_code == 0, r.out);
  const Measure m = measure(pdf.string(), c.em, c.pitch);
  fs::remove(pdf);
  MESSAGE(c.label << ": " << m.lines << " body lines, " << m.flush << " of " << m.justified
                  << " justified lines flush, " << m.past_edge << " past an edge, " << m.off_grid << " off the grid, "
                  << m.pages_skipped << " pages skipped");
  for (const auto& f : m.faults) MESSAGE(f);
  CHECK(m.lines >= c.min_lines);
  CHECK(m.flush >= 0.99 * m.justified);
  CHECK(m.past_edge == 0);
  CHECK(m.off_grid == 0);
}

}  // namespace

TEST_CASE("justified body lines in the PDF are flush with both column edges and on one grid") {
  // newspaper-a4: body 9.5 pt on a 14.2 pt grid.
  check_case({"seed page", source_dir() + "/samples/seed-page.yaml", 9.5, 14.2, 100});
  check_case({"showcase", source_dir() + "/samples/typesetting-showcase.yaml", 9.5, 14.2, 20});
  const fs::path dir = fresh_dir("flush", "long");
  const std::string doc = (dir / "long.yaml").string();
  REQUIRE(run_command("python3 " + source_dir() + "/bench/make-long-doc.py 20 " + doc + " 2>&1").exit_code == 0);
  check_case({"generated 20 pages", doc, 9.5, 14.2, 1500});
  fs::remove_all(dir);
}
