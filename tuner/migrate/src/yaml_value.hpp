// Legacy flink-conf.yaml values written as YAML 1.2 (config.yaml) so that Flink 2.x reads what
// the legacy parser read: `a;b` lists and `k:v,k2:v2` maps in YAML syntax, quotes where a plain
// scalar would mean something else.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "flinklint/value_kinds.hpp"

namespace flinklint::migrate {

struct ValueRewrite {
    std::string text;    // the value as it is written now
    std::string reason;  // why it changed
};

// nullopt when the legacy value already reads the same as a YAML scalar. `type` is the option's
// type in the target version (unknown for keys the catalog lacks).
std::optional<ValueRewrite> legacy_value_as_yaml(std::string_view value, OptionType type);

// `text` single-quoted, `'` doubled.
std::string yaml_scalar_quoted(std::string_view text);

// `text` as a YAML scalar that reads as exactly `text` (single-quoted when plain would not).
std::string yaml_scalar(std::string_view text);

}  // namespace flinklint::migrate
