// YAML 1.2 core schema (snakeyaml-engine, as Flink's YamlParserUtils loads config.yaml): a plain
// scalar that looks like null, a bool, an int or a float is that type, and Flink reads a String
// option from its toString(), so `0x10` would become `16`; `yes`/`on` stay strings in 1.2 but
// are booleans to the YAML 1.1 readers of Kubernetes tooling: both are quoted.
#include "yaml_value.hpp"

#include <algorithm>
#include <regex>
#include <vector>

#include <fmt/format.h>

namespace flinklint::migrate {
namespace {

bool matches(std::string_view text, const std::regex& re) {
    return std::regex_match(text.begin(), text.end(), re);
}

// Would the core schema give this plain scalar a type other than string?
bool typed_in_core_schema(std::string_view t) {
    static const std::regex null_re("~|null|Null|NULL");
    static const std::regex bool_re("true|True|TRUE|false|False|FALSE");
    static const std::regex int_re("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
    static const std::regex float_re(
        "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN");
    return matches(t, null_re) || matches(t, bool_re) || matches(t, int_re) || matches(t, float_re);
}

// A typed scalar whose toString() in Java is its own text: Flink reads a String option the same.
bool canonical_typed(std::string_view t) {
    static const std::regex re(
        "true|false|-?(0|[1-9][0-9]{0,17})|-?(0|[1-9][0-9]{0,5})\\.([0-9]{0,5}[1-9]|0)");
    return matches(t, re);
}

bool yaml11_bool(std::string_view t) {
    static const std::regex re("y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF");
    return matches(t, re);
}

std::string trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return std::string(s);
}

// Splits on `sep` outside single or double quotes (StructuredOptionsSplitter's escaping).
std::vector<std::string> split_unquoted(std::string_view text, char sep) {
    std::vector<std::string> parts(1);
    char quote = 0;
    for (const char c : text) {
        if (quote != 0) {
            if (c == quote) quote = 0;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == sep) {
            parts.emplace_back();
            continue;
        }
        parts.back() += c;
    }
    for (std::string& part : parts) part = trim(part);
    return parts;
}

// An element of a legacy list or map, quotes of the splitter removed.
std::string element(std::string_view text) {
    if (text.size() >= 2 && (text.front() == '\'' || text.front() == '"') && text.back() == text.front())
        return std::string(text.substr(1, text.size() - 2));
    return std::string(text);
}

std::string flow_scalar(std::string_view text) {
    // Inside flow collections `,`, `[`, `]`, `{`, `}` are syntax too.
    if (text.find_first_of(",[]{}") != std::string_view::npos) return yaml_scalar_quoted(text);
    return yaml_scalar(text);
}

std::optional<std::string> flow_map(std::string_view text) {
    std::vector<std::string> pairs;
    for (const std::string& part : split_unquoted(text, ',')) {
        if (part.empty()) continue;
        const std::vector<std::string> kv = split_unquoted(part, ':');
        if (kv.size() < 2) return std::nullopt;
        const std::size_t colon = part.find(':');
        pairs.push_back(fmt::format("{}: {}", flow_scalar(element(kv[0])),
                                    flow_scalar(element(trim(std::string_view(part).substr(colon + 1))))));
    }
    return fmt::format("{{{}}}", fmt::join(pairs, ", "));
}

// What YAML reads from a quoted scalar (the escapes legacy values use: '' and \", \\).
std::string unquote(std::string_view quoted) {
    const char q = quoted.front();
    const std::string_view inner = quoted.substr(1, quoted.size() - 2);
    std::string out;
    for (std::size_t i = 0; i < inner.size(); ++i) {
        const bool pair = i + 1 < inner.size();
        if (q == '\'' && inner[i] == '\'' && pair && inner[i + 1] == '\'')
            ++i;
        else if (q == '"' && inner[i] == '\\' && pair && (inner[i + 1] == '"' || inner[i + 1] == '\\'))
            ++i;
        out += inner[i];
    }
    return out;
}

}  // namespace

std::string yaml_scalar_quoted(std::string_view text) {
    std::string out = "'";
    for (const char c : text) {
        if (c == '\'') out += '\'';
        out += c;
    }
    return out + "'";
}

bool plain_is_verbatim(std::string_view t) {
    if (t.empty() || t != trim(t)) return false;
    if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(t.front()) != std::string_view::npos) {
        // `-`, `?` and `:` start a plain scalar only when followed by a non-space.
        const bool indicator_ok = (t.front() == '-' || t.front() == '?' || t.front() == ':') &&
                                  t.size() > 1 && t[1] != ' ' && t[1] != '\t';
        if (!indicator_ok) return false;
    }
    if (t.find(": ") != std::string_view::npos || t.find(" #") != std::string_view::npos) return false;
    if (t.back() == ':') return false;
    if (t.find_first_of("\t\r\n") != std::string_view::npos) return false;
    return (!typed_in_core_schema(t) || canonical_typed(t)) && !yaml11_bool(t);
}

std::string yaml_scalar(std::string_view text) {
    return plain_is_verbatim(text) ? std::string(text) : yaml_scalar_quoted(text);
}

std::optional<ValueRewrite> legacy_value_as_yaml(std::string_view value, OptionType type) {
    const bool list =
        type == OptionType::list_string || type == OptionType::list_enum || type == OptionType::list_map;
    // Already written as YAML: the legacy parser would have read one odd string, Flink 2.x the list.
    if ((list && value.starts_with('[')) || (type == OptionType::map && value.starts_with('{')))
        return std::nullopt;
    if (list && type != OptionType::list_map) {
        std::vector<std::string> items;
        for (const std::string& part : split_unquoted(value, ';'))
            if (!part.empty()) items.push_back(flow_scalar(element(part)));
        return ValueRewrite{fmt::format("[{}]", fmt::join(items, ", ")),
                            "a legacy `;` list: Flink 2.x reads lists as YAML sequences"};
    }
    if (type == OptionType::map) {
        if (auto map = flow_map(value))
            return ValueRewrite{*map, "a legacy `k:v,k2:v2` map: Flink 2.x reads maps as YAML mappings"};
    }
    if (type == OptionType::list_map) {
        std::vector<std::string> maps;
        for (const std::string& part : split_unquoted(value, ';')) {
            auto map = part.empty() ? std::nullopt : flow_map(part);
            if (!map) return std::nullopt;
            maps.push_back(*map);
        }
        return ValueRewrite{fmt::format("[{}]", fmt::join(maps, ", ")),
                            "a legacy list of maps: Flink 2.x reads it as a YAML sequence of mappings"};
    }
    const bool quoted =
        value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front();
    if (quoted) {
        return ValueRewrite{yaml_scalar(unquote(value)),
                            "the legacy parser kept the quotes as part of the value; YAML removes them"};
    }
    // Typed scalars are what numeric and boolean options want; strings must stay strings.
    const bool typed_ok =
        typed_in_core_schema(value) &&
        (type == OptionType::integer || type == OptionType::long_ || type == OptionType::float_ ||
         type == OptionType::double_ || type == OptionType::boolean);
    if (typed_ok || plain_is_verbatim(value)) return std::nullopt;
    return ValueRewrite{yaml_scalar_quoted(value),
                        "quoted: as a plain YAML scalar it would read differently"};
}

}  // namespace flinklint::migrate
