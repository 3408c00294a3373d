// The seed page's text (samples/seed-page.yaml) through the whole text
// stage: with the real fonts at the layout's column widths, and with the
// monospace font at every width from 8 to 30 em. Whatever the width, the
// rules hold: no line starts with a closing mark or ends with an opening
// one, numbers are never split, no text is lost, every line but a
// paragraph's last reaches both edges.
#include <yaml-cpp/yaml.h>

#include <chrono>

#include "core/char_class.h"
#include "core/utf8.h"
#include "text/font_book.h"
#include "text_test_support.h"

using namespace text_test;

namespace {

struct SeedText {
  std::vector<std::string> body;   // lead and section paragraphs
  std::vector<std::string> heads;  // headlines, headings, captions, bylines
};

void collect(const YAML::Node& node, const std::string& key, SeedText& out) {
  if (node.IsScalar()) {
    if (key == "lead" || key == "paragraphs") out.body.push_back(node.Scalar());
    else if (key == "headline" || key == "heading" || key == "caption" || key == "byline") out.heads.push_back(node.Scalar());
  } else if (node.IsSequence()) {
    for (const auto& item : node) collect(item, key, out);
  } else if (node.IsMap()) {
    for (const auto& kv : node) collect(kv.second, kv.first.as<std::string>(), out);
  }
}

const SeedText& seed() {
  static const SeedText text = [] {
    SeedText t;
    collect(YAML::LoadFile(BROADSHEET_SOURCE_DIR "/samples/seed-page.yaml"), "", t);
    return t;
  }();
  return text;
}

const text::FontBook& book() {
  static const text::FontBook fonts = [] {
    core::Diagnostics diags;
    const std::string dir = BROADSHEET_SOURCE_DIR "/fonts";
    return text::FontBook(text::load_font_manifest(dir + "/manifest.yaml", diags), dir);
  }();
  return fonts;
}

char32_t first_code_point(const std::string& s) {
  const auto d = core::decode_utf8(s, 0);
  return d.code_point;
}

char32_t last_code_point(const std::string& s) {
  return core::code_point_before(s, s.size());
}

bool ascii_alnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The rules every set paragraph must keep, checked glyph by glyph.
void check_rules(const text::ParagraphSpec& spec, const std::vector<text::Line>& lines) {
  check_invariants(spec, lines);
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    const std::string here = line_text(lines[i]);
    const std::string next = line_text(lines[i + 1]);
    std::string trimmed = here;
    while (!trimmed.empty() && trimmed.back() == ' ') trimmed.pop_back();
    CAPTURE(here);
    CAPTURE(next);
    CHECK_FALSE(core::no_line_start(core::classify(first_code_point(next))));
    CHECK_FALSE(core::no_line_end(core::classify(last_code_point(trimmed))));
    CHECK_FALSE((ascii_alnum(last_code_point(here)) && ascii_alnum(first_code_point(next))));
    CHECK_FALSE((last_code_point(here) == U'—' && first_code_point(next) == U'—'));
  }
}

text::ParagraphSpec body_spec(const std::string& s, double size, double width) {
  text::ParagraphSpec spec;
  core::Span span;
  span.text = s;
  span.style.size = size;
  spec.spans = {span};
  spec.width = width;
  spec.first_indent = 2 * size;
  return spec;
}

}  // namespace

TEST_CASE("the seed page's body text at the layout's column widths, real fonts") {
  REQUIRE(seed().body.size() >= 20);
  // newspaper-a4: (595.28 - 2 * 40 - 14) / 2 pt at 9.5 pt; and an exact 24-character measure.
  for (double width : {250.64, 24 * 9.5}) {
    CAPTURE(width);
    int orphans = 0;
    for (const auto& p : seed().body) {
      core::Diagnostics diags;
      const auto spec = body_spec(p, 9.5, width);
      const auto lines = text::set_paragraph(spec, book(), diags);
      CHECK(diags.empty());
      check_rules(spec, lines);
      if (lines.size() > 1) {
        int chars = 0;
        for (const auto& g : lines.back().glyphs) {
          const auto k = core::classify(first_code_point(g.text));
          chars += !(core::is_cjk_punct(k) || core::is_space(k));
        }
        orphans += chars == 1;
      }
    }
    CHECK(orphans == 0);
  }
}

TEST_CASE("headlines, headings, captions and bylines set unjustified in hei and kai") {
  for (const auto& s : seed().heads) {
    for (auto role : {core::FontRole::Hei, core::FontRole::Kai}) {
      core::Diagnostics diags;
      text::ParagraphSpec spec = body_spec(s, 14, 160);
      spec.first_indent = 0;
      spec.align = core::Align::Center;
      spec.spans[0].style.role = role;
      const auto lines = text::set_paragraph(spec, book(), diags);
      CHECK(diags.empty());
      check_rules(spec, lines);
    }
  }
}

TEST_CASE("the seed's body text keeps the rules at every width from 8 to 30 em (monospace)") {
  for (int w = 8; w <= 30; ++w) {
    for (const auto& p : seed().body) {
      CAPTURE(w);
      const auto spec = mono_spec(p, w, Options{2, core::Align::Justify, {}});
      check_rules(spec, set_mono(spec));
    }
  }
}

TEST_CASE("typesetting the seed page is fast") {
  std::size_t chars = 0;
  for (const auto& p : seed().body) chars += static_cast<std::size_t>(core::count_code_points(p));
  for (const auto& p : seed().heads) chars += static_cast<std::size_t>(core::count_code_points(p));
  core::Diagnostics diags;
  // Real source positions: every glyph carries its file name.
  auto spec = [](const std::string& p, double size, double width) {
    text::ParagraphSpec s = body_spec(p, size, width);
    s.spans[0].source = {BROADSHEET_SOURCE_DIR "/samples/seed-page.yaml", 12, 9};
    s.spans[0].one_line = true;
    return s;
  };
  auto run = [&] {
    std::size_t lines = 0;
    for (const auto& p : seed().body) lines += text::set_paragraph(spec(p, 9.5, 250.64), book(), diags).size();
    for (const auto& p : seed().heads) lines += text::set_paragraph(spec(p, 14, 160), book(), diags).size();
    return lines;
  };
  auto timed = [&] {
    const auto t0 = std::chrono::steady_clock::now();
    const std::size_t lines = run();
    return std::make_pair(lines, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  };
  // Fonts are loaded once per process, before any typesetting; the first
  // run then fills the per-character caches.
  (void)book();
  const auto [cold_lines, cold_ms] = timed();
  const auto [lines, ms] = timed();
  CHECK(lines == cold_lines);
  MESSAGE(chars << " characters, " << lines << " lines: " << ms << " ms (first run " << cold_ms << " ms)");
  CHECK(ms < 1000);  // a sanity bound that holds even in a sanitizer build
}
