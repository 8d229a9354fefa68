// `# flinklint: DIRECTIVE=LIST` comments in the checked files, read one way for everything that
// reads them: suppressions (flinklint/suppression.hpp), FL004 and the model's inline `flink-version=`.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include "flinklint/source.hpp"

namespace flinklint {

// One comment as written, with the spans FL004 points at.
struct FlinklintComment {
    int line = 0;
    std::string_view directive;  // "disable", "disable-next-line", "disable-file", "flink-version", ...
    Span directive_span;
    std::vector<std::pair<std::string_view, Span>> items;  // the comma-separated list before any ` -- reason`
};

// Every `# flinklint: NAME=...` comment of `source` whose directive starts in [from, to), in line order.
std::vector<FlinklintComment> flinklint_comments(const Source& source, std::size_t from = 0,
                                                 std::size_t to = std::string_view::npos);

}  // namespace flinklint
