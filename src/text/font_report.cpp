#include "text/font_report.h"

#include <algorithm>
#include <unordered_set>

#include "core/char_class.h"
#include "core/utf8.h"
#include "text/shape_text.h"

namespace text {
namespace {

// Coverage is counted for the regular roles: a bold role takes the same
// families, and its fallbacks are the regular ones.
constexpr std::array<core::FontRole, 3> kRoles{core::FontRole::Song, core::FontRole::Hei, core::FontRole::Kai};
constexpr std::array<core::FontRole, core::kFontRoleCount> kAllRoles{core::FontRole::Song,     core::FontRole::SongBold, core::FontRole::Hei,
                                                         core::FontRole::HeiBold,  core::FontRole::Kai,      core::FontRole::KaiBold};
// Fallback faces list the characters they draw, up to this many.
constexpr std::size_t kShowChars = 24;

std::string utf8(char32_t c) {
  std::string s;
  core::append_utf8(s, c);
  return s;
}

std::string pad(std::string s, std::size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

std::string face_line(const core::FontFace& f) {
  std::string s = pad(f.family, 22);
  s.append(" ").append(pad(f.style.empty() ? "-" : f.style, 8));
  s.append(" ").append(f.path).append(" #").append(std::to_string(f.index));
  return s;
}

std::string role_label(core::FontRole role) {
  std::string s(core::role_name(role));
  if (core::is_bold(role)) s.append(" bold");
  return s;
}

}  // namespace

FontCoverage measure_coverage(const FontBook& fonts, std::string_view text) {
  FontCoverage cov;
  std::vector<char32_t> distinct;
  std::unordered_set<char32_t> seen;
  for (std::size_t i = 0; i < text.size();) {
    const core::Decoded d = core::decode_utf8(text, i);
    i += d.length;
    if (!d.valid) continue;
    const core::CharClass k = core::classify(d.code_point);
    if (core::is_space(k) || k == core::CharClass::Format || k == core::CharClass::BreakHint) continue;
    ++cov.characters;
    if (seen.insert(d.code_point).second) distinct.push_back(d.code_point);
  }
  cov.distinct = distinct.size();

  for (std::size_t r = 0; r < kRoles.size(); ++r) {
    RoleCoverage& rc = cov.roles[r];
    rc.role = kRoles[r];
    for (int f : fonts.role_chain(rc.role)) rc.faces.push_back({f, {}});
    for (char32_t c : distinct) {
      const int f = fonts.face_for(rc.role, c);
      if (f < 0) {
        rc.missing.push_back(c);
        continue;
      }
      auto it = std::find_if(rc.faces.begin(), rc.faces.end(),
                             [&](const FaceCoverage& fc) { return fc.face == f; });
      if (it == rc.faces.end()) {
        rc.faces.push_back({f, {}});
        it = rc.faces.end() - 1;
      }
      it->chars.push_back(c);
    }
  }
  return cov;
}

std::string font_report(const FontBook& fonts, std::string_view text) {
  const auto& faces = fonts.faces();
  std::string out = "Font roles (each character comes from the first face that has it):\n";
  for (core::FontRole role : kAllRoles) {
    bool first = true;
    for (int f : fonts.role_chain(role)) {
      out.append("  ").append(pad(first ? role_label(role) : std::string(), 10));
      out.append(face_line(faces[f])).append("\n");
      first = false;
    }
    if (first) out.append("  ").append(pad(role_label(role), 10)).append("(no font found)\n");
  }
  const auto& system = fonts.system_fallbacks();
  out.append("  then any installed font fontconfig finds for the character (");
  out.append(std::to_string(system.size())).append(" candidates");
  for (std::size_t i = 0; i < system.size() && i < 6; ++i) {
    out.append(i ? ", " : ": ").append(faces[system[i]].family);
  }
  out.append(system.size() > 6 ? ", …)\n" : ")\n");
  for (const auto& family : fonts.unresolved_families()) {
    out.append("  not installed: ").append(family).append("\n");
  }
  if (text.empty()) return out;

  const FontCoverage cov = measure_coverage(fonts, text);
  out.append("\nDocument: ").append(std::to_string(cov.characters)).append(" characters, ");
  out.append(std::to_string(cov.distinct)).append(" distinct\n");
  for (const RoleCoverage& rc : cov.roles) {
    out.append("  ").append(core::role_name(rc.role)).append(":\n");
    const int primary = fonts.primary_face(rc.role);
    for (const FaceCoverage& fc : rc.faces) {
      if (fc.chars.empty()) continue;
      out.append("    ").append(pad(faces[fc.face].family, 22)).append(" ");
      out.append(std::to_string(fc.chars.size())).append(" characters");
      if (fc.face != primary) {
        out.append(":");
        for (std::size_t i = 0; i < fc.chars.size() && i < kShowChars; ++i) {
          out.append(" ").append(utf8(fc.chars[i])).append(" ").append(code_point_name(fc.chars[i]));
        }
        if (fc.chars.size() > kShowChars) out.append(" …");
      }
      out.append("\n");
    }
    if (!rc.missing.empty()) {
      out.append("    no font has ").append(std::to_string(rc.missing.size())).append(":");
      for (char32_t c : rc.missing) out.append(" ").append(code_point_name(c));
      out.append("\n");
    }
  }
  return out;
}

}  // namespace text
