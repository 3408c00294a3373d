#include "app/batch/batch_stamp.h"

#include <sys/stat.h>

#include <cstdio>
#include <filesystem>

#include "app/batch/batch_shard.h"

namespace app {

std::optional<FileStamp> stamp_file(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return FileStamp{static_cast<std::int64_t>(st.st_size),
                   static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec};
}

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
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(stable_hash(all)));
  return hex;
}

}  // namespace app
