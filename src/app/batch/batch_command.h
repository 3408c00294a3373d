#pragma once
// `broadsheet batch PATH... -o OUTDIR [-j N] [--shard I/N] [--report FILE] [--strict] [--force]`
// (user guide in docs/batch.md).
#include <string>
#include <vector>

namespace app {

// Runs the batch command; `args` are the words after "batch". Returns the
// exit code: 0 all documents ready, 1 some input was wrong, 2 wrong usage,
// 3 an output could not be written, 4 internal error; 128+N when stopped by
// signal N (SIGINT 130, SIGTERM 143), as shells expect.
int run_batch_command(const std::vector<std::string>& args);

}  // namespace app
