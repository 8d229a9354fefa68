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

// The cells of one line, reusing `out`'s storage (the parse allocates nothing per line for cells).
void split_cells(std::string_view line, std::vector<std::string_view>& out) {
    out.clear();
    std::size_t start = 0;
    while (true) {
        const std::size_t end = line.find('\t', start);
        if (end == std::string_view::npos) {
            out.push_back(line.substr(start));
            return;
        }
        out.push_back(line.substr(start, end - start));
        start = end + 1;
    }
}

std::vector<std::string> split_list(std::string_view cell) {
    std::vector<std::string> out;
    catalog_detail::for_each_listed(cell, [&out](std::string_view part) { out.emplace_back(part); });
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
    return catalog_detail::key_is_pattern(key);
}

namespace catalog_detail {

std::vector<TsvRow> scan_catalog_tsv(std::string_view text) {
    std::vector<TsvRow> rows;
    Columns columns;
    bool have_header = false;
    std::vector<std::string_view> cells;
    for (std::size_t start = 0; start <= text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        split_cells(line, cells);
        if (!have_header) {
            columns.assign(cells);
            have_header = columns.key >= 0;
            continue;
        }
        TsvRow row;
        row.key = cell(cells, columns.key);
        if (row.key.empty()) continue;
        row.type = cell(cells, columns.type);
        row.default_value = cell(cells, columns.default_value);
        row.enum_values = cell(cells, columns.enum_values);
        row.deprecated_keys = cell(cells, columns.deprecated_keys);
        row.fallback_keys = cell(cells, columns.fallback_keys);
        row.documented = cell(cells, columns.documented) == "y";
        row.deprecated = cell(cells, columns.deprecated) == "y";
        row.scope = cell(cells, columns.scope);
        rows.push_back(row);
    }
    return rows;
}

OptionInfo to_option(const TsvRow& row) {
    OptionInfo option;
    option.key = std::string(row.key);
    option.type = parse_option_type(row.type);
    if (row.default_value != "(none)") option.default_value = std::string(row.default_value);
    option.enum_values = split_list(row.enum_values);
    option.deprecated_keys = split_list(row.deprecated_keys);
    option.fallback_keys = split_list(row.fallback_keys);
    option.documented = row.documented;
    option.deprecated = row.deprecated;
    if (!row.scope.empty()) {
        option.operator_option = true;
        option.operator_scope =
            row.scope == "operator" ? OperatorScope::operator_wide : OperatorScope::resource;
    }
    return option;
}

}  // namespace catalog_detail

std::vector<OptionInfo> parse_catalog_tsv(std::string_view text) {
    const std::vector<catalog_detail::TsvRow> rows = catalog_detail::scan_catalog_tsv(text);
    std::vector<OptionInfo> options;
    options.reserve(rows.size());
    for (const catalog_detail::TsvRow& row : rows) options.push_back(catalog_detail::to_option(row));
    return options;
}

}  // namespace flinklint
