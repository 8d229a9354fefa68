#include "flinklint/text_util.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include <fmt/format.h>

namespace flinklint {

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](char c) { return ascii_lower(c); });
    return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    const std::size_t over = limit + 1;
    if ((n > m ? n - m : m - n) > limit) return over;
    // Three rolling rows: the one before the previous is needed for transpositions. Short words
    // (every key segment the secret check compares) keep them on the stack: no allocation per call.
    constexpr std::size_t kStackRow = 64;
    std::array<std::size_t, 3 * kStackRow> stack_rows{};
    std::vector<std::size_t> heap_rows;
    std::size_t* rows = stack_rows.data();
    if (m + 1 > kStackRow) {
        heap_rows.resize(3 * (m + 1));
        rows = heap_rows.data();
    }
    std::size_t* before = rows;
    std::size_t* previous = rows + (m + 1);
    std::size_t* current = rows + 2 * (m + 1);
    for (std::size_t j = 0; j <= m; ++j) previous[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        current[0] = i;
        std::size_t row_min = current[0];
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            std::size_t best = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                best = std::min(best, before[j - 2] + 1);
            }
            current[j] = best;
            row_min = std::min(row_min, best);
        }
        if (row_min > limit) return over;
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return std::min(previous[m], over);
}

std::vector<std::string_view> command_words(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t start = text.find_first_not_of(" \t\r\n\"';&|", i);
        if (start == std::string_view::npos) break;
        const std::size_t end = std::min(text.find_first_of(" \t\r\n\"';&|", start), text.size());
        out.push_back(text.substr(start, end - start));
        i = end;
    }
    return out;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

std::size_t line_break_at_or_after(std::string_view text, std::size_t from) {
    for (std::size_t i = from; i < text.size(); ++i)
        if (text[i] == '\n' || text[i] == '\r') return i;
    return text.size();
}

bool is_quoted(std::string_view text) {
    return text.size() >= 2 && (text.front() == '"' || text.front() == '\'') && text.back() == text.front();
}

std::string_view strip_quotes(std::string_view text) {
    return is_quoted(text) ? text.substr(1, text.size() - 2) : text;
}

std::string yaml_double_quoted(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
                    out += fmt::format("\\x{:02X}", static_cast<unsigned>(static_cast<unsigned char>(c)));
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

void append_utf8(std::string& out, char32_t code_point) {
    const auto cp = static_cast<std::uint32_t>(code_point);
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

ByteOrderMark byte_order_mark(std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) return ByteOrderMark::utf8;
    if (bytes.starts_with(std::string_view("\xFF\xFE\0\0", 4))) return ByteOrderMark::utf32le;
    if (bytes.starts_with(std::string_view("\0\0\xFE\xFF", 4))) return ByteOrderMark::utf32be;
    // FF FE and FE FF are also two invalid UTF-8 bytes: UTF-16 only with the NUL bytes that the
    // ASCII of any configuration has in it.
    const bool has_nul = bytes.substr(0, 258).find('\0') != std::string_view::npos;
    if (bytes.starts_with("\xFF\xFE") && has_nul) return ByteOrderMark::utf16le;
    if (bytes.starts_with("\xFE\xFF") && has_nul) return ByteOrderMark::utf16be;
    return ByteOrderMark::none;
}

std::string decode_marked_text(std::string_view bytes, ByteOrderMark mark) {
    const bool wide = mark == ByteOrderMark::utf32le || mark == ByteOrderMark::utf32be;
    const bool big_endian = mark == ByteOrderMark::utf16be || mark == ByteOrderMark::utf32be;
    const std::size_t width = wide ? 4 : 2;
    const auto unit_at = [&](std::size_t i) {
        char32_t unit = 0;
        for (std::size_t k = 0; k < width; ++k) {
            const auto byte = static_cast<unsigned char>(bytes[big_endian ? i + k : i + width - 1 - k]);
            unit = (unit << 8) | byte;
        }
        return unit;
    };
    const auto is_surrogate = [](char32_t unit) { return unit >= 0xD800 && unit < 0xE000; };
    std::string out;
    out.reserve(bytes.size() / width + 8);
    std::size_t i = width;  // after the byte order mark, as wide as a unit
    for (; i + width <= bytes.size(); i += width) {
        const char32_t unit = unit_at(i);
        if (!wide && unit >= 0xD800 && unit < 0xDC00 && i + 2 * width <= bytes.size()) {
            const char32_t low = unit_at(i + width);
            if (low >= 0xDC00 && low < 0xE000) {
                append_utf8(out, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
                i += width;
                continue;
            }
        }
        append_utf8(out, is_surrogate(unit) || unit > 0x10FFFF ? U'\uFFFD' : unit);
    }
    if (i < bytes.size()) append_utf8(out, U'\uFFFD');  // a truncated last unit
    return out;
}

std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t& code_point) {
    code_point = U'\uFFFD';
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) {
        code_point = lead;
        return 1;
    }
    struct Form {
        unsigned char mask, value;
        std::size_t length;
        std::uint32_t min;
    };
    static constexpr std::array<Form, 3> forms = {
        {{0xE0, 0xC0, 2, 0x80}, {0xF0, 0xE0, 3, 0x800}, {0xF8, 0xF0, 4, 0x10000}}};
    const auto form = std::ranges::find_if(forms, [&](const Form& f) { return (lead & f.mask) == f.value; });
    if (form == forms.end()) return 1;
    const std::size_t length = form->length;
    const std::uint32_t min = form->min;
    std::uint32_t cp = lead & static_cast<unsigned char>(~form->mask);
    if (i + length > text.size()) return 1;
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 1;
        cp = (cp << 6) | (byte(i + k) & 0x3Fu);
    }
    // Overlong forms, surrogates and values beyond Unicode are invalid.
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 1;
    code_point = static_cast<char32_t>(cp);
    return length;
}

std::string count_of(std::size_t count, std::string_view word) {
    std::string text = std::to_string(count) + " " + std::string(word);
    if (count != 1) text += 's';
    return text;
}

std::size_t first_invalid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {  // the common case, without a call
            ++i;
            continue;
        }
        char32_t cp = 0;
        const std::size_t length = decode_utf8(text, i, cp);
        if (length == 1) return i;  // every valid sequence from a byte >= 0x80 is longer
        i += length;
    }
    return std::string_view::npos;
}

bool is_hidden_control(char32_t cp) {
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F;
}

void append_visible(std::string& out, char32_t cp) {
    if (cp < 0x20) {
        append_utf8(out, static_cast<char32_t>(U'\u2400' + cp));  // Unicode control pictures: ␀ ... ␟
    } else if (cp == 0x7F) {
        append_utf8(out, U'\u2421');
    } else if (is_hidden_control(cp)) {
        append_utf8(out, U'\uFFFD');
    } else {
        append_utf8(out, cp);
    }
}

std::string visible_text(std::string_view text, bool keep_line_breaks) {
    const auto kept = [keep_line_breaks](char32_t cp) {
        return cp == U'\t' || (keep_line_breaks && cp == U'\n') || !is_hidden_control(cp);
    };
    // Most text is ASCII that passes as it is: copy it without decoding.
    const auto plain = [&](char c) {
        return static_cast<unsigned char>(c) < 0x80 && kept(static_cast<unsigned char>(c));
    };
    if (std::all_of(text.begin(), text.end(), plain)) return std::string(text);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = 0;
        i += decode_utf8(text, i, cp);
        if (kept(cp)) {
            append_utf8(out, cp);
        } else {
            append_visible(out, cp);
        }
    }
    return out;
}

}  // namespace flinklint
