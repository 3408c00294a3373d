#pragma once
// `broadsheet preview [DIR] [--port 8080] [--host 127.0.0.1] [--editor URL]`.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace app {

struct PreviewArgs {
  std::string dir = ".";
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;
  std::string editor;  // --editor URL template, else $BROADSHEET_EDITOR
};

// Parses the arguments after the word "preview". Throws UsageError.
PreviewArgs parse_preview_args(const std::vector<std::string>& args);

// Serves until SIGINT or SIGTERM; returns the exit code (0 after a signal,
// 1 DIR is not a folder, 2 wrong usage, 3 the address cannot be bound,
// 4 the program's own data is missing).
int run_preview_command(const std::vector<std::string>& args);

}  // namespace app
