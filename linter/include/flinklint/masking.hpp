// Secret values (keys Flink treats as sensitive) replaced by a fixed mask wherever text of a file is
// printed: source windows, diffs, messages. Which spans are secret: flinklint/linter.hpp.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "flinklint/source.hpp"

namespace flinklint {

// What a masked secret is printed as, whatever its length (Flink's GlobalConfiguration.HIDDEN_CONTENT).
inline constexpr std::string_view kSecretMask = "******";

// Masked byte ranges of one line, relative to the line, clipped, sorted and merged.
std::vector<std::pair<std::size_t, std::size_t>> masked_ranges(std::size_t line_size, std::size_t line_begin,
                                                               const std::vector<Span>& masked);

// Masks the secret ranges of `line` (which starts at byte `line_begin` of its source).
std::string mask_secrets(std::string_view line, std::size_t line_begin, const std::vector<Span>& masked);

}  // namespace flinklint
