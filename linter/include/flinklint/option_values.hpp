// Whether Flink can convert a written value to an option's type (ConfigurationUtils.convertValue).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "flinklint/value_kinds.hpp"
#include "flinklint/version.hpp"

namespace flinklint {

// Why Flink `version` would refuse `value` for an option of `type` (nullopt: Flink accepts it).
// `value` is what the reader produced: legacy values keep their quotes (`"1728m"` fails as a
// MemorySize), YAML scalars arrive unquoted with `kind` saying what YAML made of them.
// Null values are left to the rule about nulls (nullopt); String and unknown types accept anything.
std::optional<std::string> check_option_value(OptionType type, std::span<const std::string_view> enum_values,
                                              std::string_view value, ValueKind kind, FlinkVersion version);

}  // namespace flinklint
