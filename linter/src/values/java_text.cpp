// Java's text primitives, and the parsers that are nothing more than them:
// Integer.parseInt, Long.parseLong, the Boolean and Enum conversions of ConfigurationUtils.
#include "flinklint/java_text.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>

#include "flinklint/text_util.hpp"
#include "flinklint/values.hpp"

namespace flinklint {
namespace java_text {

std::string_view trim(std::string_view text) {
    auto is_trimmed = [](char c) { return static_cast<unsigned char>(c) <= 0x20; };
    while (!text.empty() && is_trimmed(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_trimmed(text.back())) text.remove_suffix(1);
    return text;
}

CodePoint decode_utf8(std::string_view text, std::size_t pos) {
    char32_t value = 0;
    const std::size_t length = flinklint::decode_utf8(text, pos, value);
    // An invalid byte decodes as U+FFFD of length 1; a real U+FFFD is three bytes long.
    const bool valid = length > 1 || static_cast<unsigned char>(text[pos]) < 0x80;
    return {valid ? value : 0, length, valid};
}

bool is_whitespace(char32_t c) {
    if ((c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20)) return true;
    // Unicode space, line and paragraph separators, except the no-break spaces.
    return c == 0x1680 || (c >= 0x2000 && c <= 0x200A && c != 0x2007) || c == 0x2028 || c == 0x2029 ||
           c == 0x205F || c == 0x3000;
}

int decimal_digit(char32_t c) {
    // First code point of every run of ten decimal digits (category Nd) in the BMP.
    static constexpr std::array<char32_t, 37> zeros = {
        0x0030, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6,
        0x0C66, 0x0CE6, 0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0,
        0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620,
        0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10};
    const auto* next = std::upper_bound(zeros.begin(), zeros.end(), c);
    if (next == zeros.begin()) return -1;
    const char32_t zero = *(next - 1);
    return c - zero < 10 ? static_cast<int>(c - zero) : -1;
}

namespace {

// The few non-ASCII characters whose Java case mapping is ASCII.
std::string_view special_upper(char32_t c) {
    switch (c) {
        case 0x0131:
            return "I";  // dotless i
        case 0x017F:
            return "S";  // long s
        case 0x00DF:
            return "SS";  // sharp s
        case 0xFB00:
            return "FF";
        case 0xFB01:
            return "FI";
        case 0xFB02:
            return "FL";
        case 0xFB03:
            return "FFI";
        case 0xFB04:
            return "FFL";
        case 0xFB05:
        case 0xFB06:
            return "ST";
        default:
            return {};
    }
}

template <class MapAscii, class MapSpecial>
std::string map_case(std::string_view text, MapAscii map_ascii, MapSpecial map_special) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        const CodePoint cp = decode_utf8(text, pos);
        if (cp.valid && cp.value < 0x80) {
            out.push_back(map_ascii(static_cast<char>(cp.value)));
        } else if (const std::string_view special = cp.valid ? map_special(cp.value) : std::string_view{};
                   !special.empty()) {
            out.append(special);
        } else {
            out.append(text.substr(pos, cp.length));
        }
        pos += cp.length;
    }
    return out;
}

}  // namespace

std::string lower(std::string_view text) {
    return map_case(
        text, [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; },
        [](char32_t c) { return c == 0x212A ? std::string_view("k") : std::string_view{}; });
}

std::string upper(std::string_view text) {
    return map_case(
        text, [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; },
        special_upper);
}

namespace {

// Characters that would be invisible or reorder text in a terminal: controls, format characters
// (zero-width spaces, bidi controls, the byte order mark) and separators.
bool is_invisible(char32_t c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xAD || (c >= 0x200B && c <= 0x200F) ||
           (c >= 0x2028 && c <= 0x202E) || (c >= 0x2060 && c <= 0x2069) || c == 0xFEFF;
}

void append_hex(std::string& out, std::uint32_t value, int digits) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) out += kHex[(value >> shift) & 0xF];
}

}  // namespace

std::string shown(std::string_view text) {
    constexpr std::size_t kLimit = 60;
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size() && pos < kLimit) {
        const CodePoint cp = decode_utf8(text, pos);
        if (!cp.valid) {
            out += "\\x";  // a byte that is not UTF-8
            append_hex(out, static_cast<unsigned char>(text[pos]), 2);
        } else if (is_invisible(cp.value)) {
            out += "<U+";
            append_hex(out, cp.value, 4);
            out += '>';
        } else {
            out.append(text.substr(pos, cp.length));
        }
        pos += cp.length;
    }
    if (pos < text.size()) out += "…";
    return out;
}

std::string quoted(std::string_view text) {
    return cat({"`", shown(text), "`"});
}

std::string cat(std::initializer_list<std::string_view> parts) {
    std::size_t size = 0;
    for (const std::string_view part : parts) size += part.size();
    std::string out;
    out.reserve(size);
    for (const std::string_view part : parts) out.append(part);
    return out;
}

}  // namespace java_text

namespace {

// Integer.parseInt / Long.parseLong: an optional sign, then one or more decimal digits
// (any script's), nothing else; overflow is an error.
Expected<std::int64_t> parse_java_integer(std::string_view text, std::int64_t min, std::int64_t max,
                                          std::string_view type_name) {
    using java_text::cat;
    if (text.empty()) return Error{"an empty value is not a whole number"};
    bool negative = false;
    std::size_t pos = 0;
    if (text[0] == '-' || text[0] == '+') {
        negative = text[0] == '-';
        pos = 1;
    }
    if (pos == text.size()) return Error{cat({java_text::quoted(text), " is a sign without digits"})};
    // Magnitude limit of the side the sign selects; accumulate below it to detect overflow.
    const auto limit =
        negative ? static_cast<std::uint64_t>(-(min + 1)) + 1 : static_cast<std::uint64_t>(max);
    std::uint64_t magnitude = 0;
    bool overflow = false;
    while (pos < text.size()) {
        const java_text::CodePoint cp = java_text::decode_utf8(text, pos);
        const int digit = cp.valid ? java_text::decimal_digit(cp.value) : -1;
        if (digit < 0) {
            return Error{
                cat({java_text::quoted(text),
                     " is not a whole number: only digits with an optional leading + or - are allowed "
                     "(no spaces, units, decimal point or `_`)"})};
        }
        if (!overflow) {
            if (magnitude > (limit - static_cast<std::uint64_t>(digit)) / 10) {
                overflow = true;
            } else {
                magnitude = magnitude * 10 + static_cast<std::uint64_t>(digit);
            }
        }
        pos += cp.length;
    }
    if (overflow) {
        return Error{cat({java_text::quoted(text), " is out of range for ", type_name, " (",
                          std::to_string(min), " to ", std::to_string(max), ")"})};
    }
    if (!negative) return static_cast<std::int64_t>(magnitude);
    return magnitude == 0 ? std::int64_t{0} : -static_cast<std::int64_t>(magnitude - 1) - 1;
}

}  // namespace

Expected<std::int32_t> parse_java_int(std::string_view text) {
    auto result = parse_java_integer(text, std::numeric_limits<std::int32_t>::min(),
                                     std::numeric_limits<std::int32_t>::max(), "an Integer");
    if (!result) return Error{result.error()};
    return static_cast<std::int32_t>(*result);
}

Expected<std::int64_t> parse_java_long(std::string_view text) {
    return parse_java_integer(text, std::numeric_limits<std::int64_t>::min(),
                              std::numeric_limits<std::int64_t>::max(), "a Long");
}

Expected<bool> parse_java_boolean(std::string_view text) {
    // ConfigurationUtils.convertToBoolean: toUpperCase() must equal TRUE or FALSE; no trimming.
    const std::string folded = java_text::upper(text);
    if (folded == "TRUE") return true;
    if (folded == "FALSE") return false;
    return Error{java_text::cat({java_text::quoted(text),
                                 " is not a boolean: Flink accepts only true or false (any case; not yes/no, "
                                 "on/off or 1/0)"})};
}

Expected<std::string> parse_enum(std::string_view text, std::span<const std::string_view> constants) {
    // ConfigurationUtils.convertToEnum: both sides upper-cased with Locale.ROOT; no trimming.
    const std::string folded = java_text::upper(text);
    for (const std::string_view constant : constants) {
        if (java_text::upper(constant) == folded) return std::string(constant);
    }
    std::string message = java_text::cat({java_text::quoted(text), " is not one of "});
    constexpr std::size_t kListed = 24;
    for (std::size_t i = 0; i < constants.size() && i < kListed; ++i) {
        if (i != 0) message += ", ";
        message += constants[i];
    }
    if (constants.size() > kListed) message += ", …";
    if (constants.empty()) message += "the option's values";
    message += " (case does not matter)";
    return Error{std::move(message)};
}

}  // namespace flinklint
