// Secret values replaced by a fixed mask wherever a line of a file is printed.
#include "flinklint/masking.hpp"

#include <algorithm>

namespace flinklint {

std::vector<std::pair<std::size_t, std::size_t>> masked_ranges(std::size_t line_size, std::size_t line_begin,
                                                               const std::vector<Span>& masked) {
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
    const std::size_t line_end = line_begin + line_size;
    for (const Span& span : masked) {
        const std::size_t begin = std::max(span.begin, line_begin);
        const std::size_t end = std::min(span.end, line_end);
        if (begin < end) ranges.emplace_back(begin - line_begin, end - line_begin);
    }
    std::ranges::sort(ranges);
    // Merge overlapping and touching ranges: one mask per contiguous secret.
    std::vector<std::pair<std::size_t, std::size_t>> merged;
    for (const auto& range : ranges) {
        if (!merged.empty() && range.first <= merged.back().second) {
            merged.back().second = std::max(merged.back().second, range.second);
        } else {
            merged.push_back(range);
        }
    }
    return merged;
}

std::string mask_secrets(std::string_view line, std::size_t line_begin, const std::vector<Span>& masked) {
    std::string result;
    std::size_t pos = 0;
    for (const auto& [begin, end] : masked_ranges(line.size(), line_begin, masked)) {
        result.append(line.substr(pos, begin - pos));
        result.append(kSecretMask);
        pos = end;
    }
    result.append(line.substr(pos));
    return result;
}

}  // namespace flinklint
