#include "text/face_qualification.h"

#include <array>
#include <cstdio>
#include <set>

namespace text {
namespace {

// How far the ink may reach, in em: a GB mark's ink centre is left of the
// middle, its foot on the baseline, and the small marks stay in the lower
// half. The margins absorb design differences between GB faces (Noto puts
// 。 at 0.18 em, KaitiM GB at 0.38); a centred mark sits at 0.50.
constexpr double kMaxCentreX = 0.45;
constexpr double kMaxFootY = 0.15;
constexpr double kMaxSmallTopY = 0.40;
// "i" against "m": ~0.3 in proportional faces, 1.0 in typewriter ones.
constexpr double kMaxNarrowRatio = 0.75;

std::string em(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

}  // namespace

FaceQualification qualify_face(const FontBook& fonts, int face) {
  FaceQualification q;
  struct Mark {
    char32_t c;
    const char* text;
    bool small;  // dot-like: all its ink in the lower half
  };
  constexpr std::array<Mark, 7> kMarks{{{U'。', "。", true},
                                        {U'，', "，", true},
                                        {U'、', "、", true},
                                        {U'；', "；", false},
                                        {U'：', "：", false},
                                        {U'！', "！", false},
                                        {U'？', "？", false}}};
  for (const Mark& m : kMarks) {
    const std::uint32_t gid = fonts.glyph(face, m.c);
    if (gid == 0) {
      q.problems.push_back(std::string("has no ") + m.text);
      continue;
    }
    const double advance = fonts.advance(face, gid, 1.0);
    const FontBook::Extents e = fonts.extents(face, gid);
    const double centre = (e.x_min + e.x_max) / 2 / (advance > 0 ? advance : 1.0);
    if (centre > kMaxCentreX) {
      q.problems.push_back(std::string(m.text) + " ink is not on the left (its centre is " + em(centre) +
                           " em from the left; GB puts it left of 0.45)");
    } else if (e.y_min > kMaxFootY || (m.small && e.y_max > kMaxSmallTopY)) {
      q.problems.push_back(std::string(m.text) + " ink is not at the foot of the em box (" + em(e.y_min) + " to " +
                           em(e.y_max) + " em above the baseline)");
    }
  }
  const std::uint32_t i = fonts.glyph(face, U'i'), m = fonts.glyph(face, U'm');
  if (i == 0 || m == 0) {
    q.problems.push_back("has no Latin letters");
  } else {
    const double narrow = fonts.advance(face, i, 1.0), wide = fonts.advance(face, m, 1.0);
    if (!(wide > 0) || narrow / wide > kMaxNarrowRatio) {
      q.problems.push_back("its Latin letters are monospaced (i " + em(narrow) + " em, m " + em(wide) +
                           " em), typewriter-like in running text");
    }
  }
  return q;
}

std::vector<std::string> unqualified_manifest_faces(const FontBook& fonts) {
  std::vector<std::string> out;
  std::set<int> seen;
  for (int r = 0; r < core::kFontRoleCount; ++r) {
    const auto role = static_cast<core::FontRole>(r);
    for (int face : fonts.own_faces(role)) {
      if (!seen.insert(face).second) continue;
      const FaceQualification q = qualify_face(fonts, face);
      if (q.qualifies()) continue;
      const core::FontFace& f = fonts.faces()[static_cast<std::size_t>(face)];
      std::string msg = "font '" + f.family + "' (" + std::string(core::role_name(role)) +
                        ") does not qualify for a mainland page: ";
      for (std::size_t k = 0; k < q.problems.size(); ++k) msg += (k ? "; " : "") + q.problems[k];
      out.push_back(msg);
    }
  }
  return out;
}

}  // namespace text
