#pragma once
// The `broadsheet batch` command line:
//   batch PATH... -o OUTDIR [-j N] [--shard I/N] [--report FILE] [--press] [--strict] [--force]
#include <optional>
#include <string>
#include <vector>

namespace app {

// Which slice of the documents this process renders (--shard I/N, 0 <= I < N).
struct ShardSpec {
  int index = 0;
  int count = 1;
  bool sharded() const { return count > 1; }
};

struct BatchOptions {
  std::vector<std::string> inputs;  // files and folders, as given
  std::string out_dir;
  int jobs = 0;                     // 0: one per usable core
  ShardSpec shard;
  std::string report;               // --report FILE; "" = none
  bool strict = false;
  bool press = false;               // --press: PDF/X-1a for a printing press
  bool force = false;
};

// Parses the arguments after the word "batch". Throws UsageError.
BatchOptions parse_batch_options(const std::vector<std::string>& args);

// "I/N" → ShardSpec; nullopt unless 0 <= I < N and 1 <= N.
std::optional<ShardSpec> parse_shard(const std::string& text);

// The cores this process may use: its CPU affinity, capped by a cgroup v2
// CPU quota (a Kubernetes `limits.cpu`), so `-j` defaults right in a pod.
int usable_cores();

}  // namespace app
