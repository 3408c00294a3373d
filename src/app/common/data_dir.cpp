#include "app/common/data_dir.h"

#include <cstdlib>
#include <filesystem>

#include "style/load_theme.h"

namespace app {
namespace fs = std::filesystem;

namespace {
bool has_layouts(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(dir / "layouts" / (std::string(style::kDefaultLayout) + ".yaml"), ec);
}
}  // namespace

std::string find_data_dir() {
  if (const char* env = std::getenv("BROADSHEET_DATA_DIR"); env && *env && has_layouts(env)) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    // build/broadsheet → the source tree; bin/broadsheet → ../share/broadsheet.
    fs::path dir = exe.parent_path();
    for (int up = 0; up < 4 && !dir.empty(); ++up, dir = dir.parent_path()) {
      if (has_layouts(dir)) return dir.string();
      if (has_layouts(dir / "share" / "broadsheet")) return (dir / "share" / "broadsheet").string();
      if (dir == dir.root_path()) break;
    }
  }
#ifdef BROADSHEET_DATA_DIR
  if (has_layouts(BROADSHEET_DATA_DIR)) return BROADSHEET_DATA_DIR;
#endif
  return "";
}

}  // namespace app
