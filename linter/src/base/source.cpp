#include "flinklint/source.hpp"

#include <algorithm>

namespace flinklint {

namespace {
// Continuation bytes 10xxxxxx do not start a code point; invalid bytes count one each.
bool starts_code_point(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
}
}  // namespace

Source::Source(std::string path, std::string text, TextEncoding encoding)
    : path_(std::move(path)), text_(std::move(text)), encoding_(encoding) {
    line_starts_.push_back(0);
    const std::string_view text_view(text_);
    if (text_view.find('\r') == std::string_view::npos) {
        // The common case, one memchr a line.
        for (std::size_t i = text_view.find('\n'); i != std::string_view::npos;
             i = text_view.find('\n', i + 1))
            line_starts_.push_back(i + 1);
    } else {
        for (std::size_t i = 0; i < text_.size(); ++i) {
            if (text_[i] == '\n') {
                line_starts_.push_back(i + 1);
            } else if (text_[i] == '\r') {
                if (i + 1 < text_.size() && text_[i + 1] == '\n') ++i;
                line_starts_.push_back(i + 1);
            }
        }
    }
    block_code_points_.reserve(text_.size() / kBlock + 1);
    std::size_t code_points = 0;
    for (std::size_t begin = 0; begin <= text_.size(); begin += kBlock) {
        block_code_points_.push_back(code_points);
        code_points += count_code_points(begin, std::min(begin + kBlock, text_.size()));
    }
}

std::size_t Source::count_code_points(std::size_t begin, std::size_t end) const {
    std::size_t count = 0;
    for (std::size_t i = begin; i < end; ++i) count += starts_code_point(text_[i]) ? 1 : 0;
    return count;
}

std::size_t Source::code_points_before(std::size_t offset) const {
    const std::size_t block = offset / kBlock;
    return block_code_points_[block] + count_code_points(block * kBlock, offset);
}

std::string_view Source::view(Span span) const {
    const std::size_t begin = std::min(span.begin, text_.size());
    const std::size_t end = std::clamp(span.end, begin, text_.size());
    return std::string_view(text_).substr(begin, end - begin);
}

Position Source::position(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    const auto line_index = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
    // A line shorter than a block is counted directly; a longer one through the block counts.
    const std::size_t line_start = line_starts_[line_index];
    std::size_t column =
        1 + (offset - line_start <= kBlock ? count_code_points(line_start, offset)
                                           : code_points_before(offset) - code_points_before(line_start));
    // Editors do not show a byte order mark: the text after it starts at column 1.
    if (line_index == 0 && has_bom()) column = offset >= 3 ? column - 1 : 1;
    return {static_cast<int>(line_index) + 1, static_cast<int>(column)};
}

std::size_t Source::line_start(int line) const {
    if (line < 1) return 0;
    const auto index = static_cast<std::size_t>(line - 1);
    return index < line_starts_.size() ? line_starts_[index] : text_.size();
}

Span Source::line_span_with_break(int line) const {
    const std::size_t begin = line_start(line);
    const std::size_t end = line_start(line + 1);
    return {begin, std::max(begin, end)};
}

std::string_view Source::line_text(int line) const {
    Span span = line_span_with_break(line);
    std::string_view text = view(span);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
    return text;
}

std::size_t Source::offset_of(int line, int byte_column) const {
    const std::size_t begin = line_start(line);
    const std::size_t length = line_text(line).size();
    const auto column = static_cast<std::size_t>(std::max(byte_column, 1) - 1);
    return begin + std::min(column, length);
}

bool Source::has_bom() const {
    return text_.size() >= 3 && text_.compare(0, 3, "\xEF\xBB\xBF") == 0;
}

bool Source::uses_crlf() const {
    const auto lf = text_.find('\n');
    return lf != std::string::npos && lf > 0 && text_[lf - 1] == '\r';
}

}  // namespace flinklint
