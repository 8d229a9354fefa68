// Byte-level scanning of YAML text: where a node written at a given offset ends.
// yaml-cpp reports only where a node starts; these functions find the end on the original bytes.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "flinklint/source.hpp"

namespace flinklint::ingestion::scan {

inline bool is_break(char c) {
    return c == '\n' || c == '\r';
}
inline bool is_blank(char c) {
    return c == ' ' || c == '\t';
}
inline bool is_flow_indicator(char c) {
    return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}

// Offset of the line break ending the line that holds `pos` (or the end of text).
std::size_t line_end(std::string_view t, std::size_t pos);
// Start of the line after the one holding `pos` (or the end of text).
std::size_t next_line(std::string_view t, std::size_t pos);
std::size_t line_begin(std::string_view t, std::size_t pos);
// 0-based byte column of `pos`.
int column(std::string_view t, std::size_t pos);

// Skips anchors (`&a`) and tags (`!t`) written before a node, and the blanks, comments and line
// breaks after them; returns `pos` unchanged when no property is there.
std::size_t skip_properties(std::string_view t, std::size_t pos);

// End of a plain scalar starting at `pos`. `value` is the scalar as decoded by the parser: it
// tells how many continuation lines a multi-line plain scalar has.
std::size_t plain_end(std::string_view t, std::size_t pos, bool flow, std::string_view value);
// End (after the closing quote) of a single- or double-quoted scalar starting at its quote.
std::size_t quoted_end(std::string_view t, std::size_t pos);
// End (after the closing bracket) of a flow collection starting at `[` or `{`.
std::size_t flow_end(std::string_view t, std::size_t pos);
// End of an alias `*name`.
std::size_t alias_end(std::string_view t, std::size_t pos);

// A block scalar (`|`, `>`, with chomping and indentation indicators) starting at its indicator.
struct BlockScalar {
    Span span;               // indicator through the last non-empty content line
    bool literal = true;     // `|` (false: `>`)
    int content_indent = 0;  // columns of indentation removed from every content line
};
BlockScalar block_scalar(std::string_view t, std::size_t pos, int parent_indent);
// Content of every line of a block scalar (indentation removed), through its last non-empty line.
std::vector<Span> block_lines(std::string_view t, Span span, int content_indent);

// After a value ending at `pos`: the end of a trailing `# comment` on the same line, else `pos`.
std::size_t trailing_comment_end(std::string_view t, std::size_t pos);
// Length of a null word (`~`, `null`, `Null`, `NULL`) at `pos` followed by a delimiter, else 0.
std::size_t null_word(std::string_view t, std::size_t pos, bool flow);

}  // namespace flinklint::ingestion::scan
