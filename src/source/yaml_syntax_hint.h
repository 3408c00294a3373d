#pragma once
// yaml-cpp names a syntax error in its own terms ("end of map not found") at
// the place it gave up, often the line after the mistake. This turns the
// common cases into what the user did and where: a line indented to no
// level above it, a key without its colon, a value with ': ' in it, a tab.
#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "source/source_file.h"

namespace source {

// `text` is what was parsed (the same byte offsets as `file.text`),
// `mark_pos` and `yaml_message` what yaml-cpp reported.
core::Diagnostic explain_yaml_error(const SourceFile& file, std::string_view text, int mark_pos,
                              const std::string& yaml_message);

}  // namespace source
