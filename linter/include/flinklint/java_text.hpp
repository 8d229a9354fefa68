// How the Java library calls Flink uses see text (values layer; the legacy line parser in ingest reads
// with it too): String.trim, Character.isWhitespace, Character.digit, case mapping, byte-wise over UTF-8.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

namespace flinklint::java_text {

// String.trim(): drops every char <= U+0020 at both ends (control characters too, not only spaces).
std::string_view trim(std::string_view text);

struct CodePoint {
    char32_t value = 0;
    std::size_t length = 1;  // bytes consumed; 1 for an invalid byte
    bool valid = false;
};
// Decodes the UTF-8 sequence starting at `pos` (< text.size()).
CodePoint decode_utf8(std::string_view text, std::size_t pos);

// Character.isWhitespace for a code point.
bool is_whitespace(char32_t c);

// Character.digit(c, 10): 0..9 for any Unicode decimal digit of the BMP
// (Integer.parseInt accepts `١٢` and `１２`), -1 otherwise.
int decimal_digit(char32_t c);

// toLowerCase(Locale.US) and toUpperCase(Locale.ROOT), exact for every result that is ASCII
// (`K` KELVIN SIGN lowers to `k`, `ſ` uppers to `S`, `ß` to `SS`); other text is kept as is,
// which cannot equal an ASCII label either way.
std::string lower(std::string_view text);
std::string upper(std::string_view text);

// `text` for an error message: shortened, control and invalid UTF-8 bytes escaped as \xNN.
std::string shown(std::string_view text);
// shown(text) between backticks.
std::string quoted(std::string_view text);

// Concatenation for messages (one allocation; also sidesteps GCC 12's false -Wrestrict on
// `"literal" + std::string&&`).
std::string cat(std::initializer_list<std::string_view> parts);

}  // namespace flinklint::java_text
