#include "render/pdf/font_sources.h"

#include <algorithm>
#include <iterator>

#include "render/pdf/font_file.h"

namespace render::pdf {

struct FontSources::Face {
  std::mutex mu;  // one document at a time adds charstrings
  std::unique_ptr<SparseFont> font;
  FontFile::CffCharstrings charstrings;
  std::set<std::uint32_t> loaded;
};

FontSources::FontSources() = default;
FontSources::~FontSources() = default;

std::pair<const char*, std::size_t> FontSources::cff_face(const FontFile& file, const std::string& path, int index,
                                                          const std::vector<std::uint32_t>& whole,
                                                          const std::set<std::uint32_t>& glyphs) {
  Face* face = nullptr;
  {
    std::lock_guard lock(mu_);
    auto& slot = faces_[{path, index}];
    if (!slot) slot = std::make_unique<Face>();
    face = slot.get();
  }
  std::lock_guard lock(face->mu);
  if (!face->font) face->font = file.sparse_cff_skeleton(whole, face->charstrings);
  std::set<std::uint32_t> missing;
  std::set_difference(glyphs.begin(), glyphs.end(), face->loaded.begin(), face->loaded.end(),
                      std::inserter(missing, missing.end()));
  if (!missing.empty()) {
    file.add_cff_charstrings(*face->font, face->charstrings, missing);
    face->loaded.insert(missing.begin(), missing.end());
  }
  return {face->font->data(), face->font->size()};
}

}  // namespace render::pdf
