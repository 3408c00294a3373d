#pragma once
// Files for the end-to-end tests: a fresh folder per test and whole-file reads.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

// An empty folder broadsheet-SUITE-NAME-PID under the system's temporary folder.
inline std::filesystem::path fresh_dir(const std::string& suite, const std::string& name) {
  namespace fs = std::filesystem;
  fs::path d = fs::temp_directory_path() / ("broadsheet-" + suite + "-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

// The file's bytes, or "" when it cannot be read.
inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}
