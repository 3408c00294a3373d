#include "text/font_locator.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <stdexcept>
#include <tuple>

namespace text {
namespace {

std::string pattern_string(FcPattern* p, const char* object) {
  FcChar8* s = nullptr;
  if (FcPatternGetString(p, object, 0, &s) != FcResultMatch || !s) return {};
  return reinterpret_cast<const char*>(s);
}

int pattern_int(FcPattern* p, const char* object, int fallback) {
  int v = 0;
  return FcPatternGetInteger(p, object, 0, &v) == FcResultMatch ? v : fallback;
}

bool under(const std::string& path, const std::string& dir) {
  if (dir.empty()) return false;
  const std::string prefix = dir.back() == '/' ? dir : dir + '/';
  return path.compare(0, prefix.size(), prefix) == 0;
}

// fontconfig's coverage as ranges: it hands it out as bitmaps of 256
// characters, one page at a time.
Coverage coverage_of(const FcCharSet* charset) {
  Coverage out;
  FcChar32 map[FC_CHARSET_MAP_SIZE];
  FcChar32 next = 0;
  for (FcChar32 page = FcCharSetFirstPage(charset, map, &next); page != FC_CHARSET_DONE;
       page = FcCharSetNextPage(charset, map, &next)) {
    for (int word = 0; word < FC_CHARSET_MAP_SIZE; ++word) {
      for (int bit = 0; map[word] && bit < 32; ++bit) {
        if (!(map[word] >> bit & 1u)) continue;
        const auto c = static_cast<char32_t>(page + static_cast<FcChar32>(word * 32 + bit));
        if (!out.ranges.empty() && out.ranges.back().second + 1 == c) {
          out.ranges.back().second = c;
        } else {
          out.ranges.emplace_back(c, c);
        }
      }
    }
  }
  return out;
}

void add_all(FcStrList* list, std::set<std::string>& out) {
  if (!list) return;
  while (FcChar8* s = FcStrListNext(list)) out.insert(reinterpret_cast<const char*>(s));
  FcStrListDone(list);
}

}  // namespace

bool Coverage::has(char32_t c) const {
  const auto it = std::upper_bound(ranges.begin(), ranges.end(), c,
                                   [](char32_t v, const std::pair<char32_t, char32_t>& r) { return v < r.first; });
  return it != ranges.begin() && c <= std::prev(it)->second;
}

FontLocator::FontLocator(const std::string& fonts_dir) : config_(FcInitLoadConfigAndFonts()) {
  if (!config_) throw std::runtime_error("fontconfig could not be initialised");
  std::error_code ec;
  if (!fonts_dir.empty() && std::filesystem::is_directory(fonts_dir, ec)) {
    fonts_dir_ = std::filesystem::canonical(fonts_dir, ec).string();
    if (ec) fonts_dir_ = fonts_dir;
    FcConfigAppFontAddDir(config_.get(), reinterpret_cast<const FcChar8*>(fonts_dir_.c_str()));
  }
}

std::optional<FaceLocation> FontLocator::find_family(const std::string& family, bool bold) const {
  const int wanted = bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR;
  FcPatternPtr pattern(FcPatternCreate());
  FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
  FcObjectSetPtr objects(FcObjectSetBuild(FC_FILE, FC_INDEX, FC_WEIGHT, FC_SLANT, FC_WIDTH,
                                          FC_OUTLINE, FC_STYLE, nullptr));
  FcFontSetPtr list(FcFontList(config_.get(), pattern.get(), objects.get()));
  if (!list) return std::nullopt;

  // Among a family's faces prefer: our own fonts/ folder, outlines, the
  // weight asked for, upright, normal width; then path and index so the choice never
  // depends on the order fontconfig happens to list them in.
  using Key = std::tuple<int, int, int, int, int, std::string, int>;
  std::optional<Key> best;
  std::optional<FaceLocation> found;
  for (int i = 0; i < list->nfont; ++i) {
    FcPattern* p = list->fonts[i];
    const std::string path = pattern_string(p, FC_FILE);
    if (path.empty()) continue;
    FcBool outline = FcTrue;
    FcPatternGetBool(p, FC_OUTLINE, 0, &outline);
    const int index = pattern_int(p, FC_INDEX, 0);
    Key key{under(path, fonts_dir_) ? 0 : 1,
            outline ? 0 : 1,
            std::abs(pattern_int(p, FC_WEIGHT, FC_WEIGHT_REGULAR) - wanted),
            pattern_int(p, FC_SLANT, FC_SLANT_ROMAN) == FC_SLANT_ROMAN ? 0 : 1,
            std::abs(pattern_int(p, FC_WIDTH, FC_WIDTH_NORMAL) - FC_WIDTH_NORMAL),
            path,
            index};
    if (!best || key < *best) {
      best = key;
      found = FaceLocation{path, index, family, pattern_string(p, FC_STYLE)};
    }
  }
  return found;
}

std::vector<FallbackCandidate> FontLocator::fallback_candidates() const {
  std::vector<FallbackCandidate> out;
  FcPatternPtr pattern(FcPatternCreate());
  FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>("sans-serif"));
  FcPatternAddString(pattern.get(), FC_LANG, reinterpret_cast<const FcChar8*>("zh-cn"));
  FcConfigSubstitute(config_.get(), pattern.get(), FcMatchPattern);
  FcDefaultSubstitute(pattern.get());
  FcResult result = FcResultNoMatch;
  // trim: keep only fonts that add characters the ones before them lack,
  // which is exactly fontconfig's own fallback chain.
  FcFontSetPtr sorted(FcFontSort(config_.get(), pattern.get(), FcTrue, nullptr, &result));
  if (!sorted) return out;
  for (int i = 0; i < sorted->nfont; ++i) {
    FcPattern* p = sorted->fonts[i];
    const std::string format = pattern_string(p, FC_FONTFORMAT);
    if (format != "TrueType" && format != "CFF") continue;
    FcBool outline = FcFalse;
    if (FcPatternGetBool(p, FC_OUTLINE, 0, &outline) != FcResultMatch || !outline) continue;
    // A fallback symbol in bold or italic would stand out in running text.
    const int weight = pattern_int(p, FC_WEIGHT, FC_WEIGHT_REGULAR);
    if (weight < FC_WEIGHT_BOOK || weight > FC_WEIGHT_MEDIUM) continue;
    if (pattern_int(p, FC_SLANT, FC_SLANT_ROMAN) != FC_SLANT_ROMAN) continue;
    FcCharSet* cs = nullptr;
    if (FcPatternGetCharSet(p, FC_CHARSET, 0, &cs) != FcResultMatch || !cs) continue;
    const std::string path = pattern_string(p, FC_FILE);
    if (path.empty()) continue;
    FallbackCandidate c;
    c.where = FaceLocation{path, pattern_int(p, FC_INDEX, 0), pattern_string(p, FC_FAMILY), pattern_string(p, FC_STYLE)};
    c.coverage = coverage_of(cs);
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<std::string> FontLocator::inputs() const {
  std::set<std::string> paths;
  std::set<std::string> files;
  add_all(FcConfigGetConfigFiles(config_.get()), files);
  for (const auto& f : files) paths.insert(std::filesystem::path(f).parent_path().string());
  paths.insert(files.begin(), files.end());
  add_all(FcConfigGetConfigDirs(config_.get()), paths);
  add_all(FcConfigGetFontDirs(config_.get()), paths);
  if (!fonts_dir_.empty()) paths.insert(fonts_dir_);
  // Where fontconfig's usual configuration looks for a user's own files.
  auto env = [](const char* name) -> std::string {
    const char* v = std::getenv(name);
    return v && *v ? v : "";
  };
  const std::string home = env("HOME");
  const std::string config_home = !env("XDG_CONFIG_HOME").empty() ? env("XDG_CONFIG_HOME")
                                  : home.empty()                   ? ""
                                                                   : home + "/.config";
  const std::string data_home = !env("XDG_DATA_HOME").empty() ? env("XDG_DATA_HOME")
                                : home.empty()                 ? ""
                                                               : home + "/.local/share";
  if (!config_home.empty()) {
    paths.insert(config_home + "/fontconfig");
    paths.insert(config_home + "/fontconfig/fonts.conf");
    paths.insert(config_home + "/fontconfig/conf.d");
  }
  if (!data_home.empty()) paths.insert(data_home + "/fonts");
  if (!home.empty()) {
    paths.insert(home + "/.fonts");
    paths.insert(home + "/.fonts.conf");
    paths.insert(home + "/.fonts.conf.d");
  }
  return {paths.begin(), paths.end()};
}

}  // namespace text
