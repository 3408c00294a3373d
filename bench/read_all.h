#pragma once
// A file's bytes, for the standalone preview bench clients (preview-edit,
// preview-load), which link no project library.
#include <fstream>
#include <sstream>
#include <string>

inline std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}
