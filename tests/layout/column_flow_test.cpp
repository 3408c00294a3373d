// The column flow's keep rules and balancing, on synthetic items (no fonts).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "layout/column_flow.h"

using namespace layout;

namespace {

// "P5" = a paragraph of 5 lines, "B2" = a banner of 2 rows, "F6" = a photo of 6 rows,
// "Y1" = a byline.
std::vector<FlowItem> make(const std::vector<std::string>& spec) {
  std::vector<FlowItem> items;
  int paragraph = 0;
  for (const auto& s : spec) {
    const int n = std::stoi(s.substr(1));
    switch (s[0]) {
      case 'P':
        for (int i = 0; i < n; ++i) {
          FlowItem it;
          it.kind = FlowKind::Line;
          it.paragraph = paragraph;
          it.line = i;
          it.lines = n;
          items.push_back(it);
        }
        ++paragraph;
        break;
      case 'B': items.push_back({FlowKind::Banner, n}); break;
      case 'F': {
        FlowItem it{FlowKind::Figure, n};
        it.floating = true;
        items.push_back(it);
        break;
      }
      case 'Y': items.push_back({FlowKind::Byline, n}); break;
    }
  }
  return items;
}

std::vector<int> heights(const std::vector<ColumnFill>& fills) {
  std::vector<int> h;
  for (const auto& f : fills) h.push_back(f.rows);
  return h;
}

}  // namespace

TEST_CASE("a paragraph never leaves one line alone at a column's top or bottom") {
  struct Case {
    const char* name;
    std::vector<std::string> spec;
    std::size_t after;
    bool legal;
  };
  const Case cases[] = {
      {"after the first line of five", {"P5"}, 0, false},
      {"after the second line of five", {"P5"}, 1, true},
      {"after the third line of five", {"P5"}, 2, true},
      {"before the last line of five", {"P5"}, 3, false},
      {"between two paragraphs", {"P2", "P3"}, 1, true},
      {"three lines cannot split", {"P3"}, 1, false},
      {"after a banner", {"B2", "P4"}, 0, false},
      {"before a byline", {"P2", "Y1"}, 1, false},
      {"after the last item", {"P2"}, 1, true},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    CHECK(can_break_after(make(c.spec), c.after) == c.legal);
  }
}

TEST_CASE("fill_column stops at the last legal break") {
  auto items = make({"P4", "B2", "P6"});
  FlowCursor cur;
  // 4 + 2 + 1 rows fit in 7, but ending on the banner's first text line is not
  // allowed, nor on the banner: the column ends after the first paragraph.
  auto fill = fill_column(items, cur, 7, true);
  CHECK(fill.rows == 4);
  CHECK(cur.next == 4);
  // With 8 rows, banner + two lines of the six fit.
  FlowCursor cur2;
  CHECK(fill_column(items, cur2, 8, true).rows == 8);
}

TEST_CASE("a photo that does not fit waits for the next column top while text runs on") {
  auto items = make({"P3", "F6", "P6"});
  FlowCursor cur;
  auto first = fill_column(items, cur, 8, true);
  // P3 (3) + F6 does not fit in 8: the photo waits; 5 lines of P6 would leave one
  // alone, so 4 lines follow (3 + 4 = 7).
  CHECK(first.rows == 7);
  REQUIRE(cur.pending.size() == 1);
  auto second = fill_column(items, cur, 8, true);
  CHECK(second.items.front() == 3);  // the photo heads the column
  CHECK(cur.done(items.size()));
}

TEST_CASE("balance_columns evens the bottoms of a last page") {
  struct Case {
    const char* name;
    std::vector<std::string> spec;
    int columns;
    int capacity;
  };
  const Case cases[] = {
      {"41 lines in two columns", {"P41"}, 2, 60},
      {"paragraphs and banners", {"P5", "B2", "P7", "P4", "B2", "P9", "P3"}, 2, 60},
      {"with a photo", {"P6", "F8", "P10", "B2", "P12"}, 2, 40},
      {"three columns", {"P10", "P11", "P12", "B2", "P9"}, 3, 40},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    auto items = make(c.spec);
    auto fills = balance_columns(items, FlowCursor{}, c.columns, c.capacity);
    REQUIRE(fills.size() == static_cast<std::size_t>(c.columns));
    auto h = heights(fills);
    const int hi = *std::max_element(h.begin(), h.end());
    const int lo = *std::min_element(h.begin(), h.end());
    CHECK(hi - lo <= 1);
    std::size_t placed = 0;
    for (const auto& f : fills) placed += f.items.size();
    CHECK(placed == items.size());
  }
}

TEST_CASE("balance_columns says no when the items do not fit") {
  auto items = make({"P30", "P30"});
  CHECK(balance_columns(items, FlowCursor{}, 2, 20).empty());
}
