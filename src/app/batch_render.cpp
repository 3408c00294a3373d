#include "app/batch_render.h"

#include <filesystem>

#include "layout/compose.h"
#include "model/load_document.h"
#include "render/pdf/pdf_writer.h"
#include "style/load_theme.h"
#include "style/styled_document.h"

namespace app {
namespace {

std::string absolute_path(const std::string& path) {
  std::error_code ec;
  auto abs = std::filesystem::absolute(path, ec);
  return ec ? path : abs.lexically_normal().string();
}

// Stamps before the file is read, so an edit made while the document is
// being rendered shows up as a change on the next run.
void note_input(BatchRender& out, const std::string& path) {
  const std::string abs = absolute_path(path);
  for (const auto& f : out.inputs) {
    if (f.path == abs) return;  // a photo used twice
  }
  if (auto s = stamp_file(abs)) out.inputs.push_back({abs, *s});
}

}  // namespace

std::shared_ptr<const LoadedLayout> LayoutCache::get(const std::string& path) {
  // Loading under the lock: a batch uses a handful of layouts, each read once
  // in well under a millisecond, and no two workers parse the same file.
  std::lock_guard lock(mutex_);
  auto& slot = layouts_[path];
  if (!slot) {
    auto loaded = std::make_shared<LoadedLayout>();
    loaded->stamp = stamp_file(path);
    loaded->theme = style::load_theme(path, loaded->diags);
    slot = std::move(loaded);
  }
  return slot;
}

BatchRender render_batch_document(const std::string& yaml_path, const Resources& res, LayoutCache& layouts,
                                  bool strict) {
  BatchRender out;
  source::Diagnostics& diags = out.diags;
  note_input(out, yaml_path);
  model::Document doc = model::load_document(yaml_path, diags);  // YAML → model
  if (diags.has_errors()) return out;

  const std::string wanted = !doc.layout.empty() ? doc.layout.value : std::string("newspaper-a4");
  const std::string layout_path = style::resolve_layout(wanted, doc.dir, res.data_dir);
  if (layout_path.empty()) {
    diags.error(doc.layout.span, "unknown layout '" + wanted + "' (no such file in layouts/ or next to the document)");
    return out;
  }
  const auto layout = layouts.get(layout_path);  // layout file → styles, once per process
  diags.append(layout->diags);
  if (layout->stamp) out.inputs.push_back({absolute_path(layout_path), *layout->stamp});
  for (const auto& article : doc.articles) {
    for (const auto& photo : article.photos) note_input(out, photo.path);
  }
  if (strict) diags.promote_warnings();
  if (diags.has_errors() || !res.fonts) return out;

  const style::StyledDocument styled = style::style_document(doc, layout->theme);      // model → styled blocks
  const frame::Publication pub = layout::compose(styled, layout->theme, *res.fonts, diags);  // → pages
  if (strict) diags.promote_warnings();
  if (diags.has_errors()) return out;

  std::string pdf = render::write_pdf(pub, render::PdfOptions{}, diags);  // pages → PDF
  if (strict) diags.promote_warnings();
  if (diags.has_errors()) return out;
  out.pdf = std::move(pdf);
  out.pages = static_cast<int>(pub.pages.size());
  return out;
}

}  // namespace app
