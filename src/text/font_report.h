#pragma once
// What `broadsheet fonts` prints: which font file serves each role, and how
// a document's characters are covered — by the role's own font, by a
// fallback, or by no font at all.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "text/font_book.h"

namespace text {

struct FaceCoverage {
  int face = 0;                   // index into FontBook::faces()
  std::vector<char32_t> chars;    // distinct characters it draws, in first-seen order
};

struct RoleCoverage {
  core::FontRole role = core::FontRole::Song;
  std::vector<FaceCoverage> faces;  // in the order of the role's chain, then fontconfig's
  std::vector<char32_t> missing;    // no installed font has these
};

struct FontCoverage {
  std::size_t characters = 0;  // drawn characters in the text (spaces and controls excluded)
  std::size_t distinct = 0;
  std::array<RoleCoverage, 3> roles;
};

FontCoverage measure_coverage(const FontBook& fonts, std::string_view text);

// The printable report; `text` may be empty (roles and files only).
std::string font_report(const FontBook& fonts, std::string_view text);

}  // namespace text
