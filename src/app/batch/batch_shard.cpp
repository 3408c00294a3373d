#include "app/batch/batch_shard.h"

namespace app {

int shard_of(std::string_view output_name, int count) {
  if (count <= 1) return 0;
  return static_cast<int>(stable_hash(output_name) % static_cast<std::uint64_t>(count));
}

}  // namespace app
