#pragma once
// `broadsheet new` and `broadsheet layouts`: what a newcomer starts from.
#include <string>
#include <vector>

namespace app {

// A commented document that checks and renders as it is, naming `layout`;
// its first line points editors at `schema` (a path or URL) for completion.
std::string starter_document(const std::string& layout, const std::string& schema);

struct LayoutInfo {
  std::string name;         // newspaper-a4
  std::string description;  // the first sentence of the file's opening comment
};

// The layouts in `data_dir`/layouts, by name.
std::vector<LayoutInfo> shipped_layouts(const std::string& data_dir);

// "unknown layout 'X'; did you mean 'Y'?" and the layouts there are.
std::string unknown_layout_message(const std::string& wanted, const std::string& data_dir);

}  // namespace app
