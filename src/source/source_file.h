#pragma once
// A YAML file's text, checked to be something worth handing to a parser, and
// the table that turns byte offsets into the 1-based LINE:COLUMN of messages.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/source_span.h"

namespace source {

struct SourceFile {
  std::string path;
  core::FileName name;  // `path` interned, for the spans of its values
  std::string text;  // UTF-8, without a byte-order mark
  std::vector<std::size_t> line_starts;  // byte offset of each line's first byte
  // Code points before every kCheckpointBytes-th byte, so that a column on a
  // long line costs a short count, not a scan from the line's start.
  std::vector<std::size_t> code_point_checkpoints;
  static constexpr std::size_t kCheckpointBytes = 256;

  // 1-based line; the column counts code points (what an editor shows), so
  // that `SourceSpan::shifted(i)` lands on the i-th character of a scalar.
  core::SourceSpan span_at(std::size_t byte_offset) const;
  // Code points in text[0, byte_offset).
  std::size_t code_points_before(std::size_t byte_offset) const;
};

// Reads `path` and checks it is non-empty UTF-8 text of at most
// kMaxSourceBytes. Problems go to `diags`; nullopt when the file is unusable.
std::optional<SourceFile> read_source(const std::string& path, core::Diagnostics& diags);

// The same checks for text already in memory (`path` names it in messages).
std::optional<SourceFile> source_from_text(std::string text, const std::string& path,
                                           core::Diagnostics& diags);

}  // namespace source
