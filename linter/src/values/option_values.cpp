// ConfigurationUtils.convertValue as a yes/no with a reason: which written values Flink can
// convert to an option's type, given what the legacy parser or the YAML loader made of them.
#include "flinklint/option_values.hpp"

#include <cmath>
#include <limits>

#include "flinklint/java_text.hpp"
#include "flinklint/values.hpp"

namespace flinklint {
namespace {

using java_text::cat;
using java_text::quoted;

std::string type_label(OptionType type) {
    switch (type) {
        case OptionType::boolean:
            return "a Boolean";
        case OptionType::integer:
            return "an Integer";
        case OptionType::long_:
            return "a Long";
        case OptionType::float_:
            return "a Float";
        case OptionType::double_:
            return "a Double";
        case OptionType::duration:
            return "a Duration";
        case OptionType::memory_size:
            return "a MemorySize";
        case OptionType::enumeration:
            return "an enum";
        case OptionType::map:
            return "a Map";
        case OptionType::list_string:
            return "a List<String>";
        case OptionType::list_map:
            return "a List<Map>";
        case OptionType::list_enum:
            return "a List of enum values";
        case OptionType::string_:
        case OptionType::unknown:
            break;
    }
    return "a String";
}

std::string kind_label(ValueKind kind) {
    switch (kind) {
        case ValueKind::integer:
            return "a YAML integer";
        case ValueKind::floating:
            return "a YAML float";
        case ValueKind::boolean:
            return "a YAML boolean";
        case ValueKind::list:
            return "a YAML list";
        case ValueKind::map:
            return "a YAML mapping";
        case ValueKind::null:
            return "a YAML null";
        case ValueKind::string:
            break;
    }
    return "a string";
}

std::string refusal(OptionType type, const std::string& reason) {
    return cat({"Flink reads this option as ", type_label(type), ", and ", reason});
}

// The text Integer/Long/BigInteger.toString() gives for a YAML 1.2 core-schema int
// (`+0x1F` -> `31`, `007` -> `7`), since Flink converts the number the loader built, not its text.
std::string yaml_int_as_java_text(std::string_view text) {
    std::string_view body = text;
    const bool negative = !body.empty() && body[0] == '-';
    if (!body.empty() && (body[0] == '-' || body[0] == '+')) body.remove_prefix(1);
    unsigned base = 10;
    if (body.size() > 2 && body[0] == '0' && (body[1] == 'x' || body[1] == 'o')) {
        base = body[1] == 'x' ? 16 : 8;
        body.remove_prefix(2);
    }
    auto digit_value = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return 99;
    };
    while (!body.empty() && body[0] == '0') body.remove_prefix(1);
    for (const char c : body) {
        if (digit_value(c) >= static_cast<int>(base)) return std::string(text);  // not a core-schema int
    }
    if (body.empty()) return "0";
    // Beyond a few thousand digits every type but String refuses (or, for Float/Double, reads
    // Infinity) whatever the exact value: stand in a number of the same kind without the bignum cost.
    if (body.size() > 2'000) return (negative ? "-1" : "1") + std::string(2'000, '0');
    std::string decimal = "0";  // little-endian base-10 digits of the value
    for (const char c : body) {
        unsigned carry = static_cast<unsigned>(digit_value(c));
        for (char& d : decimal) {
            const unsigned v = static_cast<unsigned>(d - '0') * base + carry;
            d = static_cast<char>('0' + v % 10);
            carry = v / 10;
        }
        for (; carry != 0; carry /= 10) decimal += static_cast<char>('0' + carry % 10);
    }
    while (decimal.size() > 1 && decimal.back() == '0') decimal.pop_back();
    if (negative && decimal != "0") decimal += '-';
    return {decimal.rbegin(), decimal.rend()};
}

// A YAML 1.2 core-schema float as the Double the loader builds.
std::optional<double> yaml_float_value(std::string_view text) {
    std::string_view body = text;
    const bool negative = !body.empty() && body[0] == '-';
    if (!body.empty() && (body[0] == '-' || body[0] == '+')) body.remove_prefix(1);
    if (body == ".inf" || body == ".Inf" || body == ".INF") {
        return negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    }
    if (text == ".nan" || text == ".NaN" || text == ".NAN") return std::numeric_limits<double>::quiet_NaN();
    const auto value = parse_java_double(text);
    return value ? std::optional<double>(*value) : std::nullopt;
}

// Elements of a plain YAML flow sequence (`[a, 'b', "c"]`); nullopt when it is anything more
// involved, which flinklint then does not judge.
std::optional<std::vector<std::string>> simple_flow_sequence(std::string_view text) {
    text = java_text::trim(text);
    if (text.size() < 2 || text.front() != '[' || text.back() != ']') return std::nullopt;
    const std::string_view inner = java_text::trim(text.substr(1, text.size() - 2));
    std::vector<std::string> elements;
    if (inner.empty()) return elements;
    if (inner.find_first_of("[]{}#&*!|>%@`\\") != std::string_view::npos) return std::nullopt;
    std::size_t start = 0;
    while (start <= inner.size()) {
        const std::size_t comma = inner.find(',', start);
        const std::size_t end = comma == std::string_view::npos ? inner.size() : comma;
        std::string_view element = java_text::trim(inner.substr(start, end - start));
        if (element.size() >= 2 && (element.front() == '\'' || element.front() == '"') &&
            element.back() == element.front()) {
            element = element.substr(1, element.size() - 2);
        }
        if (element.empty() || element.find_first_of("'\"") != std::string_view::npos) return std::nullopt;
        elements.emplace_back(element);
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return elements;
}

// From 1.19 a config.yaml string for a List or Map option is first read as YAML, then with the
// `;` / `,` splitter if that fails; flinklint cannot judge the YAML reading, so it lets such text pass.
bool may_be_yaml_list(std::string_view text, FlinkVersion version) {
    text = java_text::trim(text);
    return version >= FlinkVersion{1, 19} && (text.starts_with('[') || text.starts_with("- "));
}
bool may_be_yaml_map(std::string_view text, FlinkVersion version) {
    text = java_text::trim(text);
    return version >= FlinkVersion{1, 19} &&
           (text.starts_with('{') || text.find(": ") != std::string_view::npos);
}

std::optional<std::string> check_enum_elements(const std::vector<std::string>& elements,
                                               std::span<const std::string_view> enum_values) {
    for (const std::string& element : elements) {
        if (auto parsed = parse_enum(element, enum_values); !parsed) return cat({"element ", parsed.error()});
    }
    return std::nullopt;
}

// The reason `text` (a string, or a scalar's Java text) fails as `type`; nullopt when it converts.
std::optional<std::string> check_text(OptionType type, std::span<const std::string_view> enum_values,
                                      std::string_view text, FlinkVersion version) {
    const auto error_of = [](const auto& parsed) -> std::optional<std::string> {
        if (parsed) return std::nullopt;
        return parsed.error();
    };
    switch (type) {
        case OptionType::boolean:
            return error_of(parse_java_boolean(text));
        case OptionType::integer:
            return error_of(parse_java_int(text));
        case OptionType::long_:
            return error_of(parse_java_long(text));
        case OptionType::float_:
            return error_of(parse_java_float(text));
        case OptionType::double_:
            return error_of(parse_java_double(text));
        case OptionType::duration:
            return error_of(parse_duration(text, version));
        case OptionType::memory_size:
            return error_of(parse_memory_size(text));
        case OptionType::enumeration:
            return error_of(parse_enum(text, enum_values));
        case OptionType::map: {
            auto error = error_of(parse_map(text));
            if (error && may_be_yaml_map(text, version)) return std::nullopt;
            return error;
        }
        case OptionType::list_string:
        case OptionType::list_map:
        case OptionType::list_enum: {
            if (type == OptionType::list_enum && version >= FlinkVersion{1, 19}) {
                if (auto elements = simple_flow_sequence(text))
                    return check_enum_elements(*elements, enum_values);
            }
            auto elements = parse_list(text);
            if (!elements) {
                if (may_be_yaml_list(text, version)) return std::nullopt;
                return elements.error();
            }
            if (type == OptionType::list_enum) {
                auto error = check_enum_elements(*elements, enum_values);
                if (error && may_be_yaml_list(text, version)) return std::nullopt;
                return error;
            }
            if (type == OptionType::list_map) {
                for (const std::string& element : *elements) {
                    if (auto map = parse_map(element); !map)
                        return cat({"list element ", quoted(element), ": ", map.error()});
                }
            }
            return std::nullopt;
        }
        case OptionType::string_:
        case OptionType::unknown:
            break;
    }
    return std::nullopt;
}

// ConfigurationUtils.convertToFloat of a Double: in float range (or zero), else refused.
bool fits_float(double value) {
    const double magnitude = std::fabs(value);
    return value == 0.0 || (magnitude >= std::numeric_limits<float>::denorm_min() &&
                            magnitude <= std::numeric_limits<float>::max());
}

}  // namespace

std::optional<std::string> check_option_value(OptionType type, std::span<const std::string_view> enum_values,
                                              std::string_view value, ValueKind kind, FlinkVersion version) {
    if (kind == ValueKind::null || type == OptionType::string_ || type == OptionType::unknown)
        return std::nullopt;
    const bool list_type =
        type == OptionType::list_string || type == OptionType::list_map || type == OptionType::list_enum;
    const auto not_a = [&] {
        return refusal(type, cat({kind_label(kind), " (", quoted(value), ") is not one"}));
    };

    switch (kind) {
        case ValueKind::list: {
            if (!list_type) return not_a();
            if (type != OptionType::list_enum) return std::nullopt;
            const auto elements = simple_flow_sequence(value);
            if (!elements) return std::nullopt;
            auto error = check_enum_elements(*elements, enum_values);
            return error ? std::optional<std::string>(refusal(type, *error)) : std::nullopt;
        }
        case ValueKind::map:
            if (type == OptionType::map) return std::nullopt;
            return not_a();
        case ValueKind::boolean:
            if (type == OptionType::boolean || type == OptionType::list_string) return std::nullopt;
            // Boolean.toString(): `true` / `false`.
            if (auto error = check_text(type, enum_values, java_text::lower(value), version)) return not_a();
            return std::nullopt;
        case ValueKind::floating: {
            if (type == OptionType::double_ || type == OptionType::list_string) return std::nullopt;
            if (type == OptionType::float_) {
                const std::optional<double> number = yaml_float_value(value);
                if (!number || fits_float(*number)) return std::nullopt;
                return refusal(type, cat({quoted(value), " is outside the range of a float"}));
            }
            // Double.toString() always has a `.`, `E`, `NaN` or `Infinity`: no other type reads it.
            return not_a();
        }
        case ValueKind::integer: {
            if (auto error = check_text(type, enum_values, yaml_int_as_java_text(value), version)) {
                return refusal(type, cat({"the YAML integer ", *error}));
            }
            return std::nullopt;
        }
        case ValueKind::string:
        case ValueKind::null:
            break;
    }

    auto error = check_text(type, enum_values, value, version);
    if (!error) return std::nullopt;
    std::string message = refusal(type, *error);
    // Legacy flink-conf.yaml keeps quotes in the value; say so when they are the only problem.
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
        value.back() == value.front()) {
        const std::string_view inner = value.substr(1, value.size() - 2);
        if (!check_text(type, enum_values, inner, version)) {
            message += cat({"; flink-conf.yaml keeps quotes as part of the value, so write ", quoted(inner),
                            " without them"});
        }
    }
    return message;
}

}  // namespace flinklint
