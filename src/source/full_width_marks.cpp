#include "source/full_width_marks.h"

#include <optional>

#include <string_view>

namespace source {
namespace {

// All three are three bytes in UTF-8, the length of their ASCII stand-ins.
constexpr std::string_view kIdeographicSpace = "\u3000";  // 　
constexpr std::string_view kFullWidthColon = "\uFF1A";     // ：
constexpr std::string_view kFullWidthHyphen = "\uFF0D";    // －

// A file typed wholly with an input method would otherwise give a message
// per line; the first few show the pattern.
constexpr int kMaxReports = 20;

bool is_key_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool is_key_char(char c) { return is_key_start(c) || (c >= '0' && c <= '9') || c == '-'; }

class MarkFinder {
 public:
  MarkFinder(const SourceFile& file, core::Diagnostics& diags) : file_(file), diags_(diags) {}

  std::optional<std::string> run() {
    for (std::size_t n = 0; n < file_.line_starts.size(); ++n) {
      const std::size_t start = file_.line_starts[n];
      const std::size_t end =
          n + 1 < file_.line_starts.size() ? file_.line_starts[n + 1] - 1 : file_.text.size();
      scan_line(start, end);
    }
    if (reports_ > kMaxReports) {
      diags_.error(core::SourceSpan{file_.path}, "... and " + std::to_string(reports_ - kMaxReports) +
                                               " more marks typed with a Chinese input method");
    }
    return std::move(text_);
  }

 private:
  // The text to change, copied at the first change (most files have none).
  std::string& edit() {
    if (!text_) text_ = file_.text;
    return *text_;
  }

  bool at(std::size_t i, std::string_view mark) const {
    return std::string_view(file_.text).substr(i, mark.size()) == mark;
  }

  // Indentation and list marks, then a key: only there do these characters
  // change what YAML reads (inside a value they are ordinary text).
  void scan_line(std::size_t i, std::size_t end) {
    std::size_t first_wide_space = std::string::npos;
    std::size_t first_hyphen = std::string::npos;
    bool list_mark = false;
    for (;;) {
      if (i < end && file_.text[i] == ' ') {
        ++i;
      } else if (!list_mark && at(i, kIdeographicSpace) && i < end) {
        // After a list mark, U+3000 is the text's own paragraph indent.
        if (first_wide_space == std::string::npos) first_wide_space = i;
        edit().replace(i, 3, "   ");
        i += 3;
      } else if (i + 1 < end && file_.text[i] == '-' && file_.text[i + 1] == ' ') {
        list_mark = true;
        i += 2;
      } else if (at(i, kFullWidthHyphen) && i < end) {
        if (first_hyphen == std::string::npos) first_hyphen = i;
        edit().replace(i, 3, "-  ");
        list_mark = true;
        i += 3;
      } else {
        break;
      }
    }
    std::size_t key_end = i;
    if (key_end < end && is_key_start(file_.text[key_end])) {
      while (key_end < end && is_key_char(file_.text[key_end])) ++key_end;
    }
    std::size_t colon = key_end;
    while (colon < end && file_.text[colon] == ' ') ++colon;
    const bool ascii_key = key_end > i && colon < end && file_.text[colon] == ':';
    const bool wide_key = key_end > i && at(colon, kFullWidthColon) && colon < end;

    if (first_wide_space != std::string::npos && (list_mark || ascii_key || wide_key)) {
      report(first_wide_space,
             "this line is indented with the full-width space '\u3000' (U+3000) of a Chinese input "
             "method; indent with ordinary spaces instead");
    }
    if (first_hyphen != std::string::npos) {
      report(first_hyphen,
             "the list mark is the full-width '－' (U+FF0D) of a Chinese input method; type '-' "
             "followed by a space instead");
    }
    if (wide_key) {
      const std::string key = file_.text.substr(i, key_end - i);
      report(colon, "the key '" + key + "' is followed by the full-width colon '：' (U+FF1A) of a Chinese "
                    "input method; type an ASCII colon and a space instead: '" + key + ": '");
      edit().replace(colon, 3, ":  ");
    }
  }

  void report(std::size_t offset, std::string message) {
    if (++reports_ <= kMaxReports) diags_.error(file_.span_at(offset), std::move(message));
  }

  const SourceFile& file_;
  core::Diagnostics& diags_;
  std::optional<std::string> text_;
  int reports_ = 0;
};

}  // namespace

std::optional<std::string> replace_full_width_marks(const SourceFile& file, core::Diagnostics& diags) {
  return MarkFinder(file, diags).run();
}

}  // namespace source
