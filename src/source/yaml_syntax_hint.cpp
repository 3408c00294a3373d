#include "source/yaml_syntax_hint.h"

#include <cstdlib>
#include <optional>
#include <vector>

namespace source {
namespace {

// What one line of block YAML opens: list items ("- ") and a key.
struct LineShape {
  std::size_t start = 0;   // byte offset of the line
  std::string_view body;   // the line without its line break
  int indent = 0;          // leading spaces
  std::optional<std::size_t> tab;  // offset of a tab in the indentation
  bool content = false;    // not blank, not a comment
  std::vector<int> dashes; // columns (0-based) of its list marks
  int key = -1;            // column of its key, -1 when none
  bool opens_block = false;  // `key:` with nothing after it: children follow
  std::string_view rest;   // what follows the list marks
};

bool is_key_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// Keys of a plain mapping may be any text up to ': ' (Chinese too).
bool is_plain_key_char(char c) { return c != ' ' && c != ':' && c != '#' && c != '\t'; }

LineShape shape_of(std::string_view text, std::size_t start, std::size_t end) {
  LineShape s;
  s.start = start;
  s.body = text.substr(start, end - start);
  if (!s.body.empty() && s.body.back() == '\r') s.body.remove_suffix(1);
  std::size_t i = 0;
  while (i < s.body.size() && (s.body[i] == ' ' || s.body[i] == '\t')) {
    if (s.body[i] == '\t' && !s.tab) s.tab = start + i;
    ++i;
  }
  s.indent = static_cast<int>(i);
  s.content = i < s.body.size() && s.body[i] != '#';
  while (i < s.body.size() && s.body[i] == '-' && (i + 1 == s.body.size() || s.body[i + 1] == ' ')) {
    s.dashes.push_back(static_cast<int>(i));
    ++i;
    while (i < s.body.size() && s.body[i] == ' ') ++i;
  }
  s.rest = s.body.substr(i);
  std::size_t k = 0;
  const bool quoted_or_flow = !s.rest.empty() && std::string_view("\"'[{|>&*!").find(s.rest[0]) != std::string_view::npos;
  while (!quoted_or_flow && k < s.rest.size() && is_plain_key_char(s.rest[k])) ++k;
  if (k > 0 && k < s.rest.size() && s.rest[k] == ':' &&
      (k + 1 == s.rest.size() || s.rest[k + 1] == ' ')) {
    s.key = static_cast<int>(i);
    std::size_t v = k + 1;
    while (v < s.rest.size() && s.rest[v] == ' ') ++v;
    s.opens_block = v == s.rest.size() || s.rest[v] == '#';
  }
  return s;
}

struct Level {
  int column = 0;
  bool dash = false;
  int line = 0;  // 1-based
};

// The block levels open after each line: a new line may sit at one of them.
class Levels {
 public:
  void add(const LineShape& s, int line) {
    if (s.dashes.empty() && s.key < 0) return;  // continued text
    const int first = s.dashes.empty() ? s.key : s.dashes.front();
    std::erase_if(levels_, [&](const Level& l) { return l.column > first; });
    for (const int d : s.dashes) put({d, true, line});
    if (s.key >= 0) put({s.key, false, line});
  }
  const Level* find(int column, bool dash) const {
    for (const Level& l : levels_)
      if (l.column == column && l.dash == dash) return &l;
    return nullptr;
  }
  // The level of this kind nearest to `column`; the deeper one on a tie.
  const Level* nearest(int column, bool dash) const {
    const Level* best = nullptr;
    for (const Level& l : levels_) {
      if (l.dash != dash) continue;
      if (!best || std::abs(l.column - column) < std::abs(best->column - column) ||
          (std::abs(l.column - column) == std::abs(best->column - column) && l.column > best->column))
        best = &l;
    }
    return best;
  }

 private:
  void put(Level l) {
    std::erase_if(levels_, [&](const Level& o) { return o.column == l.column && o.dash == l.dash; });
    levels_.push_back(l);
  }
  std::vector<Level> levels_;
};

std::string spaces(int n) { return std::to_string(n) + (n == 1 ? " space" : " spaces"); }

std::string reworded(const std::string& m) {
  if (m == "end of map not found" || m == "end of sequence not found")
    return "this line's indentation does not fit the lines above it";
  if (m == "illegal map value") return "a ':' here does not start a value (a value with ': ' in it needs quotes)";
  if (m == "illegal block entry") return "a '- ' list item is not allowed here; check the indentation";
  return "YAML syntax error: " + m;
}

class Explainer {
 public:
  Explainer(const SourceFile& file, std::string_view text) : file_(file), text_(text) {}

  core::Diagnostic explain(int mark_pos, const std::string& message) {
    if (mark_pos < 0) return at(std::string::npos, "YAML syntax error: " + message);
    const int error_line = file_.span_at(static_cast<std::size_t>(mark_pos)).line;  // 1-based
    Levels levels;
    std::optional<LineShape> previous;
    for (int n = 1; n < error_line; ++n) {
      const LineShape s = line(n);
      if (!s.content) continue;
      levels.add(s, n);
      previous = s;
    }
    const LineShape here = line(error_line);
    if (here.tab) return at(*here.tab, "a tab in the indentation: YAML indents with spaces only");
    if (previous && previous->tab)
      return at(*previous->tab, "a tab in the indentation: YAML indents with spaces only");
    if (message.starts_with("end of") && message.find("flow") != std::string::npos)
      return at(static_cast<std::size_t>(mark_pos), "YAML syntax error: " + message);
    if (auto d = wrong_indent(here, previous, levels)) return *d;
    if (previous) {
      if (auto d = missing_colon(*previous)) return *d;
    }
    if (message == "illegal map value" && here.key >= 0 &&
        static_cast<std::size_t>(mark_pos) > here.start + static_cast<std::size_t>(here.key)) {
      return quote_value(here);
    }
    return at(static_cast<std::size_t>(mark_pos), reworded(message));
  }

 private:
  LineShape line(int n) const {
    const auto count = static_cast<int>(file_.line_starts.size());
    if (n < 1 || n > count) return LineShape{};
    const std::size_t start = file_.line_starts[n - 1];
    const std::size_t end = n < count ? file_.line_starts[n] - 1 : text_.size();
    return shape_of(text_, start, end);
  }

  core::Diagnostic at(std::size_t offset, std::string message) const {
    const core::SourceSpan span = offset == std::string::npos ? core::SourceSpan{file_.path} : file_.span_at(offset);
    return core::Diagnostic{core::Severity::Error, span, std::move(message)};
  }

  // A list item or key at a column where no list or mapping above is open.
  std::optional<core::Diagnostic> wrong_indent(const LineShape& here, const std::optional<LineShape>& previous,
                                         const Levels& levels) const {
    if (!here.content || (here.dashes.empty() && here.key < 0)) return std::nullopt;
    const bool dash = !here.dashes.empty();
    const int column = here.indent;
    if (previous && previous->opens_block &&
        (column > previous->key || (dash && column == previous->key)))
      return std::nullopt;
    if (levels.find(column, dash)) return std::nullopt;
    const Level* like = levels.nearest(column, dash);
    std::string message = "wrong indentation: this " + std::string(dash ? "list item" : "key") +
                          " is indented " + spaces(column) + " and lines up with nothing above it";
    if (like)
      message += "; indent it " + spaces(like->column) + ", like line " + std::to_string(like->line);
    return at(here.start + static_cast<std::size_t>(column), std::move(message));
  }

  // `headline 标题` where `headline: 标题` was meant: YAML reads on into the
  // next line and complains there.
  std::optional<core::Diagnostic> missing_colon(const LineShape& p) const {
    if (p.key >= 0 || p.rest.empty()) return std::nullopt;
    std::size_t k = 0;
    while (k < p.rest.size() && is_key_char(p.rest[k])) ++k;
    if (k == 0 || k >= p.rest.size() || p.rest[k] != ' ') return std::nullopt;
    if (p.rest.find(": ") != std::string_view::npos) return std::nullopt;
    std::size_t v = k;
    while (v < p.rest.size() && p.rest[v] == ' ') ++v;
    const std::string key(p.rest.substr(0, k));
    const std::string value(p.rest.substr(v));
    return at(p.start + static_cast<std::size_t>(p.body.size() - p.rest.size()),
              "the key '" + key + "' has no colon after it; write '" + key + ": " + value + "'");
  }

  // `headline: 标题: 副` — a second ': ' inside a plain value.
  core::Diagnostic quote_value(const LineShape& here) const {
    const std::string_view rest = here.rest;
    const std::size_t colon = rest.find(':');
    std::size_t v = colon + 1;
    while (v < rest.size() && rest[v] == ' ') ++v;
    const std::string key(rest.substr(0, colon));
    const std::string value(rest.substr(v));
    return at(here.start + static_cast<std::size_t>(here.key) + v,
              "this value contains ': ', which YAML reads as another key; put the value in quotes: " + key +
                  ": \"" + value + "\"");
  }

  const SourceFile& file_;
  std::string_view text_;
};

}  // namespace

core::Diagnostic explain_yaml_error(const SourceFile& file, std::string_view text, int mark_pos,
                              const std::string& yaml_message) {
  return Explainer(file, text).explain(mark_pos, yaml_message);
}

}  // namespace source
