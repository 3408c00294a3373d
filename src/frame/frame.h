#pragma once
// The display list: pages of placed items. Pure data, no libharu or HarfBuzz
// types. Layout produces it; the PDF writer, the PNG preview and the debug
// overlay only draw it, never decide where anything goes.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/color.h"
#include "core/font_face.h"
#include "core/geometry.h"
#include "core/press_output.h"
#include "core/source_span.h"
#include "frame/glyph_text.h"
#include "image/image_info.h"

namespace frame {

// One glyph at an absolute position. `text` holds the characters it stands
// for (UTF-8), so the PDF can map it back for copy/paste and search;
// a glyph that stands for nothing extra (e.g. the second glyph of a cluster) has "".
// 32 bytes: there is one per character of every setting make-up weighs.
struct Glyph {
  double x = 0;        // pen position of the glyph origin on the page
  double advance = 0;  // the font's advance at this size, in pt (not the set width)
  std::uint32_t gid = 0;
  GlyphText text;
};
static_assert(sizeof(Glyph) == 32);

// Glyphs of one face, size and colour on one baseline, in reading order.
struct GlyphRun {
  int face = 0;
  double size = 10;
  core::Color color;
  double baseline = 0;  // y of the baseline on the page
  std::vector<Glyph> glyphs;
  core::SourceSpan span;
  // The room of the last glyph, in pt: up to the next glyph on its line, or
  // at the line's end what layout gave it (its advance less any compression:
  // a mark ending a line is set half width); 0 when unknown. Kept here
  // rather than on every glyph, which must stay small.
  double end_width = 0;
};

struct Image {
  std::string path;  // JPEG or PNG file
  core::Rect box;          // what shows on the page
  core::SourceSpan span;  // the photo's entry in the YAML, for the low-dpi warning
  // Where the whole picture lies when make-up cropped it (it extends past
  // `box`, which clips it); empty (width 0) when the picture fills `box`.
  // The aspect ratio is always the picture's own.
  core::Rect picture;
  image::ImageInfo info;  // what the file is, as the loader probed it; the writer trusts it
};

// A straight line (column rules, folio rule, crop marks).
struct Rule {
  core::Point from, to;
  double width = 0.5;
  core::Color color;
};

// A rectangle, filled and/or outlined (banners, highlights box, placeholders).
struct Box {
  core::Rect rect;
  bool fill = false;
  core::Color fill_color;
  bool stroke = false;
  core::Color stroke_color;
  double stroke_width = 0.5;
  core::SourceSpan span;  // what it belongs to (a banner's bar, a missing character); none for guides
};

using Item = std::variant<GlyphRun, Image, Rule, Box>;

struct Page {
  core::Size size;          // trimmed page size
  double bleed = 0;   // extra paper on each side, outside `size`
  // All the paper around the trimmed page on each side: the bleed, and
  // beyond it room for the crop marks when there are any.
  double paper_margin = 0;
  // Where the guillotine cuts, marked outside the trim on every plate
  // (page coordinates, so mostly negative or beyond `size`).
  std::vector<Rule> crop_marks;
  int number = 1;     // folio number
  std::vector<Item> items;
  // Drawn only with --debug-boxes: columns, grid lines, item boxes.
  std::vector<Item> debug_items;
};

struct Bookmark {
  std::string title;
  int page_index = 0;  // 0-based index into Publication::pages
  double y = 0;
};

struct Metadata {
  std::string title;
  std::string subject;
  std::string author;
  std::string creator = "broadsheet";
  std::string date;  // YYYY-MM-DD from meta.date or SOURCE_DATE_EPOCH; never the clock
};

// Everything the renderers need, and nothing more.
struct Publication {
  std::vector<core::FontFace> faces;  // GlyphRun::face indexes this table
  std::vector<Page> pages;
  std::vector<Bookmark> bookmarks;
  Metadata meta;
  std::optional<core::PressOutput> press;  // none: screen output (RGB allowed)
};

}  // namespace frame
