// The fix for FL826 config-values-not-strings: quote every unquoted number and boolean of a
// flinkConfiguration, as the string-only CRD of operators up to 1.12 requires.
#pragma once

#include <optional>

#include "flinklint/diagnostic.hpp"
#include "flinklint/model.hpp"

namespace flinklint::rules {

// Safe when every value keeps its text (`2`, `0.4`, `true`); nullopt when a value cannot be quoted
// without changing what the operator passes on (`0x1F`, `1e3`, `True`, `0.40`), or when the
// configuration has nested keys, lists or nulls, which quoting does not cure.
std::optional<Fix> quote_values_fix(const FlinkConfig& config);

}  // namespace flinklint::rules
