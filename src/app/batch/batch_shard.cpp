#include "app/batch/batch_shard.h"

namespace app {

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

int shard_of(std::string_view output_name, int count) {
  if (count <= 1) return 0;
  return static_cast<int>(stable_hash(output_name) % static_cast<std::uint64_t>(count));
}

}  // namespace app
