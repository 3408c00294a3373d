// Item 1 and item 5 of the hardening audit, as reproducers: layouts that
// used to add pages for ever, and text that used to run off the page. Each
// must end in under 5 s and 2 GB with a page or a located error.
#include <doctest/doctest.h>

#include "hostile_support.h"

namespace fs = std::filesystem;
using hostile::run_bounded;

namespace {

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

void check_bounded(const hostile::Outcome& r, const std::string& doc) {
  INFO(doc << ": " << r.out.substr(0, 1500));
  CHECK(r.exit_code != hostile::kKilled);
  CHECK(r.seconds < 5);
  CHECK(r.out.find("internal error") == std::string::npos);
  // A located error: at the document, or at the layout file it names.
  CHECK((r.exit_code == 0 || r.out.find(".yaml:") != std::string::npos));
}

}  // namespace

TEST_CASE("runaway layouts end: a long caption, a long credit, leading 300, a page 50 mm high") {
  const auto d = hostile::folder("runaway");
  const std::string head = "articles:\n  - union: 工会\n    headline: 标题\n    lead: [正文。]\n";
  hostile::write(d / "caption.yaml", head + "    photos:\n      - src: photos/rgb.jpg\n        caption: " +
                                         repeat("说明", 400) + "\n");
  hostile::write(d / "credit.yaml", head + "    photos:\n      - src: photos/rgb.jpg\n        caption: 说明。\n"
                                           "        credit: " + repeat("供图", 1000) + "\n");
  hostile::write(d / "lead300.yaml", "name: l\nbody: {size: 9.5, leading: 300}\n");
  hostile::write(d / "leading.yaml", "layout: lead300.yaml\n" + head);
  hostile::write(d / "short.yaml", "name: s\npage: {size: [210, 50], margins: {top: 5, bottom: 5, left: 10, right: 10}}\n");
  hostile::write(d / "short-page.yaml", "layout: short.yaml\n" + head +
                                            "    photos:\n      - src: photos/rgb.jpg\n        caption: 说明。\n");
  for (const char* doc : {"caption.yaml", "credit.yaml", "leading.yaml", "short-page.yaml"})
    check_bounded(run_bounded(d, std::string("render ") + doc + " -o out.pdf"), doc);
  fs::remove_all(d);
}

TEST_CASE("nothing silently lost: 300 commas, a 2,000-character kicker") {
  const auto d = hostile::folder("loss");
  hostile::write(d / "commas.yaml", "articles:\n  - union: 工会\n    headline: 标题\n    lead: [\"" + repeat("，", 300) + "\"]\n");
  hostile::write(d / "kicker.yaml", "articles:\n  - union: 工会\n    kicker: " + repeat("引", 2000) +
                                        "\n    headline: 标题\n    lead: [正文。]\n");
  for (const char* doc : {"commas.yaml", "kicker.yaml"}) {
    const auto r = run_bounded(d, std::string("render ") + doc + " -o out.pdf");
    check_bounded(r, doc);
    if (r.exit_code != 0) continue;
    // Every character is on a page: pdftotext finds them all.
    const auto text = run_command("pdftotext -enc UTF-8 '" + (d / "out.pdf").string() + "' - 2>/dev/null").out;
    std::size_t commas = 0;
    for (std::size_t at = text.find("，"); at != std::string::npos; at = text.find("，", at + 1)) ++commas;
    if (std::string(doc) == "commas.yaml") CHECK(commas == 300);
  }
  fs::remove_all(d);
}
