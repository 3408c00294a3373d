#pragma once
// The command line: render, check, fonts, new, layouts here; batch and
// preview through the extras module.
#include <string>
#include <vector>

#include "app/common/exit_code.h"

namespace app {

// Runs one command line (args without the program name) and returns the exit code.
int run(const std::vector<std::string>& args);

}  // namespace app
