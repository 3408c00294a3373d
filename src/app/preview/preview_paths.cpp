#include "app/preview/preview_paths.h"

namespace app::preview {
namespace fs = std::filesystem;

namespace {
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}
}  // namespace

std::optional<std::string> percent_decode(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '%') {
      if (i + 2 >= s.size()) return std::nullopt;
      const int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      c = static_cast<char>(hi * 16 + lo);
      i += 2;
    }
    if (c == '\0') return std::nullopt;
    out += c;
  }
  return out;
}

std::string percent_encode_path(const std::string& relpath) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : relpath) {
    if (unreserved(c) || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::optional<std::vector<std::string>> split_request_path(const std::string& target) {
  const std::string path = target.substr(0, target.find_first_of("?#"));
  // Origin form only: "http://host/..." and "*" are not what a browser sends here.
  if (path.empty() || path[0] != '/') return std::nullopt;
  std::vector<std::string> segments;
  if (path == "/") return segments;
  std::size_t start = 1;
  while (true) {
    const std::size_t slash = path.find('/', start);
    const std::string raw = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    // A trailing slash ("/doc/") leaves one empty last piece: tolerated.
    if (raw.empty() && slash == std::string::npos && !segments.empty()) break;
    auto seg = percent_decode(raw);
    if (!seg || seg->empty() || *seg == "." || *seg == ".." ||
        seg->find_first_of(std::string("/\\\0", 3)) != std::string::npos) {
      return std::nullopt;
    }
    segments.push_back(std::move(*seg));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return segments;
}

std::string query_of(const std::string& target) {
  const std::string no_fragment = target.substr(0, target.find('#'));
  const std::size_t q = no_fragment.find('?');
  return q == std::string::npos ? std::string() : no_fragment.substr(q + 1);
}

bool query_flag(const std::string& query, const std::string& name) {
  std::size_t start = 0;
  while (start <= query.size()) {
    const std::size_t amp = query.find('&', start);
    const std::string pair = query.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
    if (pair == name + "=1" || pair == name + "=true" || pair == name + "=on") return true;
    if (amp == std::string::npos) break;
    start = amp + 1;
  }
  return false;
}

std::optional<std::string> query_value(const std::string& query, const std::string& name) {
  const std::string prefix = name + "=";
  std::size_t start = 0;
  while (start <= query.size()) {
    const std::size_t amp = query.find('&', start);
    std::string pair = query.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
    if (pair.rfind(prefix, 0) == 0) {
      std::string value = pair.substr(prefix.size());
      for (char& c : value)
        if (c == '+') c = ' ';
      return percent_decode(value);
    }
    if (amp == std::string::npos) break;
    start = amp + 1;
  }
  return std::nullopt;
}

bool is_inside(const fs::path& root, const fs::path& path) {
  auto r = root.begin(), p = path.begin();
  for (; r != root.end(); ++r, ++p) {
    if (r->empty()) continue;  // a trailing separator on root
    if (p == path.end() || *r != *p) return false;
  }
  return true;
}

std::optional<fs::path> resolve_under(const fs::path& root, const std::vector<std::string>& segments) {
  if (segments.empty()) return std::nullopt;
  fs::path p = root;
  for (const auto& s : segments) {
    if (s.empty() || s == "." || s == ".." || s.find_first_of(std::string("/\\\0", 3)) != std::string::npos) {
      return std::nullopt;
    }
    p /= s;
  }
  std::error_code ec;
  // canonical() follows every symlink, so a link that points out of the
  // folder ends up outside `root` and is refused below.
  const fs::path real = fs::canonical(p, ec);
  if (ec || !is_inside(root, real)) return std::nullopt;
  if (!fs::is_regular_file(real, ec) || ec) return std::nullopt;
  return real;
}

}  // namespace app::preview
