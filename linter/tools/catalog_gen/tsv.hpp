// One row of a schemas/*.tsv file, as views into the file's text (list cells still `a|b`).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flinklint::catalog_gen {

struct TsvRow {
    std::string_view key, type, default_value, enum_values, deprecated_keys, fallback_keys, scope;
    bool documented = false;
    bool deprecated = false;
};

// The rows in file order; malformed lines are skipped. Columns are found by name in the header.
std::vector<TsvRow> scan_catalog_tsv(std::string_view text);

// A C++ string literal holding `text` (bytes outside printable ASCII as octal escapes).
std::string cpp_literal(std::string_view text);

// Writes the description table (linter/src/catalog/description_table.hpp) of schemas/descriptions.tsv
// to `output`; an error message when the file is malformed or cannot be written.
std::optional<std::string> write_descriptions(const std::string& output, std::string_view tsv);

}  // namespace flinklint::catalog_gen
