#pragma once
// The display list: pages of placed items. Pure data, no libharu or HarfBuzz
// types. Layout produces it; the PDF writer, the PNG preview and the debug
// overlay only draw it, never decide where anything goes.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "frame/geometry.h"
#include "frame/glyph_text.h"
#include "image/image_info.h"
#include "source/source_span.h"

namespace frame {

// A font file used by the publication; GlyphRun::face indexes this table.
struct FontFace {
  std::string path;    // the .ttf/.otf/.ttc file (TrueType or CFF outlines)
  int index = 0;       // face index inside a collection
  std::string family;  // for messages and `broadsheet fonts`
  int units_per_em = 1000;
  std::string style;   // "Regular", "Bold": for `broadsheet fonts`
};

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
  Color color;
  double baseline = 0;  // y of the baseline on the page
  std::vector<Glyph> glyphs;
  source::SourceSpan span;
};

struct Image {
  std::string path;  // JPEG or PNG file
  Rect box;          // what shows on the page
  source::SourceSpan span;  // the photo's entry in the YAML, for the low-dpi warning
  // Where the whole picture lies when make-up cropped it (it extends past
  // `box`, which clips it); empty (width 0) when the picture fills `box`.
  // The aspect ratio is always the picture's own.
  Rect picture;
  image::ImageInfo info;  // what the file is, as the loader probed it; the writer trusts it
};

// A straight line (column rules, folio rule, crop marks).
struct Rule {
  Point from, to;
  double width = 0.5;
  Color color;
};

// A rectangle, filled and/or outlined (banners, highlights box, placeholders).
struct Box {
  Rect rect;
  bool fill = false;
  Color fill_color;
  bool stroke = false;
  Color stroke_color;
  double stroke_width = 0.5;
  source::SourceSpan span;  // what it belongs to (a banner's bar, a missing character); none for guides
};

using Item = std::variant<GlyphRun, Image, Rule, Box>;

struct Page {
  Size size;          // trimmed page size
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

// Output for a printing press (PDF/X-1a). When a publication has it, every
// colour of its items is already gray or CMYK; the writer embeds the profile
// as the output intent and brings photos into the press's inks.
struct PressOutput {
  std::string profile;     // the press's CMYK ICC profile (a checked file)
  double ink_limit = 240;  // total ink a photo may put on the paper, percent
  double max_dpi = 300;    // photos are shrunk to at most this at their printed size
};

// Everything the renderers need, and nothing more.
struct Publication {
  std::vector<FontFace> faces;
  std::vector<Page> pages;
  std::vector<Bookmark> bookmarks;
  Metadata meta;
  std::optional<PressOutput> press;  // none: screen output (RGB allowed)
};

}  // namespace frame
