#pragma once
// One pass over yaml-cpp's event stream before any node tree is built.
#include "source/diagnostics.h"
#include "source/source_file.h"

namespace source {

// Reports what the node tree would hide or make dangerous: every alias
// (an alias bomb, "billion laughs", expands to gigabytes when walked; the
// event stream stays as small as the file), a quoted string without its
// closing quote, content after the first document, and YAML syntax errors.
// True when the text can safely be loaded as one document.
bool prescan_yaml(const SourceFile& file, Diagnostics& diags);

// `file:line:col` of a yaml-cpp mark (0-based, byte columns) as our 1-based
// code-point span; the whole file when the mark is null.
SourceSpan span_of_mark(const SourceFile& file, int mark_pos);

}  // namespace source
