#pragma once
// Runs a shell command for the end-to-end tests and captures what it printed.
#include <sys/wait.h>

#include <cstdio>
#include <string>

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout (stderr too when asked)
};

inline CommandResult run_command(const std::string& cmd) {
  CommandResult r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[65536];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

inline std::string broadsheet() { return BROADSHEET_BINARY; }
inline std::string source_dir() { return BROADSHEET_SOURCE_DIR; }
