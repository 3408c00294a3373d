#include "text_test_support.h"
#include <chrono>
#include <cstdio>
#include "text/font_book.h"
using namespace text_test;
TEST_CASE("scratch-long") {
  source::Diagnostics diags;
  const std::string dir = BROADSHEET_SOURCE_DIR "/fonts";
  text::FontBook fonts(text::load_font_manifest(dir + "/manifest.yaml", diags), dir);
  std::string unit = "产业工人队伍建设改革事关全局，需要精准施策。高明区委、区政府将产改工作作为推动高质量发展的重要抓手，2024年组织WeChat活动80%以上。";
  for (int reps : {10, 100, 1000}) {
    std::string s; for (int i = 0; i < reps; i++) s += unit;
    text::ParagraphSpec spec; text::Span sp; sp.text = s; sp.style.size = 9.5; spec.spans = {sp}; spec.width = 250.64; spec.first_indent = 19;
    auto t0 = std::chrono::steady_clock::now();
    auto lines = text::set_paragraph(spec, fonts, diags);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    printf("%zu chars: %zu lines %.2f ms\n", s.size() / 3, lines.size(), ms);
  }
}
