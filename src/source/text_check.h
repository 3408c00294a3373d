#pragma once
// What a string from a document may hold once YAML's escapes are expanded.
// The file itself is checked to be UTF-8 text before parsing, but escapes
// in double-quoted strings make characters of their own: yaml-cpp 0.7 turns
// "\N" and "\_" into single bytes that are not UTF-8, and "\x01" or "\e"
// into control characters that would reach the PDF.
#include <string>
#include <string_view>

namespace source {

// "" when `value` is printable UTF-8 text (tabs and line breaks allowed);
// otherwise what is wrong, to follow the key's name in a message.
std::string text_problem(std::string_view value);

}  // namespace source
