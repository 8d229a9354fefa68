// LSP positions: a line and a character offset in UTF-16 code units (the protocol's default
// encoding), against the engine's byte offsets into UTF-8 text.
#pragma once

#include <cstddef>
#include <string_view>

#include <nlohmann/json.hpp>

#include "flinklint/source.hpp"

namespace flinklint::cli::lsp {

struct LspPosition {
    std::size_t line = 0;       // 0-based
    std::size_t character = 0;  // UTF-16 code units from the line's start
};

// UTF-16 code units of UTF-8 text: 2 for a code point above U+FFFF, 1 for any other (an invalid
// byte counts as one, as the replacement character an editor shows for it; flinklint/text_util.hpp).
std::size_t utf16_length(std::string_view utf8);

// The position of byte `offset` of `source` (clamped to its text).
LspPosition position_of(const Source& source, std::size_t offset);
nlohmann::json range_json(const Source& source, Span span);

// The byte offset of an LSP position in `source`: a line past the end gives the text's end, a
// character past the line's end the line's end, one inside a code point that code point's start.
std::size_t offset_of(const Source& source, LspPosition position);

}  // namespace flinklint::cli::lsp
