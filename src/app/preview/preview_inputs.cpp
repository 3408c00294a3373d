#include "app/preview/preview_inputs.h"

#include <set>

#include "core/diagnostics.h"
#include "model/load_document.h"
#include "style/load_theme.h"

namespace app::preview {

DocumentInputs find_inputs(const std::string& yaml_path, const std::string& data_dir) {
  DocumentInputs in;
  in.files.push_back(yaml_path);
  core::Diagnostics ignored;  // the render reports the same problems with positions
  const model::Document doc = model::load_document(yaml_path, ignored);
  in.layout = doc.layout.empty() ? std::string(style::kDefaultLayout) : doc.layout.value;
  in.layout_known = !doc.layout.empty() || !ignored.has_errors();
  if (!doc.articles.empty()) in.title = doc.articles.front().headline.value;
  std::set<std::string> seen{yaml_path};
  auto add = [&](const std::string& f) {
    if (!f.empty() && seen.insert(f).second) in.files.push_back(f);
  };
  add(style::resolve_layout(in.layout, doc.dir, data_dir));
  for (const auto& a : doc.articles)
    for (const auto& p : a.photos) add(p.path);
  return in;
}

}  // namespace app::preview
