#pragma once
// The one check before broadsheet writes a file: never over one of the
// run's inputs (`-o anji.yaml`, `-o photos/a.jpg`), and never over anything
// that is not a regular file (a device such as /dev/null, a FIFO, a folder,
// a symbolic link), which the atomic rename would replace.
#include <string>
#include <vector>

namespace app {

// "" when `output` may be written; otherwise why not, as a sentence to
// print after "cannot write OUTPUT: ". `inputs` are the files the output is
// made from; they are compared as files (same device and inode), so another
// spelling of the same path is caught too.
std::string output_clash(const std::string& output, const std::vector<std::string>& inputs);

}  // namespace app
