// Where the ink of body lines ends up, measured from the display list with
// the fonts' own glyph extents: line-end marks are squeezed into the
// measure (mainland practice), so no glyph's ink crosses a column edge.
#include <doctest/doctest.h>

#include <hb.h>

#include <cmath>
#include <map>
#include <memory>

#include "layout/compose.h"
#include "layout/page_grid.h"
#include "model/load_document.h"
#include "style/load_theme.h"
#include "style/styled_document.h"
#include "text/font_book.h"

namespace {

const std::string kSource = BROADSHEET_SOURCE_DIR;

const text::FontBook& fonts() {
  static core::Diagnostics diags;
  static text::FontBook book(text::load_font_manifest(kSource + "/fonts/manifest.yaml", diags), kSource + "/fonts");
  return book;
}

// The tight horizontal ink of a glyph, in em, from its outline: HarfBuzz's
// extents of CFF glyphs are the box of the control points, which for a
// serif face's curves reaches past the ink by up to 0.06 em.
class OutlineInk {
 public:
  std::pair<double, double> of(const core::FontFace& face, std::uint32_t gid) {
    auto key = std::make_pair(face.path, face.index);
    auto it = fonts_.find(key);
    if (it == fonts_.end()) {
      hb_blob_t* blob = hb_blob_create_from_file(face.path.c_str());
      hb_face_t* f = hb_face_create(blob, static_cast<unsigned>(face.index));
      hb_blob_destroy(blob);
      hb_font_t* font = hb_font_create(f);
      hb_face_destroy(f);
      it = fonts_.emplace(key, Font(font, &hb_font_destroy)).first;
    }
    hb_font_t* font = it->second.get();
    Bounds b;
    hb_draw_funcs_t* funcs = hb_draw_funcs_create();
    hb_draw_funcs_set_move_to_func(funcs, [](hb_draw_funcs_t*, void* d, hb_draw_state_t*, float x, float, void*) {
      static_cast<Bounds*>(d)->add(x);
    }, nullptr, nullptr);
    hb_draw_funcs_set_line_to_func(funcs, [](hb_draw_funcs_t*, void* d, hb_draw_state_t*, float x, float, void*) {
      static_cast<Bounds*>(d)->add(x);
    }, nullptr, nullptr);
    hb_draw_funcs_set_quadratic_to_func(funcs, [](hb_draw_funcs_t*, void* d, hb_draw_state_t* st, float cx, float,
                                                  float x, float, void*) {
      for (int k = 1; k <= 32; ++k) {
        const double t = k / 32.0, u = 1 - t;
        static_cast<Bounds*>(d)->add(u * u * st->current_x + 2 * u * t * cx + t * t * x);
      }
    }, nullptr, nullptr);
    hb_draw_funcs_set_cubic_to_func(funcs, [](hb_draw_funcs_t*, void* d, hb_draw_state_t* st, float c1x, float,
                                              float c2x, float, float x, float, void*) {
      for (int k = 1; k <= 32; ++k) {
        const double t = k / 32.0, u = 1 - t;
        static_cast<Bounds*>(d)->add(u * u * u * st->current_x + 3 * u * u * t * c1x + 3 * u * t * t * c2x +
                                     t * t * t * x);
      }
    }, nullptr, nullptr);
    hb_font_get_glyph_shape(font, gid, funcs, &b);
    hb_draw_funcs_destroy(funcs);
    const double upem = hb_face_get_upem(hb_font_get_face(font));
    return {b.lo / upem, b.hi / upem};
  }

 private:
  struct Bounds {
    double lo = 1e9, hi = -1e9;
    void add(double x) { lo = std::min(lo, x), hi = std::max(hi, x); }
  };
  using Font = std::unique_ptr<hb_font_t, void (*)(hb_font_t*)>;
  std::map<std::pair<std::string, int>, Font> fonts_;
};

struct InkReport {
  int lines = 0;
  int outside = 0;
  double worst = 0;  // pt past an edge
};

InkReport body_ink(const std::string& sample, const std::string& layout_name) {
  core::Diagnostics diags;
  const auto doc = model::load_document(kSource + "/samples/" + sample, diags);
  const style::Theme theme = style::load_theme(kSource + "/layouts/" + layout_name + ".yaml", diags);
  const layout::PageGrid grid = layout::make_page_grid(theme);
  const frame::Publication pub = layout::compose(style::style_document(doc, theme), theme, fonts(), diags);
  InkReport r;
  OutlineInk ink;
  for (const auto& page : pub.pages) {
    for (const auto& item : page.items) {
      const auto* run = std::get_if<frame::GlyphRun>(&item);
      if (!run || run->glyphs.empty() || std::abs(run->size - grid.body_size) > 1e-6) continue;
      int col = -1;
      for (int c = 0; c < grid.columns; ++c) {
        if (run->glyphs.front().x >= grid.column_x(c) - 0.5 && run->glyphs.front().x < grid.column_x(c) + grid.column_width) col = c;
      }
      if (col < 0) continue;  // a body-size run outside the columns (a box's text)
      const double left = grid.column_x(col), right = left + grid.column_width;
      double ink_left = 1e9, ink_right = -1e9;
      for (const auto& g : run->glyphs) {
        const auto [x_min, x_max] = ink.of(pub.faces[static_cast<std::size_t>(run->face)], g.gid);
        if (!(x_max > x_min)) continue;
        ink_left = std::min(ink_left, g.x + x_min * run->size);
        ink_right = std::max(ink_right, g.x + x_max * run->size);
      }
      ++r.lines;
      const double past = std::max(ink_right - right, left - ink_left);
      if (past > 0.01) {
        std::string t;
        for (const auto& g : run->glyphs) t += g.text;
        MESSAGE("past " << past << " right " << ink_right - right << " left " << left - ink_left << " last x "
                        << run->glyphs.back().x + run->glyphs.back().advance - right << ": " << t);
        ++r.outside;
        r.worst = std::max(r.worst, past);
      }
    }
  }
  return r;
}

}  // namespace

TEST_CASE("no body line's ink extends past its column edge") {
  struct Case {
    const char* sample;
    const char* layout;
  };
  for (const Case c : {Case{"seed-page.yaml", "newspaper-a4"}, Case{"seed-page.yaml", "broadsheet-a3"},
                       Case{"typesetting-showcase.yaml", "newspaper-a4"}, Case{"typesetting-showcase.yaml", "sheet-a4"}}) {
    const std::string label = std::string(c.sample) + " " + c.layout;
    CAPTURE(label);
    const InkReport r = body_ink(c.sample, c.layout);
    MESSAGE(label << ": " << r.lines << " body lines, " << r.outside << " past an edge (worst "
                     << r.worst << " pt)");
    CHECK(r.lines > 40);
    CHECK(r.outside == 0);
  }
}
