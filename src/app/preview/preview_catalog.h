#pragma once
// Which files under the preview folder are documents.
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "app/preview/preview_state.h"

namespace app::preview {

class Catalog {
 public:
  explicit Catalog(std::filesystem::path root) : root_(std::move(root)) {}

  // Every *.yaml / *.yml under the folder, sorted, except hidden files and
  // folders, symlinks leading outside, and layout files kept beside the
  // documents (a mapping with `styles:` or `columns:` and no `articles:`).
  std::vector<DocEntry> scan();

  // The folders the last scan() looked into: the root and its sub-folders
  // (not hidden ones, nor symlinks to folders), absolute.
  const std::set<std::string>& folders() const { return folders_; }

 private:
  bool is_layout_file(const std::filesystem::path& p, const std::string& stamp);

  std::filesystem::path root_;
  std::set<std::string> folders_;
  // Layout-or-not, remembered per file until its size or time changes.
  std::map<std::string, std::pair<std::string, bool>> layout_memo_;
};

}  // namespace app::preview
