#include "flinklint/memory_arithmetic.hpp"

#include <charconv>
#include <cmath>
#include <string_view>

namespace flinklint::memory {
namespace {

__extension__ typedef unsigned __int128 u128;

// The shortest decimal that round-trips `value` (> 0, finite): digits * 10^exponent.
struct Decimal {
    std::uint64_t digits = 0;
    int exponent = 0;
    int digit_count = 0;
};

Decimal shortest_decimal(double value) {
    char buffer[64];
    // Without a precision, to_chars picks the shortest round-trip digits (what JDK 19+ prints,
    // and what older JDKs print for the fractions Flink meets in practice).
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    const std::string_view text(buffer, static_cast<std::size_t>(result.ptr - buffer));
    Decimal decimal;
    std::size_t i = 0;
    for (; i < text.size() && text[i] != 'e'; ++i) {
        if (text[i] >= '0' && text[i] <= '9') {
            decimal.digits = decimal.digits * 10 + static_cast<std::uint64_t>(text[i] - '0');
            ++decimal.digit_count;
        }
    }
    int scientific_exponent = 0;
    if (i < text.size()) {
        std::string_view exponent_text = text.substr(i + 1);
        if (!exponent_text.empty() && exponent_text.front() == '+') exponent_text.remove_prefix(1);
        std::from_chars(exponent_text.data(), exponent_text.data() + exponent_text.size(),
                        scientific_exponent);
    }
    decimal.exponent = scientific_exponent - (decimal.digit_count - 1);
    return decimal;
}

u128 power_of_ten(int n) {
    u128 result = 1;
    for (int i = 0; i < n; ++i) result *= 10;
    return result;
}

}  // namespace

std::optional<std::uint64_t> multiply_bytes(std::uint64_t bytes, double multiplier) {
    if (!(multiplier >= 0) || !std::isfinite(multiplier) || bytes > kMaxBytes) return std::nullopt;
    if (multiplier == 0 || bytes == 0) return 0;
    const Decimal decimal = shortest_decimal(multiplier);
    // bytes < 2^63 and digits < 10^17 < 2^57, so the product fits in 128 bits.
    u128 product = static_cast<u128>(bytes) * decimal.digits;
    if (decimal.exponent >= 0) {
        for (int i = 0; i < decimal.exponent; ++i) {
            if (product > kMaxBytes) return std::nullopt;
            product *= 10;
        }
    } else {
        const int shift = -decimal.exponent;
        // 10^38 exceeds any product; beyond it the truncated result is 0.
        if (shift > 38) return 0;
        product /= power_of_ten(shift);
    }
    if (product > kMaxBytes) return std::nullopt;
    return static_cast<std::uint64_t>(product);
}

std::optional<std::uint64_t> add_bytes(std::uint64_t a, std::uint64_t b) {
    if (a > kMaxBytes || b > kMaxBytes - a) return std::nullopt;
    return a + b;
}

std::string java_double_text(double value) {
    if (std::isnan(value)) return "NaN";
    if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
    std::string text = std::signbit(value) ? "-" : "";
    const double magnitude = std::fabs(value);
    if (magnitude == 0) return text.append("0.0");
    const Decimal decimal = shortest_decimal(magnitude);
    const std::string digits = std::to_string(decimal.digits);
    const int point = decimal.digit_count + decimal.exponent;  // digits before the decimal point
    // Like Double.toString: plain notation in [10^-3, 10^7), else d.dddE<n>.
    if (magnitude >= 1e-3 && magnitude < 1e7) {
        if (point <= 0) {
            text.append("0.").append(static_cast<std::size_t>(-point), '0').append(digits);
        } else if (point >= decimal.digit_count) {
            text.append(digits)
                .append(static_cast<std::size_t>(point - decimal.digit_count), '0')
                .append(".0");
        } else {
            const auto split = static_cast<std::size_t>(point);
            text.append(digits, 0, split).append(".").append(digits, split);
        }
        return text;
    }
    text.append(digits, 0, 1).append(".");
    text.append(digits.size() > 1 ? digits.substr(1) : std::string("0"));
    return text.append("E").append(std::to_string(point - 1));
}

bool is_valid_range_fraction(std::uint64_t min, std::uint64_t max, double fraction) {
    return min <= max && fraction >= 0 && fraction < 1;
}

std::uint64_t cap_to_range(std::uint64_t bytes, const RangeFraction& range) {
    if (bytes > range.max) return range.max;
    if (bytes < range.min) return range.min;
    return bytes;
}

std::optional<std::uint64_t> derive_with_fraction(std::uint64_t base, const RangeFraction& range) {
    const auto relative = multiply_bytes(base, range.fraction);
    if (!relative) return std::nullopt;
    return cap_to_range(*relative, range);
}

std::optional<std::uint64_t> derive_with_inverse_fraction(std::uint64_t base, const RangeFraction& range) {
    const auto relative = multiply_bytes(base, range.fraction / (1 - range.fraction));
    if (!relative) return std::nullopt;
    return cap_to_range(*relative, range);
}

}  // namespace flinklint::memory
