#pragma once
// What a document's pages depend on — its YAML, its layout file and its
// photos. Their app::inputs_fingerprint is the preview cache's key.
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

}  // namespace app::preview
