// Shared pieces of the catalog implementation: key segments, placeholders, similarity.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace flinklint::catalog_detail {

// `a.b.c` -> {"a", "b", "c"}; empty segments are kept (`a..b` has three).
std::vector<std::string_view> split_segments(std::string_view key);

// `<name>`, `<resource_name>`, `#`: stands for one segment.
bool is_placeholder(std::string_view segment);
// `<key>`, `<param>`, `<parameter>` at the end of a key: stands for one or more segments
// (Flink forwards whatever follows to Hadoop, YARN, a reporter or a driver).
bool is_open_placeholder(std::string_view segment);

}  // namespace flinklint::catalog_detail
