#pragma once
// One document rendered for the preview: the PDF exactly as `render` writes
// it, its pages rasterised from that PDF, and every message it produced.
#include <memory>
#include <string>
#include <vector>

#include "app/pipeline.h"

namespace app::preview {

struct PreviewMessage {
  bool error = false;
  std::string text;  // "file:line:col: error: …", file relative to the preview folder
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
  std::string title;   // first headline
  double millis = 0;   // how long the render took

  std::size_t count(bool errors) const;
};

// Screen resolution for page pictures and the index thumbnails' resolution.
inline constexpr double kPageDpi = 96;
inline constexpr double kThumbDpi = 24;

// Renders `yaml_path` (the document `doc`) through the same pipeline as
// `broadsheet render`. Never throws: internal failures become messages.
// `root` is stripped from file names in messages.
std::shared_ptr<const Rendered> render_for_preview(const std::string& yaml_path, const std::string& doc,
                                                   const std::string& key, const std::string& layout,
                                                   const std::string& title, const Resources& res,
                                                   bool debug, const std::string& root);

}  // namespace app::preview
