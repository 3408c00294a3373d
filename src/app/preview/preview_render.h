#pragma once
// One document rendered for the preview: the PDF exactly as `render` writes
// it, its pages rasterised from that PDF, and every message it produced.
#include <memory>
#include <string>
#include <vector>

#include "app/common/pipeline.h"
#include "app/preview/preview_source_map.h"

namespace app::preview {

struct PreviewMessage {
  bool error = false;
  std::string text;  // "file:line:col: error: …", file relative to the preview folder
  std::string file;  // where it points, relative to the preview folder ("" when nowhere)
  int line = 0, column = 0;
  std::string summary;  // the message alone, without position or source excerpt
};

struct Rendered {
  std::string key;    // fingerprint of the inputs (the same for both variants)
  std::string doc;    // document id: its path relative to the preview folder
  bool debug = false; // drawn with debug_boxes (columns, grid, boxes)
  bool ok = false;    // false: `messages` holds the errors, there are no pages
  std::string pdf;
  std::vector<std::string> pages;  // PNG per page, screen resolution
  std::string thumbnail;           // PNG of the first page, small
  std::vector<PreviewMessage> messages;
  std::string layout;  // as the document names it
  bool layout_known = true;  // false: the YAML could not be read far enough to name its layout
  SourceMap sources;   // where each drawn item came from (normal variant only)
  std::string yaml;    // the document's text as rendered, for showing lines around a spot
  std::string title;   // first headline
  double millis = 0;   // how long the render took

  std::size_t count(bool errors) const;
};

// Screen resolution for page pictures; the index thumbnails are the first
// page's picture made this many times smaller (24 dpi).
inline constexpr double kPageDpi = 96;
inline constexpr int kThumbReduction = 4;

// What the render knows about the document before it starts.
struct RenderJob {
  std::string yaml_path;  // absolute
  std::string doc;        // its id
  std::string key;        // fingerprint of its inputs
  std::string layout;     // as the document names it
  bool layout_known = true;
  std::string title;
  bool debug = false;
  std::string root;       // the preview folder, stripped from file names in messages
};

// Renders the document through the same pipeline as `broadsheet render`.
// Never throws: internal failures become messages.
// `fonts`: the fonts' sources kept across renders (null: read for this one).
std::shared_ptr<const Rendered> render_for_preview(const RenderJob& job, const Resources& res,
                                                   render::pdf::FontSources* fonts = nullptr);

// `path` relative to `root` when it lies inside it, else unchanged.
std::string relative_to(const std::string& path, const std::string& root);

}  // namespace app::preview
