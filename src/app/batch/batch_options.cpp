#include "app/batch/batch_options.h"

#include <sched.h>

#include <charconv>
#include <fstream>
#include <thread>

namespace app {
namespace {

// More workers than this only adds memory (one PDF in flight each), never speed.
constexpr int kMaxJobs = 1024;

std::optional<int> parse_int(std::string_view s) {
  int v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

// Values of options come as "-o DIR", "-o=DIR" or, for the short ones, "-oDIR".
class ArgCursor {
 public:
  explicit ArgCursor(const std::vector<std::string>& args) : args_(args) {}
  bool done() const { return i_ >= args_.size(); }
  const std::string& next() { return args_[i_++]; }

  // `arg` (already taken) is `name`, `name=V` or, when short, `nameV`: returns V.
  std::optional<std::string> value_of(const std::string& arg, const std::string& name) {
    if (arg == name) {
      if (done()) throw BatchUsageError(name + " needs a value");
      return next();
    }
    if (arg.rfind(name + "=", 0) == 0) return arg.substr(name.size() + 1);
    const bool is_short = name.size() == 2;
    if (is_short && arg.size() > 2 && arg.rfind(name, 0) == 0) return arg.substr(2);
    return std::nullopt;
  }

 private:
  const std::vector<std::string>& args_;
  std::size_t i_ = 0;
};

}  // namespace

std::optional<ShardSpec> parse_shard(const std::string& text) {
  const auto slash = text.find('/');
  if (slash == std::string::npos) return std::nullopt;
  const auto index = parse_int(std::string_view(text).substr(0, slash));
  const auto count = parse_int(std::string_view(text).substr(slash + 1));
  if (!index || !count || *count < 1 || *index < 0 || *index >= *count) return std::nullopt;
  return ShardSpec{*index, *count};
}

BatchOptions parse_batch_options(const std::vector<std::string>& args) {
  BatchOptions o;
  ArgCursor cur(args);
  bool operands_only = false;
  while (!cur.done()) {
    const std::string arg = cur.next();
    if (operands_only || arg.empty() || arg[0] != '-' || arg == "-") {
      o.inputs.push_back(arg);
      continue;
    }
    if (arg == "--") {
      operands_only = true;
    } else if (arg == "--help" || arg == "-h") {
      o.help = true;
    } else if (arg == "--strict") {
      o.strict = true;
    } else if (arg == "--press") {
      o.press = true;
    } else if (arg == "--force") {
      o.force = true;
    } else if (auto v = cur.value_of(arg, "-o")) {
      if (v->empty()) throw BatchUsageError("-o needs a folder");
      o.out_dir = *v;
    } else if (auto j = cur.value_of(arg, "-j")) {
      const auto n = parse_int(*j);
      if (!n || *n < 1 || *n > kMaxJobs) {
        throw BatchUsageError("-j takes a number of documents at once, 1 to " + std::to_string(kMaxJobs) +
                              ", not '" + *j + "'");
      }
      o.jobs = *n;
    } else if (auto s = cur.value_of(arg, "--shard")) {
      const auto spec = parse_shard(*s);
      if (!spec) throw BatchUsageError("--shard takes I/N with 0 <= I < N (e.g. 0/4), not '" + *s + "'");
      o.shard = *spec;
    } else if (auto r = cur.value_of(arg, "--report")) {
      if (r->empty()) throw BatchUsageError("--report needs a file name");
      o.report = *r;
    } else {
      throw BatchUsageError("unknown option '" + arg + "'");
    }
  }
  if (o.help) return o;
  if (o.inputs.empty()) throw BatchUsageError("needs at least one file or folder");
  if (o.out_dir.empty()) throw BatchUsageError("needs -o OUTDIR");
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
    const auto q = parse_int(quota);
    if (q && *q > 0) {
      const long long limit = (static_cast<long long>(*q) + period - 1) / period;
      if (limit < cores) cores = static_cast<int>(limit);
    }
  }
  return cores;
}

}  // namespace app
