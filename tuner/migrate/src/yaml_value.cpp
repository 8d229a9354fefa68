// Legacy values as YAML 1.2 scalars: which plain scalars read back as their text is
// flinklint/yaml_scalar.hpp (the YAML 1.2 core schema Flink's YamlParserUtils loads with).
#include "yaml_value.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "flinklint/yaml_scalar.hpp"

namespace flinklint::migrate {
namespace {

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
    return yaml_single_quoted(text);
}

std::string yaml_scalar(std::string_view text) {
    return plain_is_verbatim(text) ? std::string(text) : yaml_single_quoted(text);
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
