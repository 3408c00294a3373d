#pragma once
// What the bench tools (compose-time, subset-time) read: the project's
// fonts, a document and a layout, loaded once from the command line
// `TOOL DOC.yaml LAYOUT.yaml [RUNS]`.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "model/load_document.h"
#include "style/load_theme.h"
#include "text/font_book.h"

struct BenchInputs {
  core::Diagnostics diags;  // first: the members below report into it
  std::string fonts_dir = BROADSHEET_SOURCE_DIR "/fonts";
  text::FontBook fonts;
  model::Document doc;
  style::Theme theme;
  int runs = 15;

  BenchInputs(const char* doc_path, const char* layout_path, const char* runs_arg)
      : fonts(text::load_font_manifest(fonts_dir + "/manifest.yaml", diags), fonts_dir),
        doc(model::load_document(doc_path, diags)),
        theme(style::load_theme(layout_path, diags)),
        runs(runs_arg ? std::max(1, std::atoi(runs_arg)) : 15) {}

  // Prints the usage line or the inputs' errors; the exit code, or 0 when
  // the tool may go on.
  static int check_usage(int argc, char** argv) {
    if (argc >= 3) return 0;
    std::fprintf(stderr, "usage: %s DOC.yaml LAYOUT.yaml [RUNS]\n", argv[0]);
    return 2;
  }
  int check_loaded() const {
    if (!diags.has_errors()) return 0;
    std::fprintf(stderr, "%s", core::format_all(diags).c_str());
    return 1;
  }
};
