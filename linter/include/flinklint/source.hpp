// Source text with a line index: the one place that turns byte offsets into line:column.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace flinklint {

// Half-open byte range [begin, end) into a Source's text.
struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;
    [[nodiscard]] bool empty() const { return begin >= end; }
    [[nodiscard]] std::size_t size() const { return end > begin ? end - begin : 0; }
    friend bool operator==(const Span&, const Span&) = default;
};

// 1-based line and column; columns count Unicode code points (invalid UTF-8 bytes count one each;
// a leading byte order mark counts none).
struct Position {
    int line = 1;
    int column = 1;
    friend bool operator==(const Position&, const Position&) = default;
};

// How the file's bytes were written. A Source's text is always UTF-8: files with a UTF-16 or UTF-32
// byte order mark are decoded into it, and are never fixed in place, since edits are spans of the
// decoded text.
enum class TextEncoding : std::uint8_t { utf8, utf16le, utf16be, utf32le, utf32be };

class Source {
public:
    Source(std::string path, std::string text, TextEncoding encoding = TextEncoding::utf8);

    [[nodiscard]] const std::string& path() const { return path_; }
    [[nodiscard]] const std::string& text() const { return text_; }
    [[nodiscard]] std::string_view view(Span span) const;

    // Line breaks are \n, \r\n and a lone \r, as Java's BufferedReader and YAML read them.
    [[nodiscard]] std::size_t line_count() const { return line_starts_.size(); }
    [[nodiscard]] Position position(std::size_t offset) const;
    [[nodiscard]] std::size_t line_start(int line) const;
    // Text of a line without its line break.
    [[nodiscard]] std::string_view line_text(int line) const;
    // Span of the whole line including its line break (for whole-line deletions).
    [[nodiscard]] Span line_span_with_break(int line) const;
    // Byte offset of a 1-based line and 1-based byte column (clamped to the line).
    [[nodiscard]] std::size_t offset_of(int line, int byte_column) const;

    [[nodiscard]] bool has_bom() const;
    [[nodiscard]] TextEncoding encoding() const { return encoding_; }
    [[nodiscard]] bool uses_crlf() const;

private:
    std::string path_;
    std::string text_;
    TextEncoding encoding_ = TextEncoding::utf8;
    std::vector<std::size_t> line_starts_;
    // Code points before every kBlock-th byte: position() counts at most one block, so many
    // findings on a line of megabytes stay linear.
    static constexpr std::size_t kBlock = 4096;
    std::vector<std::size_t> block_code_points_;
    [[nodiscard]] std::size_t code_points_before(std::size_t offset) const;
    [[nodiscard]] std::size_t count_code_points(std::size_t begin, std::size_t end) const;
};

using SourcePtr = std::shared_ptr<const Source>;

}  // namespace flinklint
