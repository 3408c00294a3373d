#pragma once
// What a document's pages depend on — its YAML, its layout file and its
// photos — and a fingerprint of their contents, the preview cache's key.
#include <string>
#include <vector>

namespace app::preview {

struct DocumentInputs {
  std::vector<std::string> files;  // the YAML first, then the layout file, then photos
  std::string layout;              // the layout as the document names it (or the default)
  bool layout_known = true;        // false: the YAML does not read and names no layout
  std::string title;               // first headline, for the index ("" when unreadable)
};

// Reads the YAML (errors are ignored here: the render reports them) to learn
// which layout file and photos it uses. `data_dir` holds layouts/.
DocumentInputs find_inputs(const std::string& yaml_path, const std::string& data_dir);

// Hex SHA-1 over every file's path and bytes; a missing file counts as
// "missing", so creating it changes the fingerprint.
std::string fingerprint(const std::vector<std::string>& files);

// A cheap change detector for polling: size, mtime (ns) and inode of each
// file. Equal signatures mean "probably unchanged"; the fingerprint decides.
std::string stat_signature(const std::vector<std::string>& files);

}  // namespace app::preview
