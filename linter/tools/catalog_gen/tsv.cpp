// Reading schemas/*.tsv (written by scripts/gen_catalogs.py) into rows of views.
#include <array>
#include <optional>
#include <utility>

#include "tsv.hpp"

namespace flinklint {
namespace {

using catalog_gen::TsvRow;

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

private:
    std::string_view text_;
    std::size_t start_ = 0;
};

// Column positions, found by name in the header so the file may add columns.
class Columns {
public:
    // The first line naming a `key` column is the header; nullopt when there is none.
    static std::optional<Columns> read_header(Lines& lines) {
        std::string_view line;
        while (lines.next(line)) {
            Columns columns(line);
            if (columns.key_ == kNone) continue;
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

namespace catalog_gen {

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

}  // namespace catalog_gen

std::string catalog_gen::cpp_literal(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20 || byte >= 0x7F) {
            // Three octal digits always: a following digit can never extend the escape.
            out += '\\';
            out += static_cast<char>('0' + (byte >> 6));
            out += static_cast<char>('0' + ((byte >> 3) & 7));
            out += static_cast<char>('0' + (byte & 7));
        } else {
            out += c;
        }
    }
    return out + "\"";
}

}  // namespace flinklint
