#pragma once
// The exit codes every command returns: 0 success; 1 the input is wrong;
// 2 wrong usage; 3 an output could not be written; 4 internal error.

namespace app {

enum ExitCode { kOk = 0, kInputError = 1, kUsage = 2, kOutputError = 3, kInternal = 4 };

}  // namespace app
