#include <doctest/doctest.h>

#include <string_view>

#include "source/did_you_mean.h"

TEST_CASE("edit distance counts a swap of neighbours as one edit") {
  CHECK(source::edit_distance("headline", "headline") == 0);
  CHECK(source::edit_distance("headlin", "headline") == 1);
  CHECK(source::edit_distance("haedline", "headline") == 1);
  CHECK(source::edit_distance("", "abc") == 3);
  CHECK(source::edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("a suggestion is offered only for a plausible typo") {
  constexpr std::string_view keys[] = {"union", "kicker", "headline", "subheadline", "photos", "page"};
  struct Row {
    std::string_view word, expected;
  };
  const Row rows[] = {
      {"headlin", "headline"}, {"Headline", "headline"}, {"haedline", "headline"},
      {"subheadlin", "subheadline"}, {"phot", "photos"}, {"pgae", "page"},
      {"unoin", "union"}, {"title", ""}, {"x", ""}, {"标题", ""},
  };
  for (const Row& row : rows) {
    CAPTURE(row.word);
    CHECK(source::closest_match(row.word, keys) == row.expected);
  }
}

TEST_CASE("alternatives are listed the way a sentence lists them") {
  constexpr std::string_view three[] = {"song", "hei", "kai"};
  constexpr std::string_view one[] = {"column"};
  CHECK(source::join_alternatives(three) == "song, hei or kai");
  CHECK(source::join_alternatives(three, " and ") == "song, hei and kai");
  CHECK(source::join_alternatives(one) == "column");
}
