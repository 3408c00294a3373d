#include "app/batch/batch_stamp.h"

#include <filesystem>

namespace app {

std::string environment_fingerprint(const Resources& res) {
  std::string all = "broadsheet " BROADSHEET_VERSION "\n";
  auto add = [&all](const std::string& path, const std::string& label) {
    const auto s = stamp_file(path);
    all += label + ' ' + (s ? std::to_string(s->size) + ' ' + std::to_string(s->mtime_ns) : "-") + '\n';
  };
  std::error_code ec;
  const std::string exe = std::filesystem::read_symlink("/proc/self/exe", ec).string();
  add(exe, exe);
  add(res.data_dir + "/fonts/manifest.yaml", res.data_dir + "/fonts/manifest.yaml");
  if (res.fonts) {
    for (const auto& face : res.fonts->faces()) add(face.path, face.path + '#' + std::to_string(face.index));
  }
  return hex_digest(all);
}

}  // namespace app
