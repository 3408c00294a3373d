#pragma once
// The pipeline, as a table of contents: YAML → Document → styled blocks →
// pages (display list) → PDF. Each stage lives in its own folder.
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/diagnostics.h"
#include "frame/frame.h"
#include "model/document.h"
#include "render/pdf/pdf_writer.h"
#include "style/theme.h"
#include "text/font_book.h"

namespace image {
class PhotoChecks;
}

namespace app {

// What a process loads once and then shares read-only (batch workers too).
struct Resources {
  std::string data_dir;                   // holds layouts/ and fonts/
  std::unique_ptr<text::FontBook> fonts;  // every role's fonts, resolved
};

// Finds the data folder and resolves the fonts. Problems go to `diags`.
Resources load_resources(core::Diagnostics& diags);

// A layout file as read: the theme, and what reading it reported.
struct LoadedTheme {
  style::Theme theme;
  core::Diagnostics diags;
};
using ThemeSource = std::function<std::shared_ptr<const LoadedTheme>(const std::string& path)>;

// Reads a layout file (the default ThemeSource).
std::shared_ptr<const LoadedTheme> read_theme(const std::string& path);

struct RenderOptions {
  std::string layout;      // --layout NAME|PATH: overrides the document's
  bool strict = false;     // warnings are errors
  bool debug_boxes = false;
  bool press = false;      // --press: PDF/X-1a for a printing press, whatever the layout says
  // Where layout files come from; empty = read_theme. Batch passes a cache
  // so that its workers parse each layout once.
  ThemeSource themes;
  // Told of every other file a document is made from (the YAML, its
  // photos before they are read, its layout) ; batch stamps them to skip
  // unchanged work, and no output may be written over one of them.
  std::function<void(const std::string& path)> on_input;
  // Kept across the documents of a run (batch): what the PDF writer reads
  // of the fonts (render/pdf/font_sources.h). Null: read for each alone.
  render::pdf::FontSources* font_sources = nullptr;
  // Kept across the documents of a run (batch): photos checked whole
  // (image/photo_checks.h). Null: each document checks its own.
  image::PhotoChecks* photo_checks = nullptr;
  // Shown the document as read from the YAML, before it is laid out (the
  // preview names what each drawn item was set from, without reading the
  // YAML again).
  std::function<void(const model::Document& doc)> on_document;
  // Shown the laid-out pages before render_pdf writes them (the preview
  // keeps where each item came from, to map a click back to the YAML).
  std::function<void(const frame::Publication& pages)> on_pages;
  // Called once the pages are made up, before the fonts are subset and the
  // PDF finished: `render` frees the shaping font book there (its mapped
  // font files stay out of the peak; the writer reads the files itself).
  std::function<void()> on_made_up;
};

// Reads one YAML document and lays it out into pages. Returns nothing when
// the input has errors (all of them are in `diags`).
std::optional<frame::Publication> typeset(const std::string& yaml_path, const Resources& res,
                                          const RenderOptions& options, core::Diagnostics& diags);

// typeset() and then the PDF bytes; "" on errors. `pages`, when given,
// receives the number of pages. Unless `on_pages` wants the whole
// publication, each page is written as soon as it is made up and let go, so
// memory does not grow with the pages; the fonts are subset at the end.
std::string render_pdf(const std::string& yaml_path, const Resources& res, const RenderOptions& options,
                       core::Diagnostics& diags, int* pages = nullptr);

}  // namespace app
