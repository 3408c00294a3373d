// Times the font subsetting of the PDF writer face by face: composes a
// document once, collects the glyphs each face draws (as the writer does),
// then subsets every face N times and prints the median CPU time, the
// glyphs kept and the size of the embedded program. bench/run times the
// whole render; this shows what each face costs (a CFF face from a 20 MB
// collection against a TrueType one).
//
//   build/bench_subset DOC.yaml LAYOUT.yaml [RUNS]
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "bench_inputs.h"
#include "layout/compose.h"
#include "render/pdf/font_subset.h"
#include "style/styled_document.h"

int main(int argc, char** argv) {
  if (const int usage = BenchInputs::check_usage(argc, argv)) return usage;
  const BenchInputs in(argv[1], argv[2], argc > 3 ? argv[3] : nullptr);
  if (const int error = in.check_loaded()) return error;
  const int runs = in.runs;
  core::Diagnostics d;
  const auto pub = layout::compose(style::style_document(in.doc, in.theme), in.theme, in.fonts, d);
  std::map<int, std::set<render::pdf::GlyphUse>> uses_of_face;
  for (const auto& page : pub.pages)
    for (const auto& item : page.items)
      if (const auto* run = std::get_if<frame::GlyphRun>(&item))
        for (auto& use : render::pdf::uses_of(*run)) uses_of_face[run->face].insert(std::move(use));

  double total = 0;
  for (const auto& [face, uses] : uses_of_face) {
    const auto& ff = pub.faces[static_cast<std::size_t>(face)];
    std::vector<double> ms;
    render::pdf::SubsetFont subset;
    for (int i = 0; i <= runs; ++i) {
      // CPU time, not wall time: the figure holds on a busy machine.
      const std::clock_t t0 = std::clock();
      subset = render::pdf::subset_font(ff, uses);
      const std::clock_t t1 = std::clock();
      if (i > 0) ms.push_back(1000.0 * static_cast<double>(t1 - t0) / CLOCKS_PER_SEC);  // run 0 warms up
    }
    std::sort(ms.begin(), ms.end());
    const double median = ms[ms.size() / 2];
    total += median;
    std::printf("%-22s %-8s %-4s %5zu uses %5zu glyphs %3zu instances %8zu bytes  %6.2f ms CPU\n", ff.family.c_str(),
                ff.style.c_str(), subset.outlines == render::pdf::Outlines::Cff ? "CFF" : "TT", uses.size(),
                subset.glyph_count, subset.instances.size(), subset.program.size(), median);
  }
  std::printf("all faces: %.2f ms CPU (medians of %d runs)\n", total, runs);
  return 0;
}
