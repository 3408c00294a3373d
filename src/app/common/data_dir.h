#pragma once
#include <string>

namespace app {

// The folder holding layouts/ and fonts/: found from the executable's own
// location (build/, build/asan/ or an installed bin/), never from the
// current directory, so broadsheet works wherever it is run.
// BROADSHEET_DATA_DIR in the environment overrides it. "" if not found.
std::string find_data_dir();

}  // namespace app
