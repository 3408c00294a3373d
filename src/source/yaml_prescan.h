#pragma once
// One pass over yaml-cpp's event stream before any node tree is built.
#include <string_view>

#include "source/diagnostics.h"
#include "source/source_file.h"

namespace source {

// A document expands to at most this many values, aliases counted as often
// as they are used: far above any real document, far below what would make
// reading it slow.
inline constexpr long kMaxExpandedValues = 100'000;

// Reports what the node tree would hide or make dangerous: an alias whose
// expansion exceeds kMaxExpandedValues (an alias bomb, "billion laughs",
// expands to gigabytes when walked; the event stream stays as small as the
// file), an alias inside the value it names, a quoted string without its
// closing quote, content after the first document, and YAML syntax errors
// (explained, at the line of the mistake). `text` is what will be parsed:
// `file.text` or a copy with the same byte offsets. True when the text can
// safely be loaded as one document.
bool prescan_yaml(const SourceFile& file, std::string_view text, Diagnostics& diags);

// `file:line:col` of a yaml-cpp mark (0-based, byte columns) as our 1-based
// code-point span; the whole file when the mark is null.
SourceSpan span_of_mark(const SourceFile& file, int mark_pos);

}  // namespace source
