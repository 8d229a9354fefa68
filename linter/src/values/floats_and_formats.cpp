// Float.parseFloat / Double.parseDouble (the grammar in Spirit X3, the rounding by std::from_chars),
// Kubernetes quantities, and Flink's printing of memory sizes and durations.
#include <boost/spirit/home/x3.hpp>
#include <charconv>
#include <cmath>
#include <limits>

#include "flinklint/java_text.hpp"
#include "flinklint/values.hpp"

namespace flinklint {
namespace {

namespace x3 = boost::spirit::x3;
using RawRange = boost::iterator_range<const char*>;
__extension__ typedef __int128 Int128;

auto capture(std::string_view& out) {
    return [&out](auto& ctx) {
        const RawRange& range = x3::_attr(ctx);
        out = std::string_view(range.begin(), range.size());
    };
}

// What FloatingDecimal.readJavaFormatString found in a (trimmed) string.
struct FloatText {
    enum class Kind { decimal, hex, nan, infinity } kind = Kind::decimal;
    bool negative = false;
    std::string_view integer_digits, fraction_digits, exponent;  // exponent with its sign
};

std::optional<FloatText> scan_java_float(std::string_view text) {
    FloatText out;
    std::string_view sign;
    const auto set_kind = [&out](FloatText::Kind kind) { return [&out, kind](auto&) { out.kind = kind; }; };
    const auto digit = x3::char_('0', '9');
    const auto hex_digit = x3::char_("0-9a-fA-F");
    const auto suffix = -x3::char_("fFdD");
    const auto signed_digits = x3::raw[-x3::char_("+-") >> +digit][capture(out.exponent)];
    // Regex of parseHexString: 0x(H+.?|H*.H+)p[+-]?D+[fFdD]?
    const auto hex = (x3::lit('0') >> x3::char_("xX") >>
                      (x3::raw[*hex_digit][capture(out.integer_digits)] >> '.' >>
                           x3::raw[+hex_digit][capture(out.fraction_digits)] |
                       x3::raw[+hex_digit][capture(out.integer_digits)] >> -x3::lit('.')) >>
                      x3::char_("pP") >> signed_digits >> suffix >> x3::eps[set_kind(FloatText::Kind::hex)]);
    const auto decimal = (x3::raw[+digit][capture(out.integer_digits)] >>
                              -('.' >> x3::raw[*digit][capture(out.fraction_digits)]) |
                          '.' >> x3::raw[+digit][capture(out.fraction_digits)]) >>
                         -(x3::char_("eE") >> signed_digits) >> suffix;
    const auto grammar = x3::raw[-x3::char_("+-")][capture(sign)] >>
                         (x3::lit("NaN")[set_kind(FloatText::Kind::nan)] |
                          x3::lit("Infinity")[set_kind(FloatText::Kind::infinity)] | hex | decimal);
    const char* first = text.data();
    const char* const last = text.data() + text.size();
    if (!x3::parse(first, last, grammar) || first != last) return std::nullopt;
    out.negative = sign == "-";
    return out;
}

// A signed exponent, clamped far beyond any float's range so the arithmetic cannot overflow.
std::int64_t clamped_exponent(std::string_view text) {
    const bool negative = !text.empty() && text[0] == '-';
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) text.remove_prefix(1);
    std::int64_t value = 0;
    for (const char c : text) value = std::min<std::int64_t>(value * 10 + (c - '0'), 1'000'000'000);
    return negative ? -value : value;
}

// Correctly rounded conversion of the scanned text to T (float or double).
template <class T>
T to_binary_float(const FloatText& text) {
    const T sign = text.negative ? T(-1) : T(1);
    if (text.kind == FloatText::Kind::nan) return std::numeric_limits<T>::quiet_NaN();
    if (text.kind == FloatText::Kind::infinity) return sign * std::numeric_limits<T>::infinity();
    const bool hex = text.kind == FloatText::Kind::hex;
    // value = 0.D * base^exponent with D's first digit non-zero (base 10, or 16 written as a power of 2).
    std::string digits = std::string(text.integer_digits) + std::string(text.fraction_digits);
    const std::size_t first_nonzero = digits.find_first_not_of('0');
    if (first_nonzero == std::string::npos) return sign * T(0);
    const auto leading =
        static_cast<std::int64_t>(text.integer_digits.size()) - static_cast<std::int64_t>(first_nonzero);
    const std::int64_t exponent = clamped_exponent(text.exponent) + (hex ? 4 * leading : leading);
    digits.erase(0, first_nonzero);
    digits.erase(digits.find_last_not_of('0') + 1);
    // Enough digits to decide every rounding, plus a sticky digit for anything dropped.
    const std::size_t keep = hex ? 40 : 800;
    if (digits.size() > keep) {
        const bool dropped_nonzero = digits.find_first_not_of('0', keep) != std::string::npos;
        digits.resize(keep);
        if (dropped_nonzero) digits += '1';
    }
    const std::int64_t out_of_any_range = hex ? 5'000 : 1'000;
    if (exponent > out_of_any_range) return sign * std::numeric_limits<T>::infinity();
    if (exponent < -out_of_any_range) return sign * T(0);
    const std::string normalised = "0." + digits + (hex ? "p" : "e") + std::to_string(exponent);
    T value{};
    const auto result = std::from_chars(normalised.data(), normalised.data() + normalised.size(), value,
                                        hex ? std::chars_format::hex : std::chars_format::general);
    if (result.ec == std::errc::result_out_of_range) {
        return exponent > 0 ? sign * std::numeric_limits<T>::infinity() : sign * T(0);
    }
    return sign * value;
}

template <class T>
Expected<T> parse_java_floating(std::string_view text, std::string_view type_name) {
    const std::string_view trimmed = java_text::trim(text);
    const std::optional<FloatText> scanned = scan_java_float(trimmed);
    if (!scanned) {
        return Error{
            java_text::cat({java_text::quoted(trimmed), " is not ", type_name,
                            ": write a decimal number like `0.4`, `.5` or `1e-3` (no units, `%`, or `,` "
                            "as decimal point)"})};
    }
    return to_binary_float<T>(*scanned);
}

std::string int128_to_string(Int128 value) {
    if (value == 0) return "0";
    const bool negative = value < 0;
    std::string digits;
    while (value != 0) {
        const auto digit = static_cast<int>(value % 10);
        digits += static_cast<char>('0' + (negative ? -digit : digit));
        value /= 10;
    }
    if (negative) digits += '-';
    return {digits.rbegin(), digits.rend()};
}

// Java's %.3f: the shortest decimal form of the double, rounded half-up to three decimals.
std::string format_three_decimals(double value) {
    char buffer[400];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    std::string text(buffer, result.ptr);
    std::size_t dot = text.find('.');
    if (dot == std::string::npos) {
        dot = text.size();
        text += '.';
    }
    text.append(4, '0');  // at least four decimals to look at
    const bool round_up = text[dot + 4] >= '5';
    text.resize(dot + 4);
    for (std::size_t i = text.size(); round_up && i-- > 0;) {
        if (text[i] == '.') continue;
        if (text[i] == '9') {
            text[i] = '0';
            if (i == 0) text.insert(text.begin(), '1');
        } else {
            ++text[i];
            break;
        }
    }
    return text;
}

struct SizeUnit {
    std::uint64_t multiplier;
    const char* label;  // MemoryUnit.getUnits()[1]
};
constexpr SizeUnit kSizeUnits[] = {
    {1, "bytes"}, {1ULL << 10, "kb"}, {1ULL << 20, "mb"}, {1ULL << 30, "gb"}, {1ULL << 40, "tb"}};

}  // namespace

Expected<float> parse_java_float(std::string_view text) {
    return parse_java_floating<float>(text, "a Float");
}

Expected<double> parse_java_double(std::string_view text) {
    return parse_java_floating<double>(text, "a Double");
}

std::optional<KubernetesQuantity> parse_kubernetes_quantity(std::string_view text) {
    KubernetesQuantity out;
    const auto digit = x3::char_('0', '9');
    const auto number = -x3::char_("+-") >> ((+digit >> -('.' >> *digit)) | ('.' >> +digit));
    // Ordered choice without backtracking into it: the exponent before `E`, `Ei` before `E`.
    const auto suffix = (x3::char_("eE") >> -x3::char_("+-") >> +digit) | (x3::char_("KMGTPE") >> 'i') |
                        x3::char_("numkMGTPE");
    const char* first = text.data();
    const char* const last = text.data() + text.size();
    const bool ok =
        x3::parse(first, last, x3::raw[number][capture(out.number)] >> -x3::raw[suffix][capture(out.suffix)]);
    if (!ok || first != last) return std::nullopt;
    return out;
}

std::int64_t JavaDuration::millis() const {
    // Duration.toMillis truncates towards zero; saturate instead of throwing.
    const Int128 total_nanos = static_cast<Int128>(seconds) * 1'000'000'000 + nanos;
    const Int128 total_millis = total_nanos / 1'000'000;
    if (total_millis > std::numeric_limits<std::int64_t>::max())
        return std::numeric_limits<std::int64_t>::max();
    if (total_millis < std::numeric_limits<std::int64_t>::min())
        return std::numeric_limits<std::int64_t>::min();
    return static_cast<std::int64_t>(total_millis);
}

std::string format_memory_size(std::uint64_t bytes) {
    // The unit before the first one that does not divide; a multiple of every unit (0, or whole
    // tebibytes) falls back to bytes, as MemorySize.toString does.
    const SizeUnit* unit = &kSizeUnits[0];
    for (std::size_t i = 1; i < std::size(kSizeUnits); ++i) {
        if (bytes % kSizeUnits[i].multiplier != 0) {
            unit = &kSizeUnits[i - 1];
            break;
        }
    }
    return std::to_string(bytes / unit->multiplier) + " " + unit->label;
}

std::string format_memory_size_human(std::uint64_t bytes) {
    // The largest unit strictly smaller than the size (so exactly 1024 bytes stays in bytes).
    const SizeUnit* unit = &kSizeUnits[0];
    for (const SizeUnit& candidate : kSizeUnits) {
        if (bytes > candidate.multiplier) unit = &candidate;
    }
    if (unit == &kSizeUnits[0]) return std::to_string(bytes) + " bytes";
    const double approximate = static_cast<double>(bytes) / static_cast<double>(unit->multiplier);
    return java_text::cat(
        {format_three_decimals(approximate), unit->label, " (", std::to_string(bytes), " bytes)"});
}

std::string format_duration(const JavaDuration& d) {
    // TimeUtils.formatWithHighestUnit: the largest unit that, with all smaller ones, divides exactly.
    struct Unit {
        std::int64_t nanos;
        const char* label;
    };
    static constexpr Unit units[] = {{1, "ns"},
                                     {1'000, "\xC2\xB5s"},
                                     {1'000'000, "ms"},
                                     {1'000'000'000, "s"},
                                     {60'000'000'000, "min"},
                                     {3'600'000'000'000, "h"},
                                     {86'400'000'000'000, "d"}};
    const Int128 nanos = static_cast<Int128>(d.seconds) * 1'000'000'000 + d.nanos;
    if (nanos == 0) return "0 ms";
    const Unit* highest = &units[0];
    for (const Unit& unit : units) {
        if (nanos % unit.nanos != 0) break;
        highest = &unit;
    }
    return int128_to_string(nanos / highest->nanos) + " " + highest->label;
}

}  // namespace flinklint
