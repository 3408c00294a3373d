#pragma once
// Where a value came from, so every message can point back at the YAML.
#include "core/file_name.h"

namespace core {

// 1-based line and column; line 0 means "no position" (e.g. a whole-file error).
// Twelve bytes: every glyph carries one.
struct SourceSpan {
  FileName file;
  int line = 0;
  int column = 0;

  bool known() const { return line > 0; }
  // The same span moved `columns` characters to the right (for a character
  // inside a one-line scalar).
  SourceSpan shifted(int columns) const {
    SourceSpan s = *this;
    if (s.known()) s.column += columns;
    return s;
  }
};

}  // namespace core
