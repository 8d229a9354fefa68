#include "cli/lsp/positions.hpp"

#include <algorithm>

#include "flinklint/text_util.hpp"

namespace flinklint::cli::lsp {
namespace {

// UTF-16 code units of the code point at `at`; `bytes` receives its length in UTF-8.
std::size_t units_at(std::string_view text, std::size_t at, std::size_t& bytes) {
    char32_t code_point = 0;
    bytes = decode_utf8(text, at, code_point);
    return code_point > 0xFFFF ? 2 : 1;
}

}  // namespace

std::size_t utf16_length(std::string_view utf8) {
    std::size_t units = 0;
    for (std::size_t at = 0, bytes = 0; at < utf8.size(); at += bytes) units += units_at(utf8, at, bytes);
    return units;
}

LspPosition position_of(const Source& source, std::size_t offset) {
    const std::string& text = source.text();
    offset = std::min(offset, text.size());
    const int line = source.position(offset).line;
    const std::size_t start = source.line_start(line);
    return {static_cast<std::size_t>(line - 1),
            utf16_length(std::string_view(text).substr(start, offset - std::min(start, offset)))};
}

nlohmann::json range_json(const Source& source, Span span) {
    const LspPosition start = position_of(source, span.begin);
    const LspPosition end = position_of(source, std::max(span.begin, span.end));
    return {{"start", {{"line", start.line}, {"character", start.character}}},
            {"end", {{"line", end.line}, {"character", end.character}}}};
}

std::size_t offset_of(const Source& source, LspPosition position) {
    if (position.line >= source.line_count()) return source.text().size();
    const int line = static_cast<int>(position.line) + 1;
    const std::string_view text = source.line_text(line);
    const std::size_t start = source.line_start(line);
    std::size_t units = 0;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t bytes = 0;
        const std::size_t width = units_at(text, at, bytes);
        if (units + width > position.character) break;
        units += width;
        at += bytes;
    }
    return start + at;
}

}  // namespace flinklint::cli::lsp
