#pragma once
// The layouts that ship with the program: `broadsheet layouts` lists them,
// and a layout name nobody knows is answered with them.
#include <string>
#include <vector>

namespace app {

struct LayoutInfo {
  std::string name;         // newspaper-a4
  std::string description;  // the first sentence of the file's opening comment
};

// The layouts in `data_dir`/layouts, by name.
std::vector<LayoutInfo> shipped_layouts(const std::string& data_dir);

// "unknown layout 'X'; did you mean 'Y'?" and the layouts there are.
std::string unknown_layout_message(const std::string& wanted, const std::string& data_dir);

}  // namespace app
