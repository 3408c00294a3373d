#include "app/common/arguments.h"

#include <charconv>
#include <iostream>

#include "app/common/command_help.h"
#include "app/common/exit_code.h"

namespace app {
namespace {

bool is_option(const std::string& arg) { return arg.size() > 1 && arg[0] == '-'; }

}  // namespace

Arguments::Arguments(const std::vector<std::string>& args) {
  bool after_dashes = false;
  for (const auto& a : args) {
    if (!after_dashes && a == "--") {
      after_dashes = true;
      continue;
    }
    (after_dashes ? trailing_ : options_).push_back(a);
  }
}

bool Arguments::flag(std::string_view name) {
  for (auto it = options_.begin(); it != options_.end(); ++it) {
    if (*it == name) {
      options_.erase(it);
      return true;
    }
  }
  return false;
}

std::optional<std::string> Arguments::value(std::string_view name, bool empty_ok) {
  const std::string joined = std::string(name) + "=";
  const bool one_letter = name.size() == 2 && name[0] == '-' && name[1] != '-';
  for (auto it = options_.begin(); it != options_.end(); ++it) {
    std::string v;
    if (*it == name) {
      if (it + 1 == options_.end()) throw UsageError(std::string(name) + " needs a value");
      v = *(it + 1);
      options_.erase(it, it + 2);
    } else if (it->starts_with(joined)) {
      v = it->substr(joined.size());
      options_.erase(it);
    } else if (one_letter && it->size() > 2 && it->starts_with(name)) {
      v = it->substr(2);
      options_.erase(it);
    } else {
      continue;
    }
    if (v.empty() && !empty_ok) throw UsageError(std::string(name) + " needs a value");
    return v;
  }
  return std::nullopt;
}

std::vector<std::string> Arguments::operands() const {
  for (const auto& a : options_) {
    if (is_option(a)) throw UsageError("unknown option '" + a + "'");
  }
  std::vector<std::string> all = options_;
  all.insert(all.end(), trailing_.begin(), trailing_.end());
  return all;
}

std::optional<long long> parse_integer(std::string_view text) {
  long long v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return v;
}

int print_usage_error(std::string_view command, const std::string& message) {
  const std::string_view usage = command_usage(command);
  if (usage.empty()) {
    std::cerr << "broadsheet: error: " << message << "\n(broadsheet --help lists the commands)\n";
    return kUsage;
  }
  const std::string who = "broadsheet " + std::string(command);
  std::cerr << who << ": error: " << message << "\nusage: broadsheet " << usage << "\n(" << who
            << " --help explains every option)\n";
  return kUsage;
}

}  // namespace app
