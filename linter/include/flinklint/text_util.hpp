// Small text helpers shared across layers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace flinklint {

std::string ascii_lower(std::string_view text);
// One byte lowered, A-Z only (the C locale's std::tolower, inline for the hot paths).
inline char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
// Optimal-string-alignment distance (Damerau-Levenshtein with adjacent transpositions);
// stops early and returns limit + 1 once the distance must exceed `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit = SIZE_MAX - 1);
std::string_view trim(std::string_view text);
// Shell-ish words of a command line (split at blanks, quotes and `;&|`): `bash -c "a -Dk=v"` -> bash, -c, a,
// -Dk=v.
std::vector<std::string_view> command_words(std::string_view text);
// The offset of the first `\r` or `\n` at or after `from`, or text.size(): one pass, where
// find_first_of("\r\n") tests every byte against the set by a call.
std::size_t line_break_at_or_after(std::string_view text, std::size_t from);

// True when `text` is wrapped in a matching pair of single or double quotes.
bool is_quoted(std::string_view text);
// "1 file", "3 files": a count and an English word that takes an `s` in the plural.
std::string count_of(std::size_t count, std::string_view word);
// `text` without one matching pair of surrounding quotes (unchanged when it has none).
std::string_view strip_quotes(std::string_view text);
// A YAML double-quoted scalar holding exactly `text`: quotes, backslashes and control characters
// escaped (`\n`, `\t`, `\r`, else `\xNN`), everything else as it is.
std::string yaml_double_quoted(std::string_view text);

// Appends the UTF-8 encoding of a code point.
void append_utf8(std::string& out, char32_t code_point);
// The byte order mark that starts `bytes`, by what SnakeYAML's UnicodeReader (the reader of Flink's
// config.yaml) recognises: EF BB BF, FE FF, FF FE; FF FE 00 00 and 00 00 FE FF are UTF-32, which
// it does not read. A UTF-16 mark counts only with a NUL byte in the first 256 bytes after it.
enum class ByteOrderMark : std::uint8_t { none, utf8, utf16le, utf16be, utf32le, utf32be };
ByteOrderMark byte_order_mark(std::string_view bytes);
// UTF-16 or UTF-32 text after its byte order mark `mark`, as UTF-8; an unpaired surrogate, a code
// point past U+10FFFF or a truncated last unit becomes U+FFFD. Lines and columns stay where they
// were (columns count code points).
std::string decode_marked_text(std::string_view bytes, ByteOrderMark mark);
// Decodes one code point at `text[i]`; returns its length in bytes (1 for an invalid byte, then
// `code_point` is U+FFFD).
std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t& code_point);
// Offset of the first byte that is not valid UTF-8 (by decode_utf8), or npos.
std::size_t first_invalid_utf8(std::string_view text);

// Code points that would garble a terminal or a CI log, or reorder a line (Trojan Source): C0 and
// C1 controls, DEL, bidi embeddings, overrides and isolates (U+202A-202E, U+2066-2069), LRM, RLM.
bool is_hidden_control(char32_t cp);
// Appends `cp`, a hidden control shown as a symbol: C0 as control pictures (␀ ... ␟), DEL as ␡,
// the others as U+FFFD.
void append_visible(std::string& out, char32_t cp);
// Text that comes from a file or a path, safe to print in any report, on a terminal or in a CI log:
// every hidden control shown as a symbol (tabs stay; line breaks only when `keep_line_breaks`),
// invalid UTF-8 as U+FFFD. A newline in a key or a directory name can never start a line of its own.
std::string visible_text(std::string_view text, bool keep_line_breaks = false);

}  // namespace flinklint
