// Key segments and placeholders, used by lookup and suggest.
#include <algorithm>
#include <array>

#include "catalog/catalog_internal.hpp"

namespace flinklint::catalog_detail {

void append_segments(std::string_view key, std::vector<std::string_view>& out) {
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = key.find('.', start);
        if (dot == std::string_view::npos) {
            out.push_back(key.substr(start));
            return;
        }
        out.push_back(key.substr(start, dot - start));
        start = dot + 1;
    }
}

std::vector<std::string_view> split_segments(std::string_view key) {
    std::vector<std::string_view> segments;
    append_segments(key, segments);
    return segments;
}

bool is_open_placeholder(std::string_view segment) {
    return segment == "<key>" || segment == "<param>" || segment == "<parameter>";
}

bool is_placeholder(std::string_view segment) {
    if (segment == "#") return true;
    return segment.size() > 2 && segment.front() == '<' && segment.back() == '>' &&
           !is_open_placeholder(segment);
}

bool key_is_pattern(std::string_view key) {
    // Placeholders are `<...>` or `#` segments: most keys have neither character and need no split.
    if (key.find('<') == std::string_view::npos && key.find('#') == std::string_view::npos) return false;
    for (std::string_view segment : split_segments(key)) {
        if (is_placeholder(segment) || is_open_placeholder(segment)) return true;
    }
    return false;
}

}  // namespace flinklint::catalog_detail
