#include "app/common/input_stamp.h"

#include <sys/stat.h>

#include <cstdio>

namespace app {

std::optional<FileStamp> stamp_file(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return FileStamp{static_cast<std::int64_t>(st.st_size),
                   static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec};
}

std::string inputs_fingerprint(const std::vector<std::string>& files) {
  std::string all;
  for (const auto& f : files) {
    // Length-prefixed paths, so no two different input sets give the same text.
    all += std::to_string(f.size()) + ':' + f + ' ';
    const auto s = stamp_file(f);
    all += s ? std::to_string(s->size) + ' ' + std::to_string(s->mtime_ns) : std::string("missing");
    all += '\n';
  }
  return hex_digest(all);
}

std::uint64_t stable_hash(std::string_view bytes) {
  std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a 64 offset basis
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;  // FNV-1a 64 prime
  }
  // MurmurHash3's fmix64: FNV's low bits alone are weak for small moduli.
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

std::string hex_digest(std::string_view bytes) {
  char hex[kFingerprintLength + 1];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(stable_hash(bytes)));
  return hex;
}

}  // namespace app
