#pragma once
// The one command-line parser of every command. Options may come anywhere
// among the operands; a value follows its option (`-o out.pdf`), or is
// joined with '=' (`--port=0`), or, for a one-letter option, written right
// after it (`-j4`); `--` ends the options. Wrong usage throws UsageError,
// which every command reports the same way (print_usage_error).
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace app {

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Arguments {
 public:
  explicit Arguments(const std::vector<std::string>& args);

  // Whether `name` was given (taken out of the arguments).
  bool flag(std::string_view name);

  // The value of `name`, taken out with it; nothing when it was not given.
  // Throws when the option is last with no value, or `empty_ok` is false and
  // the value is "".
  std::optional<std::string> value(std::string_view name, bool empty_ok = true);

  // What is left: the operands. Throws on any option no one took.
  std::vector<std::string> operands() const;

 private:
  std::vector<std::string> options_;   // before `--`: options and operands
  std::vector<std::string> trailing_;  // after `--`: operands only
};

// A whole number from `text`, nothing unless all of it is one.
std::optional<long long> parse_integer(std::string_view text);

// Prints a usage mistake as every command does — the message, the
// command's usage line, where to read more — and returns the exit code 2.
// `command` is "" for the program itself.
int print_usage_error(std::string_view command, const std::string& message);

}  // namespace app
