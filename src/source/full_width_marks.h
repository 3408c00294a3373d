#pragma once
// Keys and list marks typed with a Chinese input method look right on screen
// and mean something else to YAML: `byline：` (full-width colon) is not a
// key, U+3000 spaces are not indentation, `－` is not a list mark. Their
// content would be lost or misread, so each is an error naming the character
// and what to type instead.
#include <string>

#include <optional>
#include <string>

#include "core/diagnostics.h"
#include "source/source_file.h"

namespace source {

// Reports every such mark in `file` and returns its text with each one
// replaced by ASCII of the same byte length (`：` → ":  ", U+3000 → "   ",
// `－` → "-  "), so that the rest of the file can still be checked and every
// byte offset still points at the same character of the original; nullopt
// when there is none (the text is then file.text as it is, not copied).
std::optional<std::string> replace_full_width_marks(const SourceFile& file, core::Diagnostics& diags);

}  // namespace source
