// Times the make-up stage alone: loads a document and a layout once, then
// composes the pages N times and prints the median in milliseconds. The
// other stages are timed as a whole by bench/run; this isolates the one
// that plans pages.
//
//   build/bench_compose DOC.yaml LAYOUT.yaml [RUNS]
#include <algorithm>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "layout/compose.h"
#include "model/load_document.h"
#include "style/load_theme.h"
#include "style/styled_document.h"
#include "text/font_book.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s DOC.yaml LAYOUT.yaml [RUNS]\n", argv[0]);
    return 2;
  }
  const int runs = argc > 3 ? std::max(1, std::atoi(argv[3])) : 15;
  core::Diagnostics diags;
  const std::string fonts_dir = BROADSHEET_SOURCE_DIR "/fonts";
  text::FontBook fonts(text::load_font_manifest(fonts_dir + "/manifest.yaml", diags), fonts_dir);
  auto doc = model::load_document(argv[1], diags);
  auto theme = style::load_theme(argv[2], diags);
  if (diags.has_errors()) {
    std::fprintf(stderr, "%s", core::format_all(diags).c_str());
    return 1;
  }
  const auto styled = style::style_document(doc, theme);
  std::vector<double> ms;
  std::size_t pages = 0;
  for (int i = 0; i <= runs; ++i) {
    core::Diagnostics d;
    // CPU time, not wall time: the figure holds on a busy machine.
    const std::clock_t t0 = std::clock();
    auto pub = layout::compose(styled, theme, fonts, d);
    const std::clock_t t1 = std::clock();
    pages = pub.pages.size();
    if (i > 0) ms.push_back(1000.0 * static_cast<double>(t1 - t0) / CLOCKS_PER_SEC);  // run 0 warms up
  }
  std::sort(ms.begin(), ms.end());
  std::printf("%s: %zu pages, compose median %.1f ms CPU (%.2f ms/page) over %d runs\n", argv[1], pages,
              ms[ms.size() / 2], ms[ms.size() / 2] / static_cast<double>(pages), runs);
  return 0;
}
