// The Kubernetes operator's memory strings: Flink MemorySize first, else a fabric8 Quantity whose
// BigDecimal byte amount is printed with BigDecimal.toString and handed to Flink as text.
#include "flinklint/operator_memory.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "flinklint/values.hpp"

namespace flinklint {
namespace {

constexpr std::size_t kMaxInputLength = 4096;  // far beyond any real size; bounds the digit arithmetic

// A BigDecimal: sign, magnitude digits (no leading zeros) and scale (value = digits * 10^-scale).
struct Decimal {
    bool negative = false;
    std::string digits = "0";
    std::int64_t scale = 0;
};

std::string strip_leading_zeros(std::string digits) {
    const auto first = digits.find_first_not_of('0');
    return first == std::string::npos ? "0" : digits.substr(first);
}

std::string multiply_digits(const std::string& a, const std::string& b) {
    std::vector<int> product(a.size() + b.size(), 0);
    for (std::size_t i = a.size(); i-- > 0;) {
        for (std::size_t j = b.size(); j-- > 0;) {
            product[i + j + 1] += (a[i] - '0') * (b[j] - '0');
        }
    }
    for (std::size_t k = product.size(); k-- > 1;) {
        product[k - 1] += product[k] / 10;
        product[k] %= 10;
    }
    std::string text;
    for (const int digit : product) text.push_back(static_cast<char>('0' + digit));
    return strip_leading_zeros(text);
}

// BigDecimal(String) for the amount part (the exponent letters were split off as a unit).
std::optional<Decimal> parse_amount(std::string_view text) {
    Decimal decimal;
    if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
        decimal.negative = text.front() == '-';
        text.remove_prefix(1);
    }
    std::string digits;
    bool seen_point = false;
    for (const char c : text) {
        if (c >= '0' && c <= '9') {
            digits.push_back(c);
            if (seen_point) ++decimal.scale;
        } else if (c == '.' && !seen_point) {
            seen_point = true;
        } else {
            return std::nullopt;
        }
    }
    if (digits.empty()) return std::nullopt;
    decimal.digits = strip_leading_zeros(digits);
    if (decimal.digits == "0") decimal.negative = false;
    return decimal;
}

// Integer.parseInt.
std::optional<std::int32_t> parse_int32(std::string_view text) {
    const auto parsed = parse_java_int(text);
    if (!parsed) return std::nullopt;
    return *parsed;
}

// 10^n or 2^n as BigDecimal.pow(n, MathContext.DECIMAL64): exact up to 16 digits, else rounded
// half-even to 16 digits with a negative scale.
Decimal power(std::uint64_t base, std::int32_t exponent) {
    Decimal result;
    const std::uint64_t magnitude = exponent < 0 ? -static_cast<std::int64_t>(exponent) : exponent;
    if (base == 10) {
        if (exponent < 0) return Decimal{false, "1", static_cast<std::int64_t>(magnitude)};
        if (magnitude <= 15) return Decimal{false, std::string("1").append(magnitude, '0'), 0};
        return Decimal{false, std::string("1").append(15, '0'), -static_cast<std::int64_t>(magnitude - 15)};
    }
    // Binary prefixes only use 2^10 .. 2^60.
    __extension__ typedef unsigned __int128 u128;
    const u128 exact = static_cast<u128>(1) << magnitude;
    std::string digits;
    for (u128 value = exact; value > 0; value /= 10)
        digits.insert(digits.begin(), static_cast<char>('0' + value % 10));
    if (digits.size() <= 16) return Decimal{false, digits, 0};
    const std::size_t dropped = digits.size() - 16;
    const u128 divisor = [&] {
        u128 d = 1;
        for (std::size_t i = 0; i < dropped; ++i) d *= 10;
        return d;
    }();
    u128 kept = exact / divisor;
    const u128 remainder = exact % divisor;
    if (remainder * 2 > divisor || (remainder * 2 == divisor && kept % 2 == 1)) ++kept;
    digits.clear();
    for (u128 value = kept; value > 0; value /= 10)
        digits.insert(digits.begin(), static_cast<char>('0' + value % 10));
    result.digits = digits;
    result.scale = -static_cast<std::int64_t>(dropped);
    return result;
}

// Quantity's unit multiplier (getMultiple); nullopt for an unknown format.
std::optional<Decimal> multiplier_for(std::string_view format) {
    const bool has_digit = format.find_first_of("0123456789") != std::string_view::npos;
    if (has_digit && format.size() > 1) {
        // Decimal exponent (`E9`): Integer.parseInt of everything after the first character.
        const auto exponent = parse_int32(format.substr(1));
        if (!exponent || *exponent < -999999999 || *exponent > 999999999) return std::nullopt;
        return power(10, *exponent);
    }
    struct Unit {
        std::string_view name;
        std::uint64_t base;
        std::int32_t exponent;
    };
    static constexpr Unit units[] = {
        {"Ki", 2, 10}, {"Mi", 2, 20}, {"Gi", 2, 30}, {"Ti", 2, 40}, {"Pi", 2, 50}, {"Ei", 2, 60},
        {"n", 10, -9}, {"u", 10, -6}, {"m", 10, -3}, {"k", 10, 3},  {"M", 10, 6},  {"G", 10, 9},
        {"T", 10, 12}, {"P", 10, 15}, {"E", 10, 18}, {"", 10, 0},
    };
    for (const auto& unit : units) {
        if (unit.name == format) return power(unit.base, unit.exponent);
    }
    return std::nullopt;
}

// BigDecimal.toString.
std::string to_java_string(const Decimal& value) {
    std::string text = value.negative ? "-" : "";
    const auto length = static_cast<std::int64_t>(value.digits.size());
    if (value.scale == 0) return text.append(value.digits);
    const std::int64_t adjusted = -value.scale + (length - 1);
    if (value.scale > 0 && adjusted >= -6) {
        if (length > value.scale) {
            const auto point = static_cast<std::size_t>(length - value.scale);
            return text.append(value.digits, 0, point).append(".").append(value.digits, point);
        }
        return text.append("0.")
            .append(static_cast<std::size_t>(value.scale - length), '0')
            .append(value.digits);
    }
    text.append(value.digits, 0, 1);
    if (length > 1) text.append(".").append(value.digits, 1);
    text.append(adjusted > 0 ? "E+" : "E");
    return text.append(std::to_string(adjusted));
}

bool is_unit_char(char c) {
    switch (c) {
        case 'e':
        case 'E':
        case 'i':
        case 'n':
        case 'u':
        case 'm':
        case 'k':
        case 'K':
        case 'M':
        case 'G':
        case 'T':
        case 'P':
            return true;
        default:
            return false;
    }
}

bool is_java_whitespace_regex(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\x0B' || c == '\f' || c == '\r';
}

// formatMemoryStringForK8sSpec: trim, drop \s, upper-case, drop a trailing B, lower a trailing I.
std::string normalise_for_quantity(std::string_view text) {
    std::string result;
    for (const char c : text) {
        if (is_java_whitespace_regex(c)) continue;
        if (static_cast<unsigned char>(c) <= ' ') {
            // trim() also drops other control characters, but only at the ends; keep inner ones.
            result.push_back(c);
            continue;
        }
        result.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    }
    auto is_trimmed = [](char c) { return static_cast<unsigned char>(c) <= ' '; };
    while (!result.empty() && is_trimmed(result.back())) result.pop_back();
    while (!result.empty() && is_trimmed(result.front())) result.erase(result.begin());
    if (!result.empty() && result.back() == 'B') result.pop_back();
    if (!result.empty() && result.back() == 'I') result.back() = 'i';
    return result;
}

}  // namespace

Expected<std::string> operator_memory_config_value(std::string_view text) {
    if (text.size() > kMaxInputLength) return Error{"the memory string is too long"};
    if (const auto bytes = parse_memory_size(text)) return format_memory_size(*bytes);

    std::string quantity = normalise_for_quantity(text);
    if (quantity.empty()) {
        return Error{
            fmt::format("`{}` is empty; it is neither a Flink memory size nor a Kubernetes quantity", text)};
    }
    std::size_t unit_index = 0;
    while (unit_index < quantity.size() && !is_unit_char(quantity[unit_index])) ++unit_index;
    const std::string_view amount_text = std::string_view(quantity).substr(0, unit_index);
    const std::string_view format = std::string_view(quantity).substr(unit_index);
    const auto not_a_quantity =
        Error{fmt::format("`{}` is neither a Flink memory size (e.g. `2g`, `2048m`) nor a Kubernetes "
                          "quantity (e.g. `2Gi`, `2e9`)",
                          text)};
    const bool format_has_digit = format.find_first_of("0123456789") != std::string_view::npos;
    const char last = quantity.back();
    if (format_has_digit && ((last >= 'A' && last <= 'Z') || (last >= 'a' && last <= 'z')))
        return not_a_quantity;
    const auto amount = parse_amount(amount_text);
    const auto multiplier = multiplier_for(format);
    if (!amount || !multiplier) return not_a_quantity;

    Decimal bytes;
    bytes.digits = multiply_digits(amount->digits, multiplier->digits);
    bytes.negative = amount->negative && bytes.digits != "0";
    bytes.scale = amount->scale + multiplier->scale;
    return to_java_string(bytes);
}

Expected<std::uint64_t> parse_operator_memory(std::string_view text) {
    const auto value = operator_memory_config_value(text);
    if (!value) return Error{value.error()};
    const auto bytes = parse_memory_size(*value);
    if (!bytes) {
        return Error{
            fmt::format("the operator turns `{}` into `{}`, which Flink cannot read as a memory size ({}); "
                        "use a whole number of bytes or a binary unit such as `1536m` or `2Gi`",
                        text, *value, bytes.error())};
    }
    return *bytes;
}

}  // namespace flinklint
