#include "core/file_name.h"

#include <deque>
#include <mutex>
#include <unordered_map>

namespace core {
namespace {

struct FileNameTable {
  std::mutex mutex;
  std::deque<std::string> paths{std::string()};  // id 0: no file; a deque never moves its strings
  std::unordered_map<std::string_view, std::uint32_t> ids;
};

FileNameTable& table() {
  static FileNameTable t;
  return t;
}

}  // namespace

FileName::FileName(std::string_view path) {
  if (path.empty()) return;
  FileNameTable& t = table();
  const std::lock_guard lock(t.mutex);
  if (const auto it = t.ids.find(path); it != t.ids.end()) {
    id_ = it->second;
    return;
  }
  id_ = static_cast<std::uint32_t>(t.paths.size());
  t.paths.emplace_back(path);
  t.ids.emplace(t.paths.back(), id_);
}

const std::string& FileName::path() const {
  FileNameTable& t = table();
  const std::lock_guard lock(t.mutex);
  return t.paths[id_];
}

}  // namespace core
