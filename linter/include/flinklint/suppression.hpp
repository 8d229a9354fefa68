// Inline suppressions written in comments of the checked files:
//   key: value  # flinklint: disable=FL101,deprecated-key -- reason
//   # flinklint: disable-next-line=FL101
//   # flinklint: disable-file=FL201
// `all` stands for every rule.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "flinklint/comments.hpp"
#include "flinklint/source.hpp"

namespace flinklint {

struct Suppressions {
    std::vector<std::set<std::string>> by_line;  // index = line - 1; rule ids, names or "all"
    std::set<std::string> whole_file;
    [[nodiscard]] bool suppresses(int line, std::string_view rule_id, std::string_view rule_name) const;
};

Suppressions parse_suppressions(const Source& source);

}  // namespace flinklint
