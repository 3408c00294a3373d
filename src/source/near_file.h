#pragma once
// "did you mean 'photos/gaoming-lecture.jpg'?" for a file that is not there.
#include <string>

namespace source {

// `written` is the path as the user wrote it, `resolved` the same path made
// absolute or relative to the document. Returns a path spelled like `written`
// naming an existing file in the same folder whose name is close (a typo, a
// different case, .jpeg for .jpg, or a longer name that starts the same), or
// "" when there is none.
std::string near_file_name(const std::string& written, const std::string& resolved);

}  // namespace source
