// Shared pieces of the catalog implementation (and of its table generator): key segments, placeholders.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "flinklint/catalog.hpp"

namespace flinklint::catalog_detail {

// Calls `fn` with each non-empty entry of a list cell (`a|b`).
template <class Fn>
void for_each_listed(std::string_view cell, Fn&& fn) {
    while (!cell.empty()) {
        const std::size_t bar = cell.find('|');
        if (const std::string_view part = cell.substr(0, bar); !part.empty()) fn(part);
        if (bar == std::string_view::npos) return;
        cell.remove_prefix(bar + 1);
    }
}

// `a.b.c` -> {"a", "b", "c"}; empty segments are kept (`a..b` has three).
std::vector<std::string_view> split_segments(std::string_view key);
// The same segments, appended to `out`.
void append_segments(std::string_view key, std::vector<std::string_view>& out);

// `<name>`, `<resource_name>`, `#`: stands for one segment.
bool is_placeholder(std::string_view segment);
// `<key>`, `<param>`, `<parameter>` at the end of a key: stands for one or more segments
// (Flink forwards whatever follows to Hadoop, YARN, a reporter or a driver).
bool is_open_placeholder(std::string_view segment);
// The key holds a placeholder segment (OptionInfo::is_pattern).
bool key_is_pattern(std::string_view key);

}  // namespace flinklint::catalog_detail
