#include "image/photo_checks.h"

#include <functional>
#include <string_view>

#include "image/image_probe.h"

namespace image {

std::optional<ImageInfo> PhotoChecks::check_file(const std::string& path, std::string& why) {
  const auto bytes = read_image_file(path, why);
  if (!bytes) return std::nullopt;
  const std::uint64_t hash = std::hash<std::string_view>{}(*bytes);
  {
    std::lock_guard lock(mu_);
    if (const auto it = by_path_.find(path);
        it != by_path_.end() && it->second.size == bytes->size() && it->second.hash == hash) {
      why = it->second.why;
      return it->second.info;
    }
  }
  // Checked outside the lock: two threads may check the same new file at
  // once, and both keep the same answer.
  Checked checked{bytes->size(), hash, probe_image(*bytes, Check::Whole, why), ""};
  if (!checked.info) checked.why = why;
  std::lock_guard lock(mu_);
  by_path_.insert_or_assign(path, checked);
  return checked.info;
}

}  // namespace image
