// Flink's value grammars in Spirit X3: memory sizes (MemorySize.parseBytes), durations
// (TimeUtils.parseDuration, with ISO-8601 from 2.1), lists and maps (StructuredOptionsSplitter)
// and port ranges (NetUtils.getPortRangeFromString). Unit tables and overflow checks are plain code.
#include <boost/spirit/home/x3.hpp>
#include <limits>
#include <optional>
#include <set>

#include "flinklint/java_text.hpp"
#include "flinklint/values.hpp"

namespace flinklint {
namespace {

namespace x3 = boost::spirit::x3;
using RawRange = boost::iterator_range<const char*>;
__extension__ typedef unsigned __int128 Uint128;
__extension__ typedef __int128 Int128;

constexpr auto kInt64Max = static_cast<Int128>(std::numeric_limits<std::int64_t>::max());
constexpr std::int64_t kNanosPerSecond = 1'000'000'000;

// Semantic action storing what a raw[] directive matched.
auto capture(std::string_view& out) {
    return [&out](auto& ctx) {
        const RawRange& range = x3::_attr(ctx);
        out = std::string_view(range.begin(), range.size());
    };
}

template <class Grammar>
bool parse_all(std::string_view text, const Grammar& grammar) {
    const char* first = text.data();
    const char* const last = text.data() + text.size();
    return x3::parse(first, last, grammar) && first == last;
}

using java_text::cat;
using java_text::quoted;

// Character.isWhitespace as an X3 primitive over UTF-8.
struct JavaWhitespaceParser : x3::parser<JavaWhitespaceParser> {
    using attribute_type = x3::unused_type;
    static constexpr bool has_attribute = false;
    template <class Iterator, class Context, class RContext, class Attribute>
    bool parse(Iterator& first, const Iterator& last, const Context&, RContext&, Attribute&) const {
        if (first == last) return false;
        const std::string_view rest(first, static_cast<std::size_t>(last - first));
        const java_text::CodePoint cp = java_text::decode_utf8(rest, 0);
        if (!cp.valid || !java_text::is_whitespace(cp.value)) return false;
        first += cp.length;
        return true;
    }
};
constexpr JavaWhitespaceParser java_whitespace{};

// Digits of an unsigned decimal; nullopt when it does not fit 128 bits.
std::optional<Uint128> decimal_value(std::string_view digits) {
    while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
    if (digits.size() > 38) return std::nullopt;
    Uint128 value = 0;
    for (const char c : digits) value = value * 10 + static_cast<unsigned>(c - '0');
    return value;
}

// MemorySize.parseBytes and TimeUtils.parseDuration read the leading ASCII digits as the number
// and the rest, trimmed and lower-cased, as the unit (spaces between them are fine).
struct NumberAndUnit {
    std::string_view number;
    std::string unit;
};
NumberAndUnit split_number_and_unit(std::string_view trimmed) {
    std::string_view number, rest;
    parse_all(trimmed, x3::raw[*x3::char_('0', '9')][capture(number)] >> x3::raw[*x3::char_][capture(rest)]);
    return {number, java_text::lower(java_text::trim(rest))};
}

// A hint for the usual reasons a unit is wrong.
std::string unit_hint(std::string_view number, std::string_view unit) {
    if (number == "0" && unit.size() >= 2 && unit[0] == 'x') return "; hexadecimal numbers are not allowed";
    if (unit.size() >= 2 && (unit[0] == '.' || unit[0] == ',') && unit[1] >= '0' && unit[1] <= '9') {
        return "; Flink takes whole numbers only, so use a smaller unit instead of a fraction";
    }
    if (unit.size() >= 2 && unit[0] == 'e' &&
        (unit[1] == '+' || unit[1] == '-' || (unit[1] >= '0' && unit[1] <= '9'))) {
        return "; exponents are not allowed";
    }
    return {};
}

// Unit labels as Flink lists them (lower case; empty slots unused).
struct MemoryUnit {
    std::uint64_t multiplier;
    std::string_view labels[3];
};
constexpr MemoryUnit kMemoryUnits[] = {{1, {"b", "bytes"}},
                                       {1ULL << 10, {"k", "kb", "kibibytes"}},
                                       {1ULL << 20, {"m", "mb", "mebibytes"}},
                                       {1ULL << 30, {"g", "gb", "gibibytes"}},
                                       {1ULL << 40, {"t", "tb", "tebibytes"}}};

struct TimeUnit {
    std::int64_t nanos;
    std::string_view labels[5];
};
constexpr TimeUnit kTimeUnits[] = {{86'400 * kNanosPerSecond, {"d", "day", "days"}},
                                   {3'600 * kNanosPerSecond, {"h", "hour", "hours"}},
                                   {60 * kNanosPerSecond, {"min", "m", "minute", "minutes"}},
                                   {kNanosPerSecond, {"s", "sec", "secs", "second", "seconds"}},
                                   {1'000'000, {"ms", "milli", "millis", "millisecond", "milliseconds"}},
                                   {1'000, {"\xC2\xB5s", "micro", "micros", "microsecond", "microseconds"}},
                                   {1, {"ns", "nano", "nanos", "nanosecond", "nanoseconds"}}};

template <class Unit, std::size_t N>
const Unit* find_unit(const Unit (&units)[N], std::string_view label) {
    for (const Unit& unit : units) {
        for (const std::string_view candidate : unit.labels) {
            if (!candidate.empty() && candidate == label) return &unit;
        }
    }
    return nullptr;
}

// Long.parseLong of an ASCII `[-+]?[0-9]+` (as java.time.Duration.parse reads each component).
std::optional<std::int64_t> ascii_long(std::string_view text) {
    const bool negative = !text.empty() && text[0] == '-';
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) text.remove_prefix(1);
    const std::optional<Uint128> magnitude = decimal_value(text);
    if (!magnitude || *magnitude > static_cast<Uint128>(kInt64Max) + (negative ? 1 : 0)) return std::nullopt;
    return negative ? static_cast<std::int64_t>(-static_cast<Int128>(*magnitude))
                    : static_cast<std::int64_t>(*magnitude);
}

bool fits_int64(Int128 value) {
    return value <= kInt64Max && value >= -kInt64Max - 1;
}

// java.time.Duration.parse (`PnDTnHnMn.nS`, case-insensitive), as TimeUtils falls back to it
// from Flink 2.1 when the text does not start with a digit; negative results are refused.
Expected<JavaDuration> parse_iso_duration(std::string_view text) {
    const auto invalid = [&] {
        return Error{quoted(text) + " is neither a number with a unit nor an ISO-8601 duration such as " +
                     "`PT10S` or `P1DT2H`"};
    };
    std::string_view sign, days, time_part, hours, minutes, seconds;
    const auto number = -x3::char_("+-") >> +x3::char_('0', '9');
    const auto component = [&](char unit) { return x3::raw[number >> x3::no_case[x3::lit(unit)]]; };
    const auto seconds_component =
        x3::raw[number >> -(x3::char_(".,") >> x3::repeat(0, 9)[x3::char_('0', '9')]) >>
                x3::no_case[x3::lit('s')]];
    const auto grammar = x3::raw[-x3::char_("+-")][capture(sign)] >> x3::no_case[x3::lit('p')] >>
                         -component('d')[capture(days)] >>
                         -x3::raw[x3::no_case[x3::lit('t')] >> -component('h')[capture(hours)] >>
                                  -component('m')[capture(minutes)] >>
                                  -seconds_component[capture(seconds)]][capture(time_part)];
    if (!parse_all(text, grammar)) return invalid();
    const bool has_time_component = !hours.empty() || !minutes.empty() || !seconds.empty();
    if ((days.empty() && !has_time_component) || (!time_part.empty() && !has_time_component))
        return invalid();

    // Components without their unit letter; seconds split from their fraction.
    const auto value_of = [](std::string_view part) {
        return part.empty() ? "0" : part.substr(0, part.size() - 1);
    };
    std::string_view whole_seconds = value_of(seconds);
    std::string_view fraction;
    if (const auto dot = whole_seconds.find_first_of(".,"); dot != std::string_view::npos) {
        fraction = whole_seconds.substr(dot + 1);
        whole_seconds = whole_seconds.substr(0, dot);
    }
    const auto d = ascii_long(value_of(days)), h = ascii_long(value_of(hours)),
               m = ascii_long(value_of(minutes)), s = ascii_long(whole_seconds);
    if (!d || !h || !m || !s) return Error{quoted(text) + " has a component too large for a Duration"};
    // Same order of exact additions as Duration.parse, so intermediate overflow fails the same way.
    const Int128 day_seconds = static_cast<Int128>(*d) * 86'400,
                 hour_seconds = static_cast<Int128>(*h) * 3'600,
                 minute_seconds = static_cast<Int128>(*m) * 60;
    const Int128 sum1 = minute_seconds + *s, sum2 = hour_seconds + sum1, total_seconds = day_seconds + sum2;
    if (!fits_int64(day_seconds) || !fits_int64(hour_seconds) || !fits_int64(minute_seconds) ||
        !fits_int64(sum1) || !fits_int64(sum2) || !fits_int64(total_seconds)) {
        return Error{quoted(text) + " is too long for a Duration"};
    }
    Int128 fraction_nanos = 0;
    for (std::size_t i = 0; i < 9; ++i)
        fraction_nanos = fraction_nanos * 10 + (i < fraction.size() ? fraction[i] - '0' : 0);
    if (!whole_seconds.empty() && whole_seconds[0] == '-') fraction_nanos = -fraction_nanos;
    Int128 total_nanos = total_seconds * kNanosPerSecond + fraction_nanos;
    if (sign == "-") total_nanos = -total_nanos;
    if (total_nanos < 0) return Error{quoted(text) + " is negative; Flink refuses negative durations"};
    if (total_nanos / kNanosPerSecond > kInt64Max) return Error{quoted(text) + " is too long for a Duration"};
    return JavaDuration{static_cast<std::int64_t>(total_nanos / kNanosPerSecond),
                        static_cast<std::int32_t>(total_nanos % kNanosPerSecond)};
}

}  // namespace

Expected<std::uint64_t> parse_memory_size(std::string_view text) {
    const std::string_view trimmed = java_text::trim(text);
    if (trimmed.empty()) return Error{"an empty value is not a memory size"};
    const NumberAndUnit parts = split_number_and_unit(trimmed);
    if (parts.number.empty()) {
        return Error{quoted(trimmed) +
                     " does not start with a number: a memory size is digits with an optional " +
                     "unit (`512m`, `2 gb`), without sign, decimal point or quotes"};
    }
    std::uint64_t multiplier = 1;
    if (!parts.unit.empty()) {
        const MemoryUnit* unit = find_unit(kMemoryUnits, parts.unit);
        if (unit == nullptr) {
            return Error{cat({"unit '", java_text::shown(parts.unit),
                              "' is not a Flink memory unit (b, k/kb, m/mb, g/gb, t/tb; all 1024-based)",
                              unit_hint(parts.number, parts.unit)})};
        }
        multiplier = unit->multiplier;
    }
    // Long.parseLong first, then the multiplication must stay within Long.MAX_VALUE bytes.
    const std::optional<Uint128> value = decimal_value(parts.number);
    if (!value || *value > static_cast<Uint128>(kInt64Max)) {
        return Error{cat({"the number ", quoted(parts.number), " does not fit in a 64-bit Long"})};
    }
    if (*value * multiplier > static_cast<Uint128>(kInt64Max)) {
        return Error{quoted(trimmed) +
                     " is more than 9223372036854775807 bytes (8 EiB), the most Flink can hold"};
    }
    return static_cast<std::uint64_t>(*value * multiplier);
}

Expected<JavaDuration> parse_duration(std::string_view text, FlinkVersion version) {
    const std::string_view trimmed = java_text::trim(text);
    if (trimmed.empty()) return Error{"an empty value is not a duration"};
    const NumberAndUnit parts = split_number_and_unit(trimmed);
    if (parts.number.empty()) {
        if (version >= FlinkVersion{2, 1}) return parse_iso_duration(trimmed);
        std::string message =
            quoted(trimmed) + " does not start with a number: a duration is digits with an " +
            "optional unit (`10 s`, `5 min`; no unit means milliseconds), without sign or decimal point";
        const std::string_view unsigned_text = trimmed.substr(trimmed[0] == '+' || trimmed[0] == '-' ? 1 : 0);
        if (!unsigned_text.empty() && (unsigned_text[0] == 'P' || unsigned_text[0] == 'p')) {
            message += "; ISO-8601 durations like `PT10S` are read only from Flink 2.1";
        }
        return Error{message};
    }
    std::int64_t unit_nanos = 1'000'000;  // no unit: milliseconds
    if (!parts.unit.empty()) {
        const TimeUnit* unit = find_unit(kTimeUnits, parts.unit);
        if (unit == nullptr) {
            return Error{
                cat({"unit '", java_text::shown(parts.unit),
                     "' is not a Flink time unit (d, h, min or m, s, ms, \xC2\xB5s, ns, or their long forms "
                     "like `minutes`; no weeks or years)",
                     unit_hint(parts.number, parts.unit)})};
        }
        unit_nanos = unit->nanos;
    }
    // Up to 1.20 the number is a Long; from 2.0 a BigInteger. Either way the result must fit a
    // java.time.Duration (Long.MAX_VALUE seconds).
    const std::optional<Uint128> value = decimal_value(parts.number);
    if (version < FlinkVersion{2, 0} && (!value || *value > static_cast<Uint128>(kInt64Max))) {
        return Error{cat({"the number ", quoted(parts.number), " does not fit in a 64-bit Long"})};
    }
    const auto too_long = [&] {
        return Error{quoted(trimmed) + " is too long for a Duration (numeric overflow)"};
    };
    if (!value) return too_long();
    Uint128 seconds = 0, nanos = 0;
    if (unit_nanos >= kNanosPerSecond) {
        const auto unit_seconds = static_cast<Uint128>(unit_nanos / kNanosPerSecond);
        if (*value > static_cast<Uint128>(kInt64Max) / unit_seconds) return too_long();
        seconds = *value * unit_seconds;
    } else {
        const auto per_second = static_cast<Uint128>(kNanosPerSecond / unit_nanos);
        seconds = *value / per_second;
        nanos = (*value % per_second) * static_cast<Uint128>(unit_nanos);
    }
    if (seconds > static_cast<Uint128>(kInt64Max)) return too_long();
    return JavaDuration{static_cast<std::int64_t>(seconds), static_cast<std::int32_t>(nanos)};
}

namespace {

// StructuredOptionsSplitter.splitEscaped: tokens are '...' or "..." (a doubled quote escapes it),
// delimiters, whitespace (skipped) and unquoted runs up to the next delimiter (trimmed).
// A quoted token must be followed by a delimiter or the end.
Expected<std::vector<std::string>> split_escaped(std::string_view text, char delimiter) {
    struct Token {
        enum class Kind { quoted, unquoted, delimiter } kind;
        std::string_view raw;
    };
    std::vector<Token> tokens;
    const auto add = [&tokens](Token::Kind kind) {
        return [&tokens, kind](auto& ctx) {
            const RawRange& range = x3::_attr(ctx);
            tokens.push_back({kind, std::string_view(range.begin(), range.size())});
        };
    };
    const auto quoted_by = [](char quote) {
        return x3::lit(quote) >> *(x3::lit(quote) >> x3::lit(quote) | ~x3::char_(quote)) >> x3::lit(quote);
    };
    const auto unquoted_start = x3::char_ - java_whitespace - x3::char_("'\"") - x3::lit(delimiter);
    const auto grammar = *(x3::raw[quoted_by('\'') | quoted_by('"')][add(Token::Kind::quoted)] |
                           x3::raw[x3::lit(delimiter)][add(Token::Kind::delimiter)] | java_whitespace |
                           x3::raw[unquoted_start >> *~x3::char_(delimiter)][add(Token::Kind::unquoted)]);
    const char* first = text.data();
    const char* const last = text.data() + text.size();
    x3::parse(first, last, grammar);
    if (first != last) {
        return Error{cat({"the quote at byte ", std::to_string(first - text.data() + 1), " of ", quoted(text),
                          " is never closed"})};
    }
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& token = tokens[i];
        const bool next_is_delimiter = i + 1 < tokens.size() && tokens[i + 1].kind == Token::Kind::delimiter;
        switch (token.kind) {
            case Token::Kind::quoted: {
                if (i + 1 < tokens.size() && !next_is_delimiter) {
                    return Error{cat({"in ", quoted(text), ", the quoted part ", quoted(token.raw),
                                      " is followed by ", quoted(tokens[i + 1].raw), " instead of `",
                                      std::string_view(&delimiter, 1), "`: quote whole elements only"})};
                }
                const char quote = token.raw.front();
                std::string unescaped;
                const std::string_view body = token.raw.substr(1, token.raw.size() - 2);
                for (std::size_t k = 0; k < body.size(); ++k) {
                    unescaped += body[k];
                    if (body[k] == quote) ++k;  // the doubled quote stands for one
                }
                parts.push_back(std::move(unescaped));
                break;
            }
            case Token::Kind::unquoted:
                parts.emplace_back(java_text::trim(token.raw));
                break;
            case Token::Kind::delimiter:
                if (next_is_delimiter) parts.emplace_back();
                break;
        }
    }
    return parts;
}

}  // namespace

Expected<std::vector<std::string>> parse_list(std::string_view text) {
    return split_escaped(text, ';');
}

Expected<std::vector<std::pair<std::string, std::string>>> parse_map(std::string_view text) {
    auto entries = split_escaped(text, ',');
    if (!entries) return Error{entries.error()};
    std::vector<std::pair<std::string, std::string>> map;
    std::set<std::string, std::less<>> keys;
    for (const std::string& entry : *entries) {
        auto pair = split_escaped(entry, ':');
        if (!pair) return Error{pair.error()};
        if (pair->size() != 2) {
            return Error{
                cat({"map entry ", quoted(entry), " is not a key:value pair (exactly one unquoted `:`; ",
                     "quote the whole entry to use `:` inside a key or value)"})};
        }
        // Collectors.toMap refuses a key given twice.
        if (!keys.insert((*pair)[0]).second)
            return Error{cat({"map key ", quoted((*pair)[0]), " is given twice"})};
        map.emplace_back(std::move((*pair)[0]), std::move((*pair)[1]));
    }
    return map;
}

Expected<std::vector<PortRange>> parse_port_ranges(std::string_view text) {
    // String.split(","): pieces between commas; trailing empty pieces are dropped.
    std::vector<std::string_view> pieces;
    const auto add_piece = [&pieces](auto& ctx) {
        const RawRange& range = x3::_attr(ctx);
        pieces.emplace_back(range.begin(), range.size());
    };
    const std::string_view trimmed = java_text::trim(text);
    parse_all(trimmed, x3::raw[*~x3::char_(',')][add_piece] % ',');
    if (pieces.size() > 1) {
        while (!pieces.empty() && pieces.back().empty()) pieces.pop_back();
    }
    const auto port = [&](std::string_view number) -> Expected<int> {
        const auto value = parse_java_int(number);
        if (!value) return Error{cat({"in port spec ", quoted(trimmed), ": ", value.error()})};
        if (*value < 0 || *value > 65'535) {
            return Error{
                cat({"port ", std::to_string(*value), " in ", quoted(trimmed), " is outside 0..65535"})};
        }
        return *value;
    };
    std::vector<PortRange> ranges;
    for (const std::string_view piece : pieces) {
        std::string_view first_text, last_text;
        bool is_range = false;
        parse_all(java_text::trim(piece), x3::raw[*~x3::char_('-')][capture(first_text)] >>
                                              -(x3::lit('-')[([&](auto&) { is_range = true; })] >>
                                                x3::raw[*x3::char_][capture(last_text)]));
        const auto first = port(first_text);
        if (!first) return Error{first.error()};
        if (!is_range) {
            ranges.push_back({*first, *first});
            continue;
        }
        const auto last = port(last_text);
        if (!last) return Error{last.error()};
        ranges.push_back({*first, *last});  // first > last is an empty range, which Flink accepts
    }
    return ranges;
}

}  // namespace flinklint
