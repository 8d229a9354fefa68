// Reading schemas/*.tsv (written by scripts/gen_catalogs.py) into OptionInfo rows.
#include <array>
#include <optional>
#include <utility>

#include "catalog/catalog_internal.hpp"
#include "flinklint/catalog.hpp"

namespace flinklint {
namespace {

using catalog_detail::TsvRow;

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

std::vector<std::string> split_list(std::string_view cell) {
    std::vector<std::string> out;
    catalog_detail::for_each_listed(cell, [&out](std::string_view part) { out.emplace_back(part); });
    return out;
}

// The lines worth reading: empty lines and `#` comments are skipped, a trailing '\r' dropped.
class Lines {
public:
    explicit Lines(std::string_view text) : text_(text) {}
    bool next(std::string_view& line) {
        while (start_ <= text_.size()) {
            std::size_t end = text_.find('\n', start_);
            if (end == std::string_view::npos) end = text_.size();
            line = text_.substr(start_, end - start_);
            start_ = end + 1;
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            if (!line.empty() && line.front() != '#') return true;
        }
        return false;
    }

    // Skips the lines both stand before byte for byte: one memchr and one memcmp a line.
    static void skip_common(Lines& a, Lines& b) {
        while (a.start_ < a.text_.size() && b.start_ < b.text_.size()) {
            const std::string_view rest = a.text_.substr(a.start_);
            const std::size_t length = rest.find('\n') + 1;  // 0 without a newline: stop
            if (length == 0 || b.text_.compare(b.start_, length, rest.substr(0, length)) != 0) return;
            a.start_ += length;
            b.start_ += length;
        }
    }

private:
    std::string_view text_;
    std::size_t start_ = 0;
};

// Column positions, found by name in the header so the file may add columns.
class Columns {
public:
    // The first line naming a `key` column is the header; nullopt when there is none.
    static std::optional<Columns> read_header(Lines& lines, std::string_view* header = nullptr) {
        std::string_view line;
        while (lines.next(line)) {
            Columns columns(line);
            if (columns.key_ == kNone) continue;
            if (header != nullptr) *header = line;
            return columns;
        }
        return std::nullopt;
    }

    // Splits only as far as the last column read.
    [[nodiscard]] TsvRow row(std::string_view line) const {
        TsvRow row;
        std::size_t start = 0;
        for (std::size_t column = 0; column < fields_.size(); ++column) {
            const std::size_t tab = line.find('\t', start);
            const std::string_view cell =
                line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start);
            if (fields_[column] != nullptr) row.*fields_[column] = cell;
            if (column == documented_) row.documented = cell == "y";
            if (column == deprecated_) row.deprecated = cell == "y";
            if (tab == std::string_view::npos) break;
            start = tab + 1;
        }
        return row;
    }

    [[nodiscard]] std::string_view key(std::string_view line) const {
        std::size_t start = 0;
        for (std::size_t column = 0; column < key_; ++column) {
            start = line.find('\t', start);
            if (start == std::string_view::npos) return {};
            ++start;
        }
        return line.substr(start, line.find('\t', start) - start);
    }

private:
    static constexpr std::size_t kNone = std::string_view::npos;

    explicit Columns(std::string_view header) {
        static constexpr std::array<std::pair<std::string_view, std::string_view TsvRow::*>, 7> kViews = {{
            {"key", &TsvRow::key},
            {"type", &TsvRow::type},
            {"default", &TsvRow::default_value},
            {"enum_values", &TsvRow::enum_values},
            {"deprecated_keys", &TsvRow::deprecated_keys},
            {"fallback_keys", &TsvRow::fallback_keys},
            {"scope", &TsvRow::scope},
        }};
        for (std::size_t column = 0, start = 0;; ++column) {
            const std::size_t tab = header.find('\t', start);
            const std::string_view name =
                header.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start);
            fields_.push_back(nullptr);
            for (const auto& [view_name, field] : kViews) {
                if (name == view_name) fields_.back() = field;
            }
            if (name == "key") key_ = column;
            if (name == "documented") documented_ = column;
            if (name == "deprecated") deprecated_ = column;
            if (tab == std::string_view::npos) break;
            start = tab + 1;
        }
        // Columns past the last one read are never split.
        while (!fields_.empty() && fields_.back() == nullptr && fields_.size() - 1 != documented_ &&
               fields_.size() - 1 != deprecated_) {
            fields_.pop_back();
        }
    }

    std::vector<std::string_view TsvRow::*> fields_;  // by column: the field it fills, if any
    std::size_t key_ = kNone, documented_ = kNone, deprecated_ = kNone;
};

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
    Lines lines(text);
    const auto columns = Columns::read_header(lines);
    if (!columns) return rows;
    for (std::string_view line; lines.next(line);) {
        const TsvRow row = columns->row(line);
        if (!row.key.empty()) rows.push_back(row);
    }
    return rows;
}

std::optional<std::vector<TsvRow>> rows_not_in(std::string_view text, std::string_view reference) {
    Lines ours(text), theirs(reference);
    std::string_view our_header, their_header;
    const auto columns = Columns::read_header(ours, &our_header);
    if (!columns || !Columns::read_header(theirs, &their_header) || our_header != their_header)
        return std::nullopt;
    // A merge of two key-sorted files: equal lines are skipped at the cost of a comparison. Only a
    // line equal to one of the reference is skipped, so unsorted files cost time, never rows.
    std::vector<TsvRow> rows;
    std::string_view line, other;
    bool more = true, more_other = true, next_line = true, next_other = true;
    while (true) {
        if (next_line && next_other) Lines::skip_common(ours, theirs);
        if (next_line) more = ours.next(line);
        if (next_other) more_other = more_other && theirs.next(other);
        next_line = next_other = false;
        if (!more) return rows;
        if (more_other && line == other) {
            next_line = next_other = true;
            continue;
        }
        const std::string_view key = columns->key(line);
        const std::string_view other_key = more_other ? columns->key(other) : std::string_view();
        if (more_other && other_key < key) {
            next_other = true;
            continue;
        }
        if (const TsvRow row = columns->row(line); !row.key.empty()) rows.push_back(row);
        next_other = more_other && other_key == key;
        next_line = true;
    }
}

std::vector<OptionInfo> to_options(const std::vector<TsvRow>& rows) {
    std::vector<OptionInfo> options(rows.size());  // filled in place: a check builds ~1200 of them
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const TsvRow& row = rows[i];
        OptionInfo& option = options[i];
        option.key = row.key;
        option.type = parse_option_type(row.type);
        if (row.default_value != "(none)") option.default_value = row.default_value;
        // Most list cells are empty.
        if (!row.enum_values.empty()) option.enum_values = split_list(row.enum_values);
        if (!row.deprecated_keys.empty()) option.deprecated_keys = split_list(row.deprecated_keys);
        if (!row.fallback_keys.empty()) option.fallback_keys = split_list(row.fallback_keys);
        option.documented = row.documented;
        option.deprecated = row.deprecated;
        if (!row.scope.empty()) {
            option.operator_option = true;
            option.operator_scope =
                row.scope == "operator" ? OperatorScope::operator_wide : OperatorScope::resource;
        }
    }
    return options;
}

}  // namespace catalog_detail

std::vector<OptionInfo> parse_catalog_tsv(std::string_view text) {
    return catalog_detail::to_options(catalog_detail::scan_catalog_tsv(text));
}

}  // namespace flinklint
