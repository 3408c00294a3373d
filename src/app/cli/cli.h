#pragma once
// The command line of SPEC §2: render, batch, preview, check, fonts.
#include <string>
#include <vector>

namespace app {

enum ExitCode { kOk = 0, kInputError = 1, kUsage = 2, kOutputError = 3, kInternal = 4 };

// Runs one command line (args without the program name) and returns the exit code.
int run(const std::vector<std::string>& args);

}  // namespace app
