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

}  // namespace flinklint
