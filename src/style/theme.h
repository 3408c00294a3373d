#pragma once
// A layout file (layouts/*.yaml) read into numbers: page geometry, columns,
// the baseline grid and one style per role (docs/layouts.md). Lengths are points
// here; the file gives page lengths in millimetres and type sizes in points.
//
// File format (every key optional unless marked required):
//
//   name: newspaper-a4                  # required
//   page:
//     size: A4                          # A4 | A3 | [width_mm, height_mm]
//     margins: {top: 16, bottom: 14, left: 14, right: 14}   # mm
//     bleed: 0                          # mm; > 0 adds bleed around the page
//     crop_marks: false
//   columns: {count: 2, gutter: 5, rule: true, rule_color: "#666666"}   # gutter mm; rule = hairline between columns
//   body: {size: 9.5, leading: 15}      # pt; leading = baseline grid pitch
//   han_latin_space: quarter            # quarter | none: gap between Han and Latin/digits
//   makeup: {pages: 1, headline_sizes: [30, 24]}   # pages the layout holds; headline pt by rank
//   makeup: {photo_depth: 0.5, wide_photo_depth: 0.6}   # deepest photo, as a share of the page's rows
//   subject: 工会成果                    # the PDF's subject when the document names neither one nor its paper
//   styles:                             # per role; keys: font, size, color, tracking, leading,
//     headline: {font: song, weight: bold, size: 24, color: "#000000", tracking: 0.05, align: center}
//     ...                               #   align, space_before, space_after, background; weight: regular | bold
//
// Roles: masthead, union, kicker, headline, subheadline, banner, body,
// emphasis, caption, credit, byline, folio, highlights, highlight_value.
// `space_before`/`space_after` are in grid lines; `background` is a fill
// colour (banners, highlights box); `tracking` is extra space in em.
// Colours: "#rrggbb", cmyk(c, m, y, k) in percent of ink, or gray(g) from
// 0 (black) to 1 (white).
//
//   print: screen                       # or press, or the mapping:
//   print: {mode: press, profile: presses/nanfang.icc, ink_limit: 240}
//
// `profile` is a CMYK ICC output profile (relative to the layout file;
// default: Ghostscript's SWOP profile), `ink_limit` the most total ink in
// percent photos may carry. docs/press.md says what press mode does.
#include <array>
#include <string>
#include <vector>

#include "core/color.h"
#include "core/geometry.h"
#include "core/press_output.h"
#include "core/source_span.h"
#include "core/text_style.h"

namespace style {

enum class Role {
  Masthead,
  Union,
  Kicker,
  Headline,
  Subheadline,
  Banner,
  Body,
  Emphasis,
  Caption,
  Credit,
  Byline,
  Folio,
  Highlights,
  HighlightValue,
  Count_
};
inline constexpr int kRoleCount = static_cast<int>(Role::Count_);

struct RoleStyle {
  core::FontRole font = core::FontRole::Song;
  double size = 9.5;         // pt
  core::Color color;        // black
  double tracking = 0;       // em of extra space between characters
  double leading = 0;        // pt between baselines of a multi-line item; 0 = 1.25 × size
  core::Align align = core::Align::Left;
  double space_before = 0;   // grid lines
  double space_after = 0;    // grid lines
  double han_latin_space = 0.25;  // em between Han and Latin/digits (layout-wide `han_latin_space`)
  bool headline = false;     // set as a headline (the headline role)
  bool has_background = false;
  core::Color background;
};

struct PageGeometry {
  core::Size size{595.2756, 841.8898};  // A4
  double margin_top = 45, margin_bottom = 40, margin_left = 40, margin_right = 40;
  double bleed = 0;
  bool crop_marks = false;
};

struct Columns {
  int count = 2;
  double gutter = 14;
  bool rule = true;
  core::Color rule_color{0.4, 0.4, 0.4};  // the hairline between columns
};

struct Grid {
  double body_size = 9.5;  // pt
  double leading = 15;     // pt between body baselines: the grid pitch
};

struct Print {
  bool press = false;           // mode: press — PDF/X-1a in the press's inks
  core::PressOutput output;    // profile always set: the layout's or the default
  core::SourceSpan span;      // the 'print' entry (or the file), for messages
};

// Page make-up: how many pages the layout holds and the headline sizes by
// rank (the lead story's first, then the others').
struct Makeup {
  int pages = 0;                      // 0: as many as the material needs
  std::vector<double> headline_sizes;  // pt; empty: the headline style's size for all
  core::SourceSpan pages_span;      // where `pages` was given, for overset messages
  // The deepest a photo and its caption may be, as a share of the page's
  // rows: in one column, and across several.
  double photo_depth = 0.5;
  double wide_photo_depth = 0.6;
};

struct Theme {
  std::string name;
  std::string path;  // the file it was read from
  std::string subject = "工会成果";  // the PDF's subject when the document names neither one nor its paper
  PageGeometry page;
  Columns columns;
  Grid grid;
  core::SourceSpan grid_span;  // the `body` entry: blamed when the grid cannot hold a page
  Makeup makeup;
  std::array<RoleStyle, kRoleCount> styles{};
  Print print;

  const RoleStyle& style(Role r) const { return styles[static_cast<int>(r)]; }
  RoleStyle& style(Role r) { return styles[static_cast<int>(r)]; }
};

}  // namespace style
