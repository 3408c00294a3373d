#pragma once
// Problems found in the input, collected across stages and printed as
// `FILE:LINE:COLUMN: error: message` so editors can jump to them.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/source_span.h"

namespace core {

// Documents and layouts are a few kilobytes; anything this big is a mistake
// (or an attack) and would only make the parser slow.
inline constexpr std::size_t kMaxSourceBytes = 16u * 1024 * 1024;

enum class Severity { Warning, Error };

struct Diagnostic {
  Severity severity = Severity::Error;
  SourceSpan span;
  std::string message;
};

class Diagnostics {
 public:
  void error(const SourceSpan& span, std::string message);
  void warning(const SourceSpan& span, std::string message);
  void add(Diagnostic d);

  bool has_errors() const;
  std::size_t error_count() const;
  std::size_t warning_count() const;
  const std::vector<Diagnostic>& all() const { return items_; }
  bool empty() const { return items_.empty(); }

  // --strict: every warning becomes an error.
  void promote_warnings();
  // The same warning about the same file more than once (a character no
  // font has, used 45 times) becomes its first occurrence, saying how many
  // more there are. Errors stay each at its place.
  void fold_repeats();
  void append(const Diagnostics& other);

 private:
  std::vector<Diagnostic> items_;
};

// `file:line:col: error: message` (position parts omitted when unknown).
std::string format(const Diagnostic& d);
// The source line `line_text` and, under it, a caret at the 1-based
// code-point `column`, as compilers print them (tabs kept, wide characters
// counted twice, so the caret lines up on a terminal).
std::string excerpt(std::string_view line_text, int column);
// All diagnostics, one per line, in the order they were found.
std::string format_all(const Diagnostics& diags);
// What a person reads: each diagnostic followed by the source line it points
// at and a caret under the column (when the file can be read).
std::string format_with_source(const Diagnostics& diags);

}  // namespace core
