#pragma once
// Where a scalar's text sits in the source, and its line breaks joined the
// way Chinese text needs. yaml-cpp folds a line break inside a string into a
// space; between two Chinese characters that space is wrong (a line break
// inside Chinese text means nothing), but a space typed on one line (中共中央 国务院) is
// meaningful. Only the source can tell the two apart, so we line the value up
// against it.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace source {

// A byte range [begin, end) of a scalar's value.
struct ValueRange {
  std::size_t begin = 0, end = 0;
};

struct ScalarLayout {
  std::size_t content_start = 0;  // byte offset of the first content character
  // The value is a verbatim copy of the source bytes from content_start, all
  // on one line: then its i-th character sits i columns further right.
  bool one_line = false;
  // Whitespace of the value that stands for line breaks of the source.
  std::vector<ValueRange> line_breaks;
};

// Byte offset of a scalar's first content character: after its tag, anchor
// and opening quote, or on the first line of a block scalar.
std::size_t content_start(std::string_view text, std::size_t mark_pos);

// `mark_pos` is yaml-cpp's Mark::pos of the scalar node (at its tag, anchor,
// opening quote or block indicator), `value` the scalar yaml-cpp produced.
ScalarLayout locate_scalar(std::string_view text, std::size_t mark_pos, std::string_view value);

// `value` with each line break removed between two wide (Chinese)
// characters, a single space elsewhere, and nothing at either end.
std::string join_lines(std::string_view value, const std::vector<ValueRange>& line_breaks);

// False for a quoted scalar whose closing quote is missing: yaml-cpp 0.7
// silently ends such a string at the end of the file.
bool quote_is_closed(std::string_view text, std::size_t mark_pos);

}  // namespace source
