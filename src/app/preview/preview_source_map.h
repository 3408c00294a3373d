#pragma once
// Where each drawn item of a rendered document came from in its YAML: the
// boxes of the display list's glyph runs, photos and backgrounds with their
// source spans, named by what they are (headline, lead, caption…). The
// preview answers "what is under this spot?" and "where is this line drawn?"
// from it.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "frame/frame.h"
#include "model/document.h"

namespace app::preview {

struct PlacedSource {
  core::Rect box;  // on the trimmed page: pt, from its top-left corner, y down
  core::SourceSpan span;
  std::string kind;  // "headline", "lead", "paragraph", "caption", "photo"…
};

struct PageSources {
  core::Size size;   // the trimmed page
  double margin = 0;  // the page picture (PDF MediaBox) reaches this far beyond the trim on every side
  std::vector<PlacedSource> items;
};

struct SourceMap {
  std::vector<PageSources> pages;
};

// What each value of a document is, looked up by its position in the YAML.
class SourceKinds {
 public:
  explicit SourceKinds(const model::Document& doc);
  // The kind of the value starting at or before `span` on its line ("" when unknown).
  std::string kind_at(const core::SourceSpan& span) const;

 private:
  struct Entry {
    core::FileName file;
    int line = 0, column = 0;
    std::string kind;
  };
  void add(const core::SourceSpan& span, const char* kind);
  std::vector<Entry> entries_;
};

// The boxes of every item of `pub` that carries a source span.
SourceMap map_sources(const frame::Publication& pub, const SourceKinds& kinds);

// The item drawn at (x, y) on page `page` (0-based): the smallest box that
// holds the point, else the nearest within a few points (a click between
// lines or characters); nothing on an empty spot.
std::optional<PlacedSource> locate(const SourceMap& map, std::size_t page, double x, double y);

struct PlacedBox {
  std::size_t page = 0;  // 0-based
  PlacedSource item;
};

// Every box drawn from line `line` of `file`. With a `column`, only the items
// that start exactly there when there are any (a missing character's box).
std::vector<PlacedBox> boxes_of_line(const SourceMap& map, const std::string& file, int line, int column = 0);

}  // namespace app::preview
