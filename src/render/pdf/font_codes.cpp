#include "render/pdf/font_codes.h"

#include <stdexcept>

#include "core/utf8.h"

namespace render::pdf {

FontCodes::FontCodes(Outlines outlines, unsigned glyph_count, std::vector<std::uint16_t> cid_of_gid)
    : outlines_(outlines), glyph_count_(glyph_count), cid_of_gid_(std::move(cid_of_gid)) {}

CodeRef FontCodes::code(const GlyphUse& use, int own_width) {
  if (auto it = code_of_.find(use); it != code_of_.end()) return it->second;
  if (use.gid >= glyph_count_) throw std::runtime_error("glyph id " + std::to_string(use.gid) + " is not in the font");
  auto [glyph, fresh] = glyph_.try_emplace(use.gid);
  Glyph& g = glyph->second;
  if (fresh) {
    if (outlines_ == Outlines::Cff) {
      if (use.gid >= cid_of_gid_.size()) throw std::runtime_error("glyph id " + std::to_string(use.gid) + " has no CID");
      g.code = cid_of_gid_[use.gid];
    } else {
      if (glyph_of_code_.size() > 0xFFFF) throw std::runtime_error("more than 65,535 glyphs drawn from one font");
      g.code = static_cast<std::uint16_t>(glyph_of_code_.size());
      glyph_of_code_.push_back(use.gid);
    }
  }
  if (g.uses == 0xFFFF) throw std::runtime_error("a glyph drawn in more than 65,535 ways");
  const std::uint16_t instance = g.uses++;
  const CodeRef ref{instance, g.code};
  if (instances_.size() <= ref.instance) instances_.resize(ref.instance + 1u);
  FontInstance& in = instances_[ref.instance];
  in.text_of_code[ref.code] = core::code_points(use.text);
  in.width_of_code[ref.code] = use.width >= 0 ? use.width : own_width;
  code_of_.emplace(use, ref);
  return ref;
}

}  // namespace render::pdf
