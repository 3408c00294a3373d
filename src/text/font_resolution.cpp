#include "text/font_resolution.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <string_view>
#include <system_error>

namespace text {
namespace {

namespace fs = std::filesystem;

// Bump when the layout of the file or the meaning of its contents changes.
constexpr std::string_view kMagic = "BSFONTS2";
// Far above a real cache (a few hundred kilobytes); more is not ours.
constexpr std::uint64_t kMaxCacheBytes = 64u << 20;
// Cache files of other manifests or folders not rewritten for this long are removed.
constexpr auto kStaleAfter = std::chrono::hours(24 * 30);

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

// What a file or folder looked like: a change of any field (or of whether
// it exists) means fontconfig could now answer differently.
struct Stamp {
  std::string path;
  std::int64_t mtime_ns = -1;
  std::int64_t ctime_ns = -1;
  std::int64_t size = -1;
  std::uint64_t inode = 0;
  friend bool operator==(const Stamp&, const Stamp&) = default;
};

Stamp stamp_of(const std::string& path) {
  Stamp s;
  s.path = path;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return s;
  s.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  s.ctime_ns = static_cast<std::int64_t>(st.st_ctim.tv_sec) * 1'000'000'000 + st.st_ctim.tv_nsec;
  s.size = static_cast<std::int64_t>(st.st_size);
  s.inode = static_cast<std::uint64_t>(st.st_ino);
  return s;
}

// A cheap 64-bit hash: detects a damaged or half-written file, and names
// the file of one manifest and environment.
std::uint64_t hash_of(std::string_view bytes) {
  std::uint64_t h = 0xcbf29ce484222325ull ^ bytes.size();
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, bytes.data() + i, 8);
    h = (h ^ word) * 0x100000001b3ull;
    h ^= h >> 29;
  }
  for (; i < bytes.size(); ++i) h = (h ^ static_cast<unsigned char>(bytes[i])) * 0x100000001b3ull;
  return h;
}

class Writer {
 public:
  void u32(std::uint32_t v) { raw(&v, sizeof v); }
  void u64(std::uint64_t v) { raw(&v, sizeof v); }
  void i64(std::int64_t v) { raw(&v, sizeof v); }
  void str(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    bytes_.append(s);
  }
  std::string take() { return std::move(bytes_); }

 private:
  void raw(const void* p, std::size_t n) { bytes_.append(static_cast<const char*>(p), n); }
  std::string bytes_;
};

// Reads what Writer wrote; past the end or on a bad length, ok() turns
// false and every read gives zero or empty.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : rest_(bytes) {}
  bool ok() const { return ok_; }
  bool at_end() const { return rest_.empty(); }
  std::uint32_t u32() { return pod<std::uint32_t>(); }
  std::uint64_t u64() { return pod<std::uint64_t>(); }
  std::int64_t i64() { return pod<std::int64_t>(); }
  std::string str() {
    const std::uint32_t n = u32();
    if (!ok_ || n > rest_.size()) return fail<std::string>();
    std::string s(rest_.substr(0, n));
    rest_.remove_prefix(n);
    return s;
  }
  // A count of items at least `item_bytes` each: never more than could fit.
  std::uint32_t count(std::size_t item_bytes) {
    const std::uint32_t n = u32();
    return ok_ && n <= rest_.size() / item_bytes ? n : fail<std::uint32_t>();
  }

 private:
  template <typename T>
  T pod() {
    if (!ok_ || rest_.size() < sizeof(T)) return fail<T>();
    T v;
    std::memcpy(&v, rest_.data(), sizeof v);
    rest_.remove_prefix(sizeof v);
    return v;
  }
  template <typename T>
  T fail() {
    ok_ = false;
    rest_ = {};
    return T{};
  }
  std::string_view rest_;
  bool ok_ = true;
};

void write_location(Writer& w, const FaceLocation& f) {
  w.str(f.path);
  w.u32(static_cast<std::uint32_t>(f.index));
  w.str(f.family);
  w.str(f.style);
}

FaceLocation read_location(Reader& r) {
  FaceLocation f;
  f.path = r.str();
  f.index = static_cast<int>(r.u32());
  f.family = r.str();
  f.style = r.str();
  return f;
}

// Everything besides the files that decides the answers: the requests,
// the fonts folder, fontconfig's version and the environment it reads.
std::string key_of(const std::vector<FamilyRequest>& requests, const std::string& fonts_dir) {
  Writer w;
  w.u32(static_cast<std::uint32_t>(FcGetVersion()));
  w.str(fonts_dir);
  for (const char* name : {"FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT", "HOME", "XDG_CONFIG_HOME",
                           "XDG_DATA_HOME", "XDG_DATA_DIRS"}) {
    w.str(env(name));
  }
  w.u32(static_cast<std::uint32_t>(requests.size()));
  for (const auto& r : requests) {
    w.str(r.family);
    w.u32(r.bold ? 1 : 0);
  }
  return w.take();
}

std::string serialise(const std::string& key, const std::vector<Stamp>& stamps, const FontResolution& res) {
  Writer w;
  w.str(key);
  w.u32(static_cast<std::uint32_t>(stamps.size()));
  for (const Stamp& s : stamps) {
    w.str(s.path);
    w.i64(s.mtime_ns);
    w.i64(s.ctime_ns);
    w.i64(s.size);
    w.u64(s.inode);
  }
  w.u32(static_cast<std::uint32_t>(res.families.size()));
  for (const auto& [request, face] : res.families) {
    w.str(request.family);
    w.u32(request.bold ? 1 : 0);
    w.u32(face ? 1 : 0);
    if (face) write_location(w, *face);
  }
  w.u32(static_cast<std::uint32_t>(res.fallbacks.size()));
  for (const auto& c : res.fallbacks) {
    write_location(w, c.where);
    w.u32(static_cast<std::uint32_t>(c.coverage.ranges.size()));
    for (const auto& [first, last] : c.coverage.ranges) {
      w.u32(first);
      w.u32(last);
    }
  }
  std::string payload = w.take();
  Writer head;
  head.u64(payload.size());
  head.u64(hash_of(payload));
  return std::string(kMagic) + head.take() + payload;
}

// The resolution in `bytes` when they are a whole, undamaged cache of
// `key` whose files are all as they were; nullopt otherwise.
std::optional<FontResolution> deserialise(std::string_view bytes, const std::string& key) {
  if (!bytes.starts_with(kMagic)) return std::nullopt;
  Reader head(bytes.substr(kMagic.size(), 16));
  const std::uint64_t size = head.u64();
  const std::uint64_t hash = head.u64();
  const std::string_view payload = bytes.substr(std::min(bytes.size(), kMagic.size() + 16));
  if (!head.ok() || payload.size() != size || hash_of(payload) != hash) return std::nullopt;

  Reader r(payload);
  if (r.str() != key || !r.ok()) return std::nullopt;
  const std::uint32_t stamps = r.count(4 + 8 * 4);
  for (std::uint32_t i = 0; i < stamps; ++i) {
    Stamp s;
    s.path = r.str();
    s.mtime_ns = r.i64();
    s.ctime_ns = r.i64();
    s.size = r.i64();
    s.inode = r.u64();
    if (!r.ok() || stamp_of(s.path) != s) return std::nullopt;
  }
  FontResolution res;
  const std::uint32_t families = r.count(12);
  for (std::uint32_t i = 0; i < families && r.ok(); ++i) {
    FamilyRequest request{r.str(), r.u32() != 0};
    std::optional<FaceLocation> face;
    if (r.u32() != 0) face = read_location(r);
    res.families.emplace_back(std::move(request), std::move(face));
  }
  const std::uint32_t fallbacks = r.count(20);
  for (std::uint32_t i = 0; i < fallbacks && r.ok(); ++i) {
    FallbackCandidate c;
    c.where = read_location(r);
    const std::uint32_t ranges = r.count(8);
    c.coverage.ranges.reserve(ranges);
    for (std::uint32_t j = 0; j < ranges; ++j) {
      const char32_t first = r.u32();
      const char32_t last = r.u32();
      c.coverage.ranges.emplace_back(first, last);
    }
    res.fallbacks.push_back(std::move(c));
  }
  if (!r.ok() || !r.at_end()) return std::nullopt;
  res.from_cache = true;
  return res;
}

std::optional<std::string> read_small_file(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  std::string bytes;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) <= kMaxCacheBytes) {
    bytes.resize(static_cast<std::size_t>(st.st_size));
    std::size_t done = 0;
    while (done < bytes.size()) {
      const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
      if (n <= 0) break;
      done += static_cast<std::size_t>(n);
    }
    bytes.resize(done);
  }
  ::close(fd);
  return bytes;
}

// Written beside its final name, then renamed over it: a reader sees the
// old file or the new one, never a part; two writers simply race to rename.
void write_atomically(const fs::path& path, const std::string& bytes) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  std::random_device random;
  const fs::path temp = path.string() + "." + std::to_string(::getpid()) + "." + std::to_string(random()) + ".tmp";
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return;
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  const bool written = done == bytes.size() && ::close(fd) == 0;
  if (!written || ::rename(temp.c_str(), path.c_str()) != 0) fs::remove(temp, ec);
}

// Cache files of manifests or folders no longer used (a test's temporary
// fonts folder, an old installation) would otherwise pile up.
void remove_stale(const fs::path& dir, const fs::path& keep) {
  std::error_code ec;
  const auto now = fs::file_time_type::clock::now();
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    if (p == keep || !p.filename().string().starts_with("fonts-")) continue;
    std::error_code time_ec;
    const auto written = fs::last_write_time(p, time_ec);
    if (!time_ec && now - written > kStaleAfter) fs::remove(p, time_ec);
  }
}

FontResolution ask_fontconfig(const FontLocator& locator, const std::vector<FamilyRequest>& requests) {
  FontResolution res;
  for (const auto& request : requests) res.families.emplace_back(request, locator.find_family(request.family, request.bold));
  res.fallbacks = locator.fallback_candidates();
  return res;
}

}  // namespace

std::optional<FaceLocation> FontResolution::face(const FamilyRequest& request) const {
  for (const auto& [r, f] : families) {
    if (r == request) return f;
  }
  return std::nullopt;
}

std::string default_font_cache_dir() {
  if (const std::string xdg = env("XDG_CACHE_HOME"); !xdg.empty() && xdg.front() == '/') return xdg + "/broadsheet";
  if (const std::string home = env("HOME"); !home.empty()) return home + "/.cache/broadsheet";
  return {};
}

FontResolution resolve_fonts(const std::vector<FamilyRequest>& requests, const std::string& fonts_dir,
                             const std::string& cache_dir) {
  if (cache_dir.empty()) return ask_fontconfig(FontLocator(fonts_dir), requests);

  const std::string key = key_of(requests, fonts_dir);
  char name[40];
  std::snprintf(name, sizeof name, "fonts-%016llx.bin", static_cast<unsigned long long>(hash_of(key)));
  const fs::path path = fs::path(cache_dir) / name;
  if (auto bytes = read_small_file(path)) {
    if (auto cached = deserialise(*bytes, key)) return std::move(*cached);
  }

  const FontLocator locator(fonts_dir);
  // Stamped before asking, so a change made meanwhile makes the next run ask again.
  std::vector<Stamp> stamps;
  for (const auto& input : locator.inputs()) stamps.push_back(stamp_of(input));
  FontResolution res = ask_fontconfig(locator, requests);
  for (const auto& [request, face] : res.families) {
    if (face) stamps.push_back(stamp_of(face->path));
  }
  for (const auto& c : res.fallbacks) stamps.push_back(stamp_of(c.where.path));
  write_atomically(path, serialise(key, stamps, res));
  remove_stale(cache_dir, path);
  return res;
}

}  // namespace text
