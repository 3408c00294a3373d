// The total-fit line breaker on hand-built items (boxes, junctions with
// stretch/shrink, penalties), independent of any text or font.
#include <doctest/doctest.h>

#include "text/line_break.h"

namespace {

// `n` boxes of 10 pt, every junction a break with 2.5 pt stretch (a Han gap).
text::LineItems han(int n) {
  text::LineItems it;
  it.box.assign(n, 10);
  it.end_trim.assign(n, 0);
  it.end_shrink.assign(n, 0);
  it.start_keep.assign(n, 0);
  it.counts.assign(n, 1);
  it.junctions.resize(n - 1);
  for (auto& j : it.junctions) {
    j.brk.kind = text::Break::Allowed;
    j.stretch = 2.5;
  }
  return it;
}

std::vector<int> ends(const text::LineItems& it, double width) {
  return text::break_lines(it, {width, 0, core::Align::Justify});
}

}  // namespace

TEST_CASE("break_lines on abstract items") {
  SUBCASE("full lines when everything fits exactly") {
    CHECK(ends(han(8), 40) == std::vector<int>{3, 7});
  }
  SUBCASE("the last line may be short") {
    CHECK(ends(han(10), 40) == std::vector<int>{3, 7, 9});
  }
  SUBCASE("no lone item on the last line when a fair alternative exists") {
    CHECK(ends(han(21), 100) == std::vector<int>{9, 18, 20});
  }
  SUBCASE("...but a lone item beats a line stretched to double spacing") {
    CHECK(ends(han(9), 40) == std::vector<int>{3, 7, 8});
  }
  SUBCASE("Never junctions are not break points") {
    auto it = han(8);
    it.junctions[3].brk.kind = text::Break::Never;  // between items 3 and 4
    CHECK(ends(it, 40) == std::vector<int>{2, 6, 7});
  }
  SUBCASE("squeezable blank lets a line take one more item") {
    auto it = han(5);
    it.box[1] = 15;  // a mark with a squeezable half
    it.junctions[1].mark_shrink = 5;
    CHECK(ends(it, 50) == std::vector<int>{4});
  }
  SUBCASE("a line-end trim lets the last item fit") {
    auto it = han(5);
    it.box[4] = 15;
    it.end_trim[4] = 5;
    CHECK(ends(it, 50) == std::vector<int>{4});
  }
  SUBCASE("emergency breaks only when nothing else fits") {
    auto it = han(6);
    for (auto& j : it.junctions) j.brk.kind = text::Break::Never;
    it.junctions[1].brk.kind = text::Break::Allowed;
    it.junctions[3].brk.kind = text::Break::Emergency;
    // 0-1 | 2-5 would be 40 pt in 30: the emergency break is needed.
    CHECK(ends(it, 30) == std::vector<int>{1, 3, 5});
    // With room for 2-5, the emergency break is not taken.
    CHECK(ends(it, 40) == std::vector<int>{1, 5});
  }
  SUBCASE("an item wider than the measure gets a line of its own (overfull)") {
    auto it = han(3);
    it.box[1] = 80;
    CHECK(ends(it, 30) == std::vector<int>{0, 1, 2});
  }
  SUBCASE("nothing breakable: one overfull line") {
    auto it = han(4);
    for (auto& j : it.junctions) j.brk.kind = text::Break::Never;
    CHECK(ends(it, 20) == std::vector<int>{3});
  }
}

TEST_CASE("measure_line adds boxes, gaps, squeezes and line-end trims") {
  auto it = han(4);
  it.junctions[0].glue = 2.5;        // a Han–Latin gap
  it.junctions[0].glue_shrink = 1.25;
  it.junctions[1].pair = 5;          // two marks meet
  it.junctions[2].mark_shrink = 5;
  it.end_trim[3] = 5;
  it.counts[2] = 0;
  const text::LineFit f = text::measure_line(it, 0, 3, 20);
  CHECK(f.natural == doctest::Approx(20 + 40 + 2.5 - 5 - 5));
  CHECK(f.stretch == doctest::Approx(7.5));
  CHECK(f.shrink == doctest::Approx(6.25));
  CHECK(f.chars == 3);
}
