// Rewriting a rejected value into a spelling the option accepts, only where both mean exactly the
// same: durations for Long options counted in milliseconds, Kubernetes-style or fractional sizes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "flinklint/catalog.hpp"
#include "flinklint/model.hpp"
#include "flinklint/reporter.hpp"

namespace flinklint::rules {

struct Respelling {
    std::string value;        // what to write
    std::string explanation;  // "2 min in milliseconds"
};

// An exact spelling of `value` that Flink `version` accepts for `option`, or nullopt:
//   `2 min` for a Long option in milliseconds (heartbeat.timeout up to 1.19)  -> `120000`
//   `2GiB`, `2Gi` for a MemorySize                                           -> `2g`
//   `1.5g` for a MemorySize (Flink reads whole numbers only)                  -> `1536m`
std::optional<Respelling> exact_respelling(const OptionInfo& option, std::string_view value,
                                           FlinkVersion version);

// A fix that writes `respelling` over the value of `entry` (inside its quotes when YAML quoted it).
std::optional<Fix> respell_value_fix(const ConfigEntry& entry, const FlinkConfig& config,
                                     const Respelling& respelling);

// The edit that writes `text` over the value of `entry` (inside its YAML quotes); nullopt when the
// value cannot be edited exactly.
std::optional<Edit> value_edit(const ConfigEntry& entry, const FlinkConfig& config, std::string text);

}  // namespace flinklint::rules
