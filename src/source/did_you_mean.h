#pragma once
// "did you mean 'headline'?" for a misspelt key or value.
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

namespace source {

// Optimal-string-alignment distance: insertions, deletions, substitutions
// and swaps of two neighbouring bytes each cost 1 ("haedline" is 1 away).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, or "" when none is close enough to be a
// plausible typo (about a third of the word's length, at least 1).
std::string_view closest_match(std::string_view word, std::span<const std::string_view> candidates);

// "a, b or c", for listing the allowed values in a message.
std::string join_alternatives(std::span<const std::string_view> words, std::string_view last_sep = " or ");

}  // namespace source
