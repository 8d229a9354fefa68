// One row of a schemas/*.tsv file, as views into the file's text (list cells still `a|b`).
#pragma once

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

}  // namespace flinklint::catalog_gen
