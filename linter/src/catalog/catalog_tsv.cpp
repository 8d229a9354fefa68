// Reading schemas/*.tsv (written by scripts/gen_catalogs.py) into OptionInfo rows.
#include <array>
#include <utility>

#include "catalog/catalog_internal.hpp"
#include "flinklint/catalog.hpp"

namespace flinklint {
namespace {

constexpr std::array<std::pair<OptionType, std::string_view>, 14> kTypeNames = {{
    {OptionType::string_, "String"},
    {OptionType::boolean, "Boolean"},
    {OptionType::integer, "Integer"},
    {OptionType::long_, "Long"},
    {OptionType::float_, "Float"},
    {OptionType::double_, "Double"},
    {OptionType::duration, "Duration"},
    {OptionType::memory_size, "MemorySize"},
    {OptionType::enumeration, "Enum"},
    {OptionType::map, "Map"},
    {OptionType::list_string, "List<String>"},
    {OptionType::list_map, "List<Map>"},
    {OptionType::list_enum, "List<Enum>"},
    {OptionType::unknown, "?"},
}};

std::vector<std::string_view> split(std::string_view text, char sep) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find(sep, start);
        out.push_back(
            text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) return out;
        start = end + 1;
    }
}

std::vector<std::string> split_list(std::string_view cell) {
    std::vector<std::string> out;
    if (cell.empty()) return out;
    for (std::string_view part : split(cell, '|')) {
        if (!part.empty()) out.emplace_back(part);
    }
    return out;
}

// Column positions, found by name in the header so the file may add columns.
struct Columns {
    int key = -1, type = -1, default_value = -1, enum_values = -1, deprecated_keys = -1;
    int fallback_keys = -1, documented = -1, deprecated = -1, scope = -1;

    void assign(const std::vector<std::string_view>& header) {
        for (std::size_t i = 0; i < header.size(); ++i) {
            const std::string_view name = header[i];
            const int index = static_cast<int>(i);
            if (name == "key")
                key = index;
            else if (name == "type")
                type = index;
            else if (name == "default")
                default_value = index;
            else if (name == "enum_values")
                enum_values = index;
            else if (name == "deprecated_keys")
                deprecated_keys = index;
            else if (name == "fallback_keys")
                fallback_keys = index;
            else if (name == "documented")
                documented = index;
            else if (name == "deprecated")
                deprecated = index;
            else if (name == "scope")
                scope = index;
        }
    }
};

std::string_view cell(const std::vector<std::string_view>& cells, int index) {
    if (index < 0 || static_cast<std::size_t>(index) >= cells.size()) return {};
    return cells[static_cast<std::size_t>(index)];
}

}  // namespace

std::string_view to_string(OptionType type) {
    for (const auto& [value, name] : kTypeNames) {
        if (value == type) return name;
    }
    return "?";
}

OptionType parse_option_type(std::string_view text) {
    for (const auto& [value, name] : kTypeNames) {
        if (name == text) return value;
    }
    return OptionType::unknown;
}

bool OptionInfo::is_pattern() const {
    for (std::string_view segment : catalog_detail::split_segments(key)) {
        if (catalog_detail::is_placeholder(segment) || catalog_detail::is_open_placeholder(segment))
            return true;
    }
    return false;
}

std::vector<OptionInfo> parse_catalog_tsv(std::string_view text) {
    std::vector<OptionInfo> options;
    Columns columns;
    bool have_header = false;
    for (std::string_view line : split(text, '\n')) {
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        const std::vector<std::string_view> cells = split(line, '\t');
        if (!have_header) {
            columns.assign(cells);
            have_header = columns.key >= 0;
            continue;
        }
        const std::string_view key = cell(cells, columns.key);
        if (key.empty()) continue;
        OptionInfo option;
        option.key = std::string(key);
        option.type = parse_option_type(cell(cells, columns.type));
        const std::string_view default_value = cell(cells, columns.default_value);
        if (default_value != "(none)") option.default_value = std::string(default_value);
        option.enum_values = split_list(cell(cells, columns.enum_values));
        option.deprecated_keys = split_list(cell(cells, columns.deprecated_keys));
        option.fallback_keys = split_list(cell(cells, columns.fallback_keys));
        option.documented = cell(cells, columns.documented) == "y";
        option.deprecated = cell(cells, columns.deprecated) == "y";
        const std::string_view scope = cell(cells, columns.scope);
        if (!scope.empty()) {
            option.operator_option = true;
            option.operator_scope =
                scope == "operator" ? OperatorScope::operator_wide : OperatorScope::resource;
        }
        options.push_back(std::move(option));
    }
    return options;
}

}  // namespace flinklint
