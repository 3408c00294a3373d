#include "source/scalar_text.h"

#include <algorithm>
#include <charconv>
#include <optional>

#include "core/char_class.h"
#include "core/utf8.h"

namespace source {
namespace {

enum class Style { Plain, SingleQuoted, DoubleQuoted, Block };

bool is_space(char c) { return c == ' ' || c == '\t'; }
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Skips a node's properties (`!tag`, `&anchor`) to where its value starts.
std::size_t skip_properties(std::string_view s, std::size_t p) {
  while (p < s.size() && (s[p] == '!' || s[p] == '&')) {
    while (p < s.size() && !is_blank(s[p])) ++p;
    while (p < s.size() && is_blank(s[p])) ++p;
  }
  return p;
}

Style style_at(std::string_view s, std::size_t p) {
  if (p >= s.size()) return Style::Plain;
  switch (s[p]) {
    case '\'': return Style::SingleQuoted;
    case '"': return Style::DoubleQuoted;
    case '|':
    case '>': return Style::Block;
    default: return Style::Plain;
  }
}

// A block scalar's content starts on the first non-blank line after its
// indicator line; an empty block has none (we keep the indicator).
std::size_t block_content_start(std::string_view s, std::size_t indicator) {
  std::size_t p = s.find('\n', indicator);
  while (p != std::string_view::npos) {
    ++p;
    while (p < s.size() && is_space(s[p])) ++p;
    if (p < s.size() && s[p] != '\n' && s[p] != '\r') return p;
    p = s.find('\n', p);
  }
  return indicator;
}

struct EscapeLength {
  std::size_t source = 0, value = 0;
};

// How many bytes a double-quoted escape takes in the source and in the value.
std::optional<EscapeLength> escape_length(std::string_view s, std::size_t backslash) {
  if (backslash + 1 >= s.size()) return std::nullopt;
  const char e = s[backslash + 1];
  std::size_t hex_digits = 0;
  switch (e) {
    case 'x': hex_digits = 2; break;
    case 'u': hex_digits = 4; break;
    case 'U': hex_digits = 8; break;
    case 'N':
    case '_': return EscapeLength{2, 2};  // U+0085, U+00A0
    case 'L':
    case 'P': return EscapeLength{2, 3};  // U+2028, U+2029
    case '0': case 'a': case 'b': case 't': case '\t': case 'n': case 'v':
    case 'f': case 'r': case 'e': case ' ': case '"': case '/': case '\\':
      return EscapeLength{2, 1};
    default: return std::nullopt;
  }
  const std::size_t first = backslash + 2;
  if (first + hex_digits > s.size()) return std::nullopt;
  unsigned long cp = 0;
  const auto [end, ec] = std::from_chars(s.data() + first, s.data() + first + hex_digits, cp, 16);
  if (ec != std::errc() || end != s.data() + first + hex_digits || cp > 0x10FFFF) return std::nullopt;
  std::string utf8;
  core::append_utf8(utf8, static_cast<char32_t>(cp));
  return EscapeLength{2 + hex_digits, utf8.size()};
}

// Walks value and source side by side and records which whitespace of the
// value came from source line breaks. Returns false when the two cannot be
// lined up (an unusual escape); the caller then keeps yaml-cpp's spaces.
bool align(std::string_view s, std::size_t j, Style style, std::string_view v,
           std::vector<ValueRange>& breaks) {
  std::size_t i = 0;
  while (i < v.size()) {
    if (j >= s.size()) return false;
    const char c = s[j];
    if (style == Style::DoubleQuoted && c == '\\') {
      if (j + 1 < s.size() && (s[j + 1] == '\n' || s[j + 1] == '\r')) {
        // An escaped line break joins the lines with nothing in between.
        j += 1;
        while (j < s.size() && is_blank(s[j])) ++j;
        continue;
      }
      const auto len = escape_length(s, j);
      if (!len) return false;
      j += len->source;
      i += len->value;
      continue;
    }
    if (style == Style::SingleQuoted && c == '\'' && j + 1 < s.size() && s[j + 1] == '\'') {
      j += 2;
      i += 1;
      continue;
    }
    if (is_blank(c)) {
      std::size_t k = j;
      bool crosses_line = false;
      while (k < s.size() && is_blank(s[k])) crosses_line |= s[k++] == '\n';
      if (crosses_line) {
        std::size_t e = i;
        while (e < v.size() && (is_space(v[e]) || v[e] == '\n')) ++e;
        if (e == i) return false;
        breaks.push_back({i, e});
        i = e;
        j = k;
        continue;
      }
    }
    if (v[i] != c) return false;
    ++i;
    ++j;
  }
  return true;
}

// Runs of whitespace holding a '\n' (literal blocks, "\n" escapes): these
// are line breaks too, whatever the alignment found.
void add_newline_runs(std::string_view v, std::vector<ValueRange>& breaks) {
  std::size_t i = 0;
  while (i < v.size()) {
    if (v[i] != '\n') {
      ++i;
      continue;
    }
    std::size_t b = i, e = i;
    while (b > 0 && is_space(v[b - 1])) --b;
    while (e < v.size() && (is_space(v[e]) || v[e] == '\n')) ++e;
    breaks.push_back({b, e});
    i = e;
  }
}

std::vector<ValueRange> merged(std::vector<ValueRange> ranges) {
  std::sort(ranges.begin(), ranges.end(),
            [](const ValueRange& a, const ValueRange& b) { return a.begin < b.begin; });
  std::vector<ValueRange> out;
  for (const ValueRange& r : ranges) {
    if (!out.empty() && r.begin <= out.back().end) {
      out.back().end = std::max(out.back().end, r.end);
    } else {
      out.push_back(r);
    }
  }
  return out;
}

}  // namespace

std::size_t content_start(std::string_view text, std::size_t mark_pos) {
  const std::size_t p = skip_properties(text, std::min(mark_pos, text.size()));
  switch (style_at(text, p)) {
    case Style::Plain: return p;
    case Style::SingleQuoted:
    case Style::DoubleQuoted: return p + 1;
    case Style::Block: return block_content_start(text, p);
  }
  return p;
}

ScalarLayout locate_scalar(std::string_view text, std::size_t mark_pos, std::string_view value) {
  ScalarLayout layout;
  const Style style = style_at(text, skip_properties(text, std::min(mark_pos, text.size())));
  layout.content_start = content_start(text, mark_pos);
  layout.one_line = value.find('\n') == std::string_view::npos &&
                    text.substr(std::min(layout.content_start, text.size()), value.size()) == value;
  if (!layout.one_line) {
    std::vector<ValueRange> breaks;
    if (!align(text, layout.content_start, style, value, breaks)) breaks.clear();
    add_newline_runs(value, breaks);
    layout.line_breaks = merged(std::move(breaks));
  }
  return layout;
}

std::string join_lines(std::string_view value, const std::vector<ValueRange>& line_breaks) {
  std::string out;
  out.reserve(value.size());
  std::size_t pos = 0;
  for (const ValueRange& r : line_breaks) {
    out.append(value.substr(pos, r.begin - pos));
    const bool at_edge = r.begin == 0 || r.end >= value.size();
    if (!at_edge) {
      const char32_t before = core::code_point_before(value, r.begin);
      const char32_t after = core::decode_utf8(value, r.end).code_point;
      if (!(core::is_cjk(before) && core::is_cjk(after))) out += ' ';
    }
    pos = r.end;
  }
  out.append(value.substr(std::min(pos, value.size())));
  return out;
}

bool quote_is_closed(std::string_view text, std::size_t mark_pos) {
  const std::size_t p = skip_properties(text, std::min(mark_pos, text.size()));
  const Style style = style_at(text, p);
  if (style == Style::DoubleQuoted) {
    for (std::size_t j = p + 1; j < text.size(); ++j) {
      if (text[j] == '\\') {
        ++j;
      } else if (text[j] == '"') {
        return true;
      }
    }
    return false;
  }
  if (style == Style::SingleQuoted) {
    for (std::size_t j = p + 1; j < text.size(); ++j) {
      if (text[j] != '\'') continue;
      if (j + 1 < text.size() && text[j + 1] == '\'') {
        ++j;
      } else {
        return true;
      }
    }
    return false;
  }
  return true;
}

}  // namespace source
