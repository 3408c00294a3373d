#pragma once
// Photos checked whole once per run (a batch), not once per document: the
// sheets of a batch share a handful of photos, and decoding one (a JPEG at
// 1/8 scale) was 5 % of a batch's CPU time. A file is known by its path,
// its size and a hash of its bytes, which are read each time: an edited
// photo is checked again. Safe to use from several threads.
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "image/image_info.h"

namespace image {

class PhotoChecks {
 public:
  // probe_image_file(path, Check::Whole, why), the same answer and message,
  // from memory when the same bytes were checked before.
  std::optional<ImageInfo> check_file(const std::string& path, std::string& why);

 private:
  struct Checked {
    std::size_t size = 0;
    std::uint64_t hash = 0;
    std::optional<ImageInfo> info;
    std::string why;
  };
  std::mutex mu_;
  std::map<std::string, Checked> by_path_;
};

}  // namespace image
