#pragma once
// One batch document through the pipeline, with what a batch needs beyond
// app::render_pdf: layouts parsed once per process and shared by the
// workers, and the list of files the document was made from (for the
// skip-if-unchanged check).
#include <map>
#include <optional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "app/batch/batch_stamp.h"
#include "app/common/pipeline.h"
#include "core/diagnostics.h"
#include "style/theme.h"

namespace app {

// A layout file read once: the theme and what reading it reported (every
// document using it gets those messages, as `render` would print them).
struct LoadedLayout {
  std::shared_ptr<const LoadedTheme> loaded;
  std::optional<FileStamp> stamp;  // taken before reading
};

// Layouts by resolved path. The lock guards only the map; a LoadedLayout is
// immutable once published and read by many workers at once.
class LayoutCache {
 public:
  std::shared_ptr<const LoadedLayout> get(const std::string& path);

 private:
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const LoadedLayout>> layouts_;
};

struct BatchRender {
  std::string pdf;                 // empty when the document failed
  int pages = 0;
  std::vector<StampedFile> inputs;  // YAML, layout file, photos (stamped before use)
  core::Diagnostics diags;
};

// app::render_pdf with the layout taken from `layouts`, noting every input.
// `options` says how (strict, press); its layout hooks are set here.
BatchRender render_batch_document(const std::string& yaml_path, const Resources& res, LayoutCache& layouts,
                                  RenderOptions options);

}  // namespace app
