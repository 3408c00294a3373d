#include "app/common/output_check.h"

#include <sys/stat.h>

#include "source/input_file.h"

namespace app {

std::string output_clash(const std::string& output, const std::vector<std::string>& inputs) {
  struct stat out {};
  if (::lstat(output.c_str(), &out) != 0) return "";  // a new file
  if (S_ISLNK(out.st_mode)) {
    return "it is a symbolic link, which writing would replace; name the file itself (-o - writes to "
           "standard output)";
  }
  if (!S_ISREG(out.st_mode)) {
    return "it is " + std::string(source::file_kind(out.st_mode)) +
           ", not a regular file (-o - writes to standard output)";
  }
  for (const auto& input : inputs) {
    struct stat in {};
    if (::stat(input.c_str(), &in) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino) {
      return "it is one of the inputs (" + input + "); choose another output name";
    }
  }
  return "";
}

}  // namespace app
