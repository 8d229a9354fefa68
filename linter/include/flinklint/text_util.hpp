// Small text helpers shared across layers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace flinklint {

std::string ascii_lower(std::string_view text);
// Optimal-string-alignment distance (Damerau-Levenshtein with adjacent transpositions);
// stops early and returns limit + 1 once the distance must exceed `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit = SIZE_MAX - 1);
std::string_view trim(std::string_view text);

// True when `text` is wrapped in a matching pair of single or double quotes.
bool is_quoted(std::string_view text);
// `text` without one matching pair of surrounding quotes (unchanged when it has none).
std::string_view strip_quotes(std::string_view text);
// A YAML double-quoted scalar holding exactly `text`: quotes, backslashes and control characters
// escaped (`\n`, `\t`, `\r`, else `\xNN`), everything else as it is.
std::string yaml_double_quoted(std::string_view text);

}  // namespace flinklint
