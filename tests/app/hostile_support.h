#pragma once
// Hostile inputs end quickly, with bounded memory: these run the release
// program (ASan reserves more address space than any limit allows) under a
// 2 GB address-space limit and a 5 s kill.
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "run_command.h"

namespace hostile {

inline constexpr int kKilled = 137;  // what the shell reports after timeout's SIGKILL

struct Outcome {
  int exit_code = -1;
  std::string out;  // stdout and stderr
  double seconds = 0;
};

inline std::string release_binary() { return BROADSHEET_RELEASE_BINARY; }

// `args` after the program, run in `dir`, at most 5 s and 2 GB.
inline Outcome run_bounded(const std::filesystem::path& dir, const std::string& args) {
  const auto start = std::chrono::steady_clock::now();
  const auto r = run_command("cd '" + dir.string() + "' && ulimit -v 2097152 && timeout -s KILL 5 " +
                             release_binary() + " " + args + " 2>&1");
  return {r.exit_code, r.out, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()};
}

// A fresh folder with a one-article document DOC.yaml whose text is `body`
// (after `articles:`), and the test photos in photos/.
inline std::filesystem::path folder(const std::string& name) {
  namespace fs = std::filesystem;
  const fs::path d = fs::temp_directory_path() / ("broadsheet-hostile-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d / "photos");
  for (const char* f : {"rgb.jpg", "alpha.png", "truncated.jpg", "truncated.png", "huge-header.jpg",
                        "huge-header.png", "rgb-exif6.jpg"})
    fs::copy_file(std::string(BROADSHEET_TEST_DATA) + "/images/" + f, d / "photos" / f);
  return d;
}

inline void write(const std::filesystem::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

inline std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A document with one photo.
inline std::string doc_with_photo(const std::string& src) {
  return "articles:\n  - union: 某县总工会\n    headline: 标题\n    lead: [正文。]\n    photos:\n      - src: " + src +
         "\n        caption: 图片说明。\n";
}

}  // namespace hostile
