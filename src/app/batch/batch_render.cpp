#include "app/batch/batch_render.h"

#include <filesystem>


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
    loaded->loaded = read_theme(path);
    slot = std::move(loaded);
  }
  return slot;
}

BatchRender render_batch_document(const std::string& yaml_path, const Resources& res, LayoutCache& layouts,
                                  RenderOptions options) {
  BatchRender out;
  options.on_input = [&](const std::string& path) { note_input(out, path); };
  options.themes = [&](const std::string& path) {
    const auto layout = layouts.get(path);  // layout file → styles, once per process
    if (layout->stamp) out.inputs.push_back({absolute_path(path), *layout->stamp});
    return layout->loaded;
  };
  out.pdf = render_pdf(yaml_path, res, options, out.diags, &out.pages);
  if (out.pdf.empty()) out.pages = 0;
  return out;
}

}  // namespace app
