#pragma once
#include <string>

namespace app {

// Writes `bytes` to `path` through a temporary file in the same folder and a
// rename, so an interrupted or failed run never leaves a truncated file.
// Returns "" on success, else a message.
std::string write_file_atomically(const std::string& path, const std::string& bytes);

}  // namespace app
