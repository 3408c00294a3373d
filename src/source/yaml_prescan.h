#pragma once
// One pass over yaml-cpp's event stream that checks the text and builds its
// node tree.
#include <yaml-cpp/yaml.h>

#include <optional>
#include <string_view>

#include "core/diagnostics.h"
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
// (explained, at the line of the mistake). `text` is what is parsed:
// `file.text` or a copy with the same byte offsets. The document's tree
// (a null node for an empty one) when it is safe to walk; nullopt after
// any of these problems, each reported.
std::optional<YAML::Node> parse_yaml(const SourceFile& file, std::string_view text, core::Diagnostics& diags);

// `file:line:col` of a yaml-cpp mark (0-based, byte columns) as our 1-based
// code-point span; the whole file when the mark is null.
core::SourceSpan span_of_mark(const SourceFile& file, int mark_pos);

}  // namespace source
