#include "text/glyph_metrics.h"

#include "core/char_class.h"

namespace text {

GlyphInfo FontBookMetrics::lookup(core::FontRole role, char32_t c) const {
  GlyphInfo g;
  const int face = fonts_.face_for(role, c);
  if (face < 0) {
    g.face = fonts_.primary_face(role);
    g.gid = 0;
    g.missing = true;
  } else {
    g.face = face;
    g.gid = fonts_.glyph(face, c);
  }
  g.advance = fonts_.advance(g.face, g.gid, 1.0);
  return g;
}

double FontBookMetrics::advance(int face, std::uint32_t gid) const { return fonts_.advance(face, gid, 1.0); }

InkExtent FontBookMetrics::ink(int face, std::uint32_t gid) const {
  const FontBook::Extents e = fonts_.extents(face, gid);
  InkExtent ink;
  ink.left = e.x_min;
  ink.right = e.x_max;
  ink.empty = !(e.x_max > e.x_min);
  return ink;
}

namespace {

double mono_advance(char32_t c) {
  const core::CharClass k = core::classify(c);
  if (core::is_invisible(k)) return 0;  // combining marks hang over their base
  if (k == core::CharClass::Interpunct) return 0.5;
  if (core::is_cjk(k) || k == core::CharClass::Han || core::is_ambiguous_quote(c)) return 1.0;
  if ((k == core::CharClass::Prefix || k == core::CharClass::Postfix) && c >= 0x2000) return 1.0;
  return 0.5;
}

}  // namespace

GlyphInfo MonoMetrics::lookup(core::FontRole, char32_t c) const {
  GlyphInfo g;
  g.face = 0;
  if (missing_.count(c)) {
    g.missing = true;
    g.gid = 0;
    g.advance = 1.0;
    return g;
  }
  g.gid = static_cast<std::uint32_t>(c);
  g.advance = mono_advance(c);
  return g;
}

double MonoMetrics::advance(int, std::uint32_t gid) const {
  return gid == 0 ? 1.0 : mono_advance(static_cast<char32_t>(gid));
}

InkExtent MonoMetrics::ink(int, std::uint32_t gid) const {
  const auto c = static_cast<char32_t>(gid);
  const double adv = advance(0, gid);
  InkExtent ink;
  ink.empty = core::classify(c) == core::CharClass::Space;
  if (ink.empty) return ink;
  switch (core::classify(c)) {
    case core::CharClass::Pause: case core::CharClass::Stop: case core::CharClass::Closing:
      ink.left = 0.1; ink.right = 0.4; break;
    case core::CharClass::Opening:
      ink.left = 0.6; ink.right = 0.9; break;
    case core::CharClass::Interpunct:
      ink.left = 0.2; ink.right = 0.3; break;
    default:
      ink.left = 0.05 * adv; ink.right = 0.95 * adv; break;
  }
  return ink;
}

}  // namespace text
