#pragma once
// `broadsheet batch` command line (SPEC §2):
//   batch PATH... -o OUTDIR [-j N] [--shard I/N] [--report FILE] [--press] [--strict] [--force]
#include <optional>
#include <stdexcept>
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
  bool help = false;
};

// Wrong usage: exit code 2 with the message and the batch synopsis.
struct BatchUsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Parses the arguments after the word "batch". Throws BatchUsageError.
BatchOptions parse_batch_options(const std::vector<std::string>& args);

// "I/N" → ShardSpec; nullopt unless 0 <= I < N and 1 <= N.
std::optional<ShardSpec> parse_shard(const std::string& text);

// The cores this process may use: its CPU affinity, capped by a cgroup v2
// CPU quota (a Kubernetes `limits.cpu`), so `-j` defaults right in a pod.
int usable_cores();

inline constexpr const char* kBatchSynopsis =
    "usage: broadsheet batch PATH... -o OUTDIR [-j N] [--shard I/N] [--report FILE] [--press] [--strict] [--force]\n"
    "  PATH           a document, or a folder: every *.yaml inside, recursively\n"
    "  -o OUTDIR      where NAME.pdf files go (created if missing)\n"
    "  -j N           documents rendered at once (default: one per usable core)\n"
    "  --shard I/N    render only slice I of N (0 <= I < N), for job arrays\n"
    "  --report FILE  a JSON summary (per document: status, pages, bytes, ms, warnings)\n"
    "  --press        PDF/X-1a in the press's CMYK inks (docs/press.md)\n"
    "  --strict       warnings are errors\n"
    "  --force        render even documents whose inputs have not changed\n";

}  // namespace app
