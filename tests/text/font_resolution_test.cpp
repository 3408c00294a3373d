// The cache of what fontconfig answers for the manifest: reused while
// nothing changed, asked again after a change, and never trusted when the
// file is damaged, foreign or half-written.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "text/font_book.h"
#include "text/font_resolution.h"

namespace {

namespace fs = std::filesystem;

const std::string kFontsDir = BROADSHEET_SOURCE_DIR "/fonts";

std::vector<text::FamilyRequest> requests() {
  return {{"Noto Serif CJK SC", false}, {"Noto Serif CJK SC", true}, {"Noto Sans CJK SC", true},
          {"LXGW WenKai", false},       {"HanaMinB", false},         {"No Such Family", false}};
}

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("broadsheet-font-cache-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

fs::path only_cache_file(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path());
  REQUIRE(files.size() == 1);
  return files.front();
}

void expect_same(const text::FontResolution& a, const text::FontResolution& b) {
  REQUIRE(a.families.size() == b.families.size());
  for (std::size_t i = 0; i < a.families.size(); ++i) {
    CHECK(a.families[i].first == b.families[i].first);
    REQUIRE(a.families[i].second.has_value() == b.families[i].second.has_value());
    if (!a.families[i].second) continue;
    CHECK(a.families[i].second->path == b.families[i].second->path);
    CHECK(a.families[i].second->index == b.families[i].second->index);
    CHECK(a.families[i].second->style == b.families[i].second->style);
  }
  REQUIRE(a.fallbacks.size() == b.fallbacks.size());
  for (std::size_t i = 0; i < a.fallbacks.size(); ++i) {
    CHECK(a.fallbacks[i].where.path == b.fallbacks[i].where.path);
    CHECK(a.fallbacks[i].where.family == b.fallbacks[i].where.family);
    CHECK(a.fallbacks[i].coverage.ranges == b.fallbacks[i].coverage.ranges);
  }
}

}  // namespace

TEST_CASE("the second resolution comes from the cache and equals fontconfig's") {
  const fs::path dir = fresh_dir("hit");
  const auto direct = text::resolve_fonts(requests(), kFontsDir, "");
  CHECK_FALSE(direct.from_cache);
  REQUIRE(direct.face({"Noto Serif CJK SC", false}));
  CHECK_FALSE(direct.face({"No Such Family", false}));
  CHECK_FALSE(direct.fallbacks.empty());

  const auto first = text::resolve_fonts(requests(), kFontsDir, dir.string());
  CHECK_FALSE(first.from_cache);
  const auto second = text::resolve_fonts(requests(), kFontsDir, dir.string());
  CHECK(second.from_cache);
  expect_same(direct, first);
  expect_same(direct, second);

  // Other requests are another manifest: a file of their own.
  auto fewer = requests();
  fewer.pop_back();
  CHECK_FALSE(text::resolve_fonts(fewer, kFontsDir, dir.string()).from_cache);
  CHECK(text::resolve_fonts(fewer, kFontsDir, dir.string()).from_cache);
  fs::remove_all(dir);
}

TEST_CASE("a damaged, truncated or foreign cache file is asked again and rewritten") {
  const fs::path dir = fresh_dir("damaged");
  const auto good = text::resolve_fonts(requests(), kFontsDir, dir.string());
  const fs::path file = only_cache_file(dir);
  std::string bytes;
  {
    std::ifstream in(file, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  REQUIRE(bytes.size() > 100);
  std::string flipped = bytes;
  flipped[bytes.size() / 2] = static_cast<char>(flipped[bytes.size() / 2] ^ 0x40);
  const std::string variants[] = {flipped, bytes.substr(0, bytes.size() / 3), bytes.substr(0, 10), "",
                                  std::string(bytes.size(), '\xff'), bytes + "more"};
  for (const std::string& damaged : variants) {
    CAPTURE(damaged.size());
    std::ofstream(file, std::ios::binary | std::ios::trunc) << damaged;
    const auto again = text::resolve_fonts(requests(), kFontsDir, dir.string());
    CHECK_FALSE(again.from_cache);
    expect_same(good, again);
    CHECK(text::resolve_fonts(requests(), kFontsDir, dir.string()).from_cache);
  }
  fs::remove_all(dir);
}

TEST_CASE("a change in a fonts folder makes fontconfig be asked again") {
  const fs::path dir = fresh_dir("stale");
  const fs::path fonts = dir / "fonts";
  fs::create_directories(fonts);
  const fs::path cache = dir / "cache";
  CHECK_FALSE(text::resolve_fonts(requests(), fonts.string(), cache.string()).from_cache);
  CHECK(text::resolve_fonts(requests(), fonts.string(), cache.string()).from_cache);
  // A font file copied in (here any file): the folder changes.
  std::ofstream(fonts / "new.ttf") << "not really a font";
  CHECK_FALSE(text::resolve_fonts(requests(), fonts.string(), cache.string()).from_cache);
  CHECK(text::resolve_fonts(requests(), fonts.string(), cache.string()).from_cache);
  fs::remove_all(dir);
}

TEST_CASE("processes racing on one cache all get the same answer") {
  const fs::path dir = fresh_dir("race");
  const auto expected = text::resolve_fonts(requests(), kFontsDir, "");
  std::vector<text::FontResolution> results(4);
  std::vector<std::thread> threads;
  for (auto& r : results) {
    threads.emplace_back([&r, &dir] {
      for (int i = 0; i < 3; ++i) r = text::resolve_fonts(requests(), kFontsDir, dir.string());
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& r : results) expect_same(expected, r);
  CHECK(text::resolve_fonts(requests(), kFontsDir, dir.string()).from_cache);
  only_cache_file(dir);  // no temporary file left behind
  fs::remove_all(dir);
}

TEST_CASE("a FontBook from the cache is the FontBook fontconfig makes") {
  const fs::path dir = fresh_dir("book");
  core::Diagnostics diags;
  const auto manifest = text::load_font_manifest(kFontsDir + "/manifest.yaml", diags);
  const text::FontBook direct(manifest, kFontsDir, "");
  const text::FontBook first(manifest, kFontsDir, dir.string());
  const text::FontBook cached(manifest, kFontsDir, dir.string());
  CHECK_FALSE(direct.resolved_from_cache());
  CHECK_FALSE(first.resolved_from_cache());
  CHECK(cached.resolved_from_cache());
  REQUIRE(direct.faces().size() == cached.faces().size());
  for (std::size_t i = 0; i < direct.faces().size(); ++i) {
    CHECK(direct.faces()[i].path == cached.faces()[i].path);
    CHECK(direct.faces()[i].index == cached.faces()[i].index);
  }
  CHECK(direct.system_fallbacks() == cached.system_fallbacks());
  CHECK(direct.unresolved_families() == cached.unresolved_families());
  for (const char32_t c : {U'中', U'A', U'，', U'𬭎', U'☎', U'✉', U'⚛', U'\U000F0000'}) {
    for (const auto role : {core::FontRole::Song, core::FontRole::HeiBold, core::FontRole::Kai}) {
      CAPTURE(static_cast<int>(c));
      CHECK(direct.face_for(role, c) == cached.face_for(role, c));
    }
  }
  fs::remove_all(dir);
}
