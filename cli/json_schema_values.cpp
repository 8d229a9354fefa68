// Value schemas: what each option type accepts, as the parsers of linter/src/values/ read it.
// An editor parses the file as YAML, so a value arrives as a number, boolean or string; each type
// accepts the YAML types Flink converts and the string spellings Flink's parsers take.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "cli/json_schema.hpp"
#include "flinklint/option_descriptions.hpp"
#include "flinklint/values.hpp"

namespace flinklint::cli {
namespace {

using json = nlohmann::json;

// `ms` -> `[mM][sS]`: Flink lower-cases units and upper-cases enum constants before comparing.
std::string any_case(std::string_view text) {
    std::string out;
    for (const char c : text) {
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (letter) {
            const char lower = static_cast<char>(c | 0x20);
            out += fmt::format("[{}{}]", lower, static_cast<char>(lower & ~0x20));
        } else if (std::string_view("\\^$.|?*+()[]{}/").find(c) != std::string_view::npos) {
            out += '\\';
            out += c;
        } else {
            out += c;
        }
    }
    return out;
}

std::string alternatives(const std::vector<std::string_view>& words) {
    std::string out;
    for (const std::string_view word : words) {
        if (!out.empty()) out += '|';
        out += any_case(word);
    }
    return out;
}

// TimeUtils.parseDuration: digits, an optional unit (no unit: milliseconds), Java's trim around.
std::string duration_pattern(FlinkVersion version) {
    const std::string units = alternatives({"d",         "day",   "days",   "h",           "hour",
                                            "hours",     "min",   "m",      "minute",      "minutes",
                                            "s",         "sec",   "secs",   "second",      "seconds",
                                            "ms",        "milli", "millis", "millisecond", "milliseconds",
                                            "\xC2\xB5s", "micro", "micros", "microsecond", "microseconds",
                                            "ns",        "nano",  "nanos",  "nanosecond",  "nanoseconds"});
    std::string pattern = "^\\s*(?:[0-9]+\\s*(?:" + units + ")?";
    // From 2.1 a value that does not start with a digit is read by java.time.Duration.parse.
    if (version >= FlinkVersion{2, 1}) {
        pattern +=
            "|[+-]?[pP](?:[+-]?[0-9]+[dD])?(?:[tT](?:[+-]?[0-9]+[hH])?(?:[+-]?[0-9]+[mM])?"
            "(?:[+-]?[0-9]+(?:[.,][0-9]{0,9})?[sS])?)?";
    }
    return pattern + ")\\s*$";
}

// MemorySize.parseBytes: digits and an optional 1024-based unit (no unit: bytes).
std::string memory_pattern() {
    return "^\\s*[0-9]+\\s*(?:" +
           alternatives({"b", "bytes", "k", "kb", "kibibytes", "m", "mb", "mebibytes", "g", "gb", "gibibytes",
                         "t", "tb", "tebibytes"}) +
           ")?\\s*$";
}

// Double.parseDouble / Float.parseFloat: decimal or exponent notation, NaN and Infinity, an
// optional f/d suffix, Java's trim around.
constexpr std::string_view kFloatPattern =
    "^\\s*[+-]?(?:NaN|Infinity|(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?[fFdD]?)\\s*$";

json any_of(std::initializer_list<json> schemas) {
    json list = json::array();
    for (const json& schema : schemas) list.push_back(schema);
    return json{{"anyOf", std::move(list)}};
}

json text(std::string_view pattern) {
    return json{{"type", "string"}, {"pattern", pattern}};
}

json enum_schema(std::span<const std::string_view> values) {
    if (values.empty()) return json{{"type", "string"}};
    std::vector<std::string_view> words(values.begin(), values.end());
    // The declared spelling for completion; any other case too, as Flink compares upper-cased.
    return any_of({json{{"enum", json(words)}}, text("^(?:" + alternatives(words) + ")$")});
}

json integer_schema(long long min, long long max) {
    return any_of({json{{"type", "integer"}, {"minimum", min}, {"maximum", max}}, text("^[+-]?[0-9]+$")});
}

}  // namespace

json value_schema(const OptionInfo& option, FlinkVersion version) {
    const json scalar =
        any_of({json{{"type", "string"}}, json{{"type", "number"}}, json{{"type", "boolean"}}});
    switch (option.type) {
        case OptionType::boolean:
            return any_of({json{{"type", "boolean"}}, text("^(?:" + alternatives({"true", "false"}) + ")$")});
        case OptionType::integer:
            return integer_schema(-2147483648LL, 2147483647LL);
        case OptionType::long_:
            return integer_schema(INT64_MIN, INT64_MAX);
        case OptionType::float_:
        case OptionType::double_:
            return any_of({json{{"type", "number"}}, text(kFloatPattern)});
        case OptionType::duration:
            return any_of({json{{"type", "integer"}, {"minimum", 0}}, text(duration_pattern(version))});
        case OptionType::memory_size:
            return any_of({json{{"type", "integer"}, {"minimum", 0}}, text(memory_pattern())});
        case OptionType::enumeration:
            return enum_schema(option.enum_values);
        case OptionType::map:
            // `k1:v1,k2:v2`, or a YAML map from 1.19.
            return any_of({json{{"type", "object"}}, json{{"type", "string"}}});
        case OptionType::list_string:
        case OptionType::list_map:
        case OptionType::list_enum:
            // `a;b;c`, or a YAML sequence from 1.19; a lone scalar is a one-element list.
            return any_of({json{{"type", "array"}}, json{{"type", "string"}}, json{{"type", "number"}},
                           json{{"type", "boolean"}}});
        case OptionType::string_:
            return scalar;
        case OptionType::unknown:
            break;
    }
    return json::object();
}

namespace {

// The default as the editor should insert it: typed where the YAML type is the natural spelling.
std::optional<json> default_of(const OptionInfo& option) {
    const std::string_view text = option.default_value;
    // `(none)`, `(computed)` (the docs describe it) and `java:<expr>` (undocumented) name no value.
    if (text.empty() || text.starts_with('(') || text.starts_with("java:")) return std::nullopt;
    switch (option.type) {
        case OptionType::boolean:
            if (const auto value = parse_java_boolean(text)) return json(*value);
            return std::nullopt;
        case OptionType::integer:
        case OptionType::long_:
            if (const auto value = parse_java_long(text)) return json(*value);
            return std::nullopt;
        case OptionType::float_:
        case OptionType::double_:
            if (const auto value = parse_java_double(text)) return json(*value);
            return std::nullopt;
        default:
            return json(text);
    }
}

std::string key_list(const std::vector<const OptionInfo*>& options) {
    std::string out;
    for (const OptionInfo* option : options) out += (out.empty() ? "`" : "`, `") + std::string(option->key);
    return out + "`";
}

}  // namespace

json option_schema(const Catalog& catalog, const OptionInfo& option, FlinkVersion version) {
    json schema = value_schema(option, version);
    if (auto value = default_of(option)) schema["default"] = *value;
    if (const std::string_view about = option_description(option.key, version); !about.empty())
        schema["description"] = about;
    if (option.deprecated) {
        schema["deprecated"] = true;
        const auto readers = catalog.options_reading(option.key);
        schema["deprecationMessage"] =
            readers.empty() ? fmt::format("`{}` is deprecated in Flink {}.", option.key, version.str())
                            : fmt::format("`{}` is deprecated in Flink {}: use {}.", option.key,
                                          version.str(), key_list(readers));
    }
    // Internal and undocumented keys are valid but never offered.
    if (!option.documented) schema["doNotSuggest"] = true;
    return schema;
}

json alias_schema(const OptionInfo& option, std::string_view alias, bool deprecated, FlinkVersion version) {
    json schema = value_schema(option, version);
    if (deprecated) {
        schema["deprecated"] = true;
        schema["deprecationMessage"] = fmt::format("`{}` is a deprecated key of `{}` in Flink {}: use `{}`.",
                                                   alias, option.key, version.str(), option.key);
        schema["doNotSuggest"] = true;
    } else {
        schema["description"] =
            fmt::format("Flink {} reads `{}` when `{}` is not set.", version.str(), alias, option.key);
    }
    return schema;
}

}  // namespace flinklint::cli
