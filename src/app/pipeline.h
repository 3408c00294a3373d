#pragma once
// The pipeline, as a table of contents: YAML → Document → styled blocks →
// pages (display list) → PDF. Each stage lives in its own folder.
#include <memory>
#include <optional>
#include <string>

#include "frame/frame.h"
#include "source/diagnostics.h"
#include "text/font_book.h"

namespace app {

// What a process loads once and then shares read-only (batch workers too).
struct Resources {
  std::string data_dir;                   // holds layouts/ and fonts/
  std::unique_ptr<text::FontBook> fonts;  // every role's fonts, resolved
};

// Finds the data folder and resolves the fonts. Problems go to `diags`.
Resources load_resources(source::Diagnostics& diags);

struct RenderOptions {
  std::string layout;      // --layout NAME|PATH: overrides the document's
  bool strict = false;     // warnings are errors
  bool debug_boxes = false;
};

// Reads one YAML document and lays it out into pages. Returns nothing when
// the input has errors (all of them are in `diags`).
std::optional<frame::Publication> typeset(const std::string& yaml_path, const Resources& res,
                                          const RenderOptions& options, source::Diagnostics& diags);

// typeset() and then the PDF bytes; "" on errors.
std::string render_pdf(const std::string& yaml_path, const Resources& res, const RenderOptions& options,
                       source::Diagnostics& diags);

}  // namespace app
