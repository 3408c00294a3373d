#pragma once
// What `broadsheet --help` and `broadsheet COMMAND --help` print: one entry
// per command, so the overview and each command's page never disagree.
#include <string>
#include <string_view>

namespace app {

// The help page of `command` (usage, options, an example); "" when there is
// no such command.
std::string command_help(std::string_view command);

// The overview: every command's usage line and the exit codes.
std::string program_help();

// The usage line of `command` after "broadsheet " ("render DOC.yaml [-o …]");
// "" when there is no such command.
std::string_view command_usage(std::string_view command);

// The command names, for "did you mean" on a mistyped one.
std::string_view closest_command(std::string_view word);

}  // namespace app
