#include "source/near_file.h"

#include <cctype>
#include <filesystem>
#include <string_view>
#include <vector>

#include "source/did_you_mean.h"

namespace source {
namespace {

// A folder of photos has dozens of files; a huge one is not worth reading
// for a suggestion.
constexpr std::size_t kMaxEntries = 2000;

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::string near_file_name(const std::string& written, const std::string& resolved) {
  namespace fs = std::filesystem;
  const fs::path wanted(resolved);
  std::error_code ec;
  fs::directory_iterator it(wanted.parent_path().empty() ? fs::path(".") : wanted.parent_path(), ec);
  if (ec) return "";
  std::vector<std::string> names;
  for (; it != fs::directory_iterator() && names.size() < kMaxEntries; it.increment(ec)) {
    if (ec) break;
    if (it->is_regular_file(ec)) names.push_back(it->path().filename().string());
  }
  const std::string name = wanted.filename().string();
  const std::string stem = lower(wanted.stem().string());
  std::string found;
  std::vector<std::string_view> views(names.begin(), names.end());
  if (const std::string_view close = closest_match(name, views); !close.empty()) {
    found = close;
  } else {
    // Same name with another extension, or a longer name that starts the same.
    int matches = 0;
    for (const std::string& n : names) {
      const std::string l = lower(n);
      if (!stem.empty() && l.starts_with(stem)) {
        found = n;
        ++matches;
      }
    }
    if (matches != 1) return "";
  }
  const fs::path written_path(written);
  return (written_path.parent_path() / found).string();
}

}  // namespace source
