#include "app/batch/batch_options.h"

#include <sched.h>

#include <fstream>
#include <limits>
#include <thread>

#include "app/common/arguments.h"

namespace app {
namespace {

// More workers than this only adds memory (one PDF in flight each), never speed.
constexpr int kMaxJobs = 1024;

}  // namespace

std::optional<ShardSpec> parse_shard(const std::string& text) {
  const auto slash = text.find('/');
  if (slash == std::string::npos) return std::nullopt;
  const auto index = parse_integer(std::string_view(text).substr(0, slash));
  const auto count = parse_integer(std::string_view(text).substr(slash + 1));
  if (!index || !count || *count < 1 || *count > std::numeric_limits<int>::max() || *index < 0 || *index >= *count)
    return std::nullopt;
  return ShardSpec{static_cast<int>(*index), static_cast<int>(*count)};
}

BatchOptions parse_batch_options(const std::vector<std::string>& args) {
  BatchOptions o;
  Arguments a(args);
  o.strict = a.flag("--strict");
  o.press = a.flag("--press");
  o.force = a.flag("--force");
  if (auto v = a.value("-o")) {
    if (v->empty()) throw UsageError("-o needs a folder");
    o.out_dir = *v;
  }
  if (auto j = a.value("-j")) {
    const auto n = parse_integer(*j);
    if (!n || *n < 1 || *n > kMaxJobs) {
      throw UsageError("-j takes a number of documents at once, 1 to " + std::to_string(kMaxJobs) + ", not '" +
                       *j + "'");
    }
    o.jobs = static_cast<int>(*n);
  }
  if (auto s = a.value("--shard")) {
    const auto spec = parse_shard(*s);
    if (!spec) throw UsageError("--shard takes I/N with 0 <= I < N (e.g. 0/4), not '" + *s + "'");
    o.shard = *spec;
  }
  if (auto r = a.value("--report")) {
    if (r->empty()) throw UsageError("--report needs a file name");
    o.report = *r;
  }
  o.inputs = a.operands();
  if (o.inputs.empty()) throw UsageError("needs at least one file or folder");
  if (o.out_dir.empty()) throw UsageError("needs -o OUTDIR");
  return o;
}

int usable_cores() {
  int cores = 0;
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) == 0) cores = CPU_COUNT(&set);
  if (cores < 1) cores = static_cast<int>(std::thread::hardware_concurrency());
  if (cores < 1) cores = 1;
  // cgroup v2: "max 100000" (no limit) or "QUOTA PERIOD" in microseconds.
  std::ifstream cpu_max("/sys/fs/cgroup/cpu.max");
  std::string quota;
  long long period = 0;
  if (cpu_max >> quota >> period && quota != "max" && period > 0) {
    const auto q = parse_integer(quota);
    if (q && *q > 0) {
      const long long limit = (static_cast<long long>(*q) + period - 1) / period;
      if (limit < cores) cores = static_cast<int>(limit);
    }
  }
  return cores;
}

}  // namespace app
