#include "app/preview/preview_catalog.h"

#include <algorithm>

#include "app/common/input_stamp.h"
#include "app/preview/preview_inputs.h"
#include "app/preview/preview_paths.h"
#include "style/load_theme.h"

namespace app::preview {
namespace fs = std::filesystem;

namespace {
// Enough for a county folder of any size, small enough that a mistaken
// `preview /` does not walk the whole disk.
constexpr std::size_t kMaxDocuments = 5000;
constexpr int kMaxDepth = 8;
}  // namespace

bool Catalog::is_layout_file(const fs::path& p, const std::string& stamp) {
  auto& memo = layout_memo_[p.string()];
  if (memo.first == stamp) return memo.second;
  // Broken YAML is not a layout: it is shown as a document, with its errors.
  const bool layout = style::is_layout_file(p.string());
  memo = {stamp, layout};
  return layout;
}

std::vector<DocEntry> Catalog::scan() {
  std::vector<DocEntry> docs;
  folders_ = {root_.string()};
  std::error_code ec;
  fs::recursive_directory_iterator it(root_, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    const std::string name = p.filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it.depth() >= kMaxDepth) it.disable_recursion_pending();
    else if (std::error_code e1; it->is_directory(e1) && !it->is_symlink(e1)) folders_.insert(p.string());
    const std::string ext = p.extension().string();
    if (ext != ".yaml" && ext != ".yml") continue;
    std::error_code e2;
    const fs::path real = fs::canonical(p, e2);
    if (e2 || !is_inside(root_, real) || !fs::is_regular_file(real, e2)) continue;
    if (is_layout_file(real, inputs_fingerprint({real.string()}))) continue;
    docs.push_back({fs::relative(p, root_, e2).generic_string(), p.string()});
    if (docs.size() >= kMaxDocuments) break;
  }
  std::sort(docs.begin(), docs.end(), [](const DocEntry& a, const DocEntry& b) { return a.id < b.id; });
  return docs;
}

}  // namespace app::preview
