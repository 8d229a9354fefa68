// Key segments, placeholders and the bounded edit distance used by lookup and suggest.
#include <algorithm>
#include <array>

#include "catalog/catalog_internal.hpp"

namespace flinklint::catalog_detail {

std::vector<std::string_view> split_segments(std::string_view key) {
    std::vector<std::string_view> segments;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = key.find('.', start);
        if (dot == std::string_view::npos) {
            segments.push_back(key.substr(start));
            return segments;
        }
        segments.push_back(key.substr(start, dot - start));
        start = dot + 1;
    }
}

bool is_open_placeholder(std::string_view segment) {
    return segment == "<key>" || segment == "<param>" || segment == "<parameter>";
}

bool is_placeholder(std::string_view segment) {
    if (segment == "#") return true;
    return segment.size() > 2 && segment.front() == '<' && segment.back() == '>' &&
           !is_open_placeholder(segment);
}

}  // namespace flinklint::catalog_detail
