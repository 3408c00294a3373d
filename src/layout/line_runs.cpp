#include "layout/line_runs.h"

#include "layout/page_grid.h"

namespace layout {

void append_line(const text::Line& line, double x, double baseline, std::vector<frame::Item>& out) {
  frame::GlyphRun* run = nullptr;
  const auto& glyphs = line.glyphs;
  for (std::size_t i = 0; i < glyphs.size(); ++i) {
    const auto& g = glyphs[i];
    if (g.missing) {
      // A character no font has is drawn as a visible placeholder, never dropped.
      frame::Box box;
      box.rect = {x + g.x + 0.08 * g.size, baseline - kEmAscent * g.size + 0.08 * g.size,
                  0.84 * g.size, 0.84 * g.size};
      box.stroke = true;
      box.stroke_width = 0.6;
      box.stroke_color = {0.8, 0, 0};
      box.span = g.source;
      out.push_back(box);
      run = nullptr;
      // The glyph itself still goes into the text (as .notdef) so copy-paste keeps the character.
    }
    if (!run || run->face != g.face || run->size != g.size || !(run->color == g.color)) {
      frame::GlyphRun r;
      r.face = g.face;
      r.size = g.size;
      r.color = g.color;
      r.baseline = baseline;
      r.span = g.source;
      // The run's length, so its glyphs take what they need and no more (a
      // long document holds every page's glyphs until the PDF is written).
      std::size_t end = i + 1;
      while (end < glyphs.size() && !glyphs[end].missing && glyphs[end].face == g.face && glyphs[end].size == g.size &&
             glyphs[end].color == g.color)
        ++end;
      r.glyphs.reserve(end - i);
      out.push_back(std::move(r));
      run = &std::get<frame::GlyphRun>(out.back());
    }
    run->glyphs.push_back({.x = x + g.x, .advance = g.advance, .gid = g.gid, .text = g.text});
    run->end_width = i + 1 < glyphs.size() ? glyphs[i + 1].x - g.x : g.set_width;
  }
}

}  // namespace layout
