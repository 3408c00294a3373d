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

#include "bench_inputs.h"
#include "layout/compose.h"
#include "style/styled_document.h"

int main(int argc, char** argv) {
  if (const int usage = BenchInputs::check_usage(argc, argv)) return usage;
  const BenchInputs in(argv[1], argv[2], argc > 3 ? argv[3] : nullptr);
  if (const int error = in.check_loaded()) return error;
  const int runs = in.runs;
  const auto styled = style::style_document(in.doc, in.theme);
  std::vector<double> ms;
  std::size_t pages = 0;
  for (int i = 0; i <= runs; ++i) {
    core::Diagnostics d;
    // CPU time, not wall time: the figure holds on a busy machine.
    const std::clock_t t0 = std::clock();
    auto pub = layout::compose(styled, in.theme, in.fonts, d);
    const std::clock_t t1 = std::clock();
    pages = pub.pages.size();
    if (i > 0) ms.push_back(1000.0 * static_cast<double>(t1 - t0) / CLOCKS_PER_SEC);  // run 0 warms up
  }
  std::sort(ms.begin(), ms.end());
  std::printf("%s: %zu pages, compose median %.1f ms CPU (%.2f ms/page) over %d runs\n", argv[1], pages,
              ms[ms.size() / 2], ms[ms.size() / 2] / static_cast<double>(pages), runs);
  return 0;
}
