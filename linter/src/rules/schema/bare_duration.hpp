// A Duration written as a bare number that was most likely meant in seconds (FL112
// duration-read-as-milliseconds); other rules about the same value leave it to FL112.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "flinklint/catalog.hpp"
#include "flinklint/version.hpp"

namespace flinklint::rules {

// The number, when `text` is a bare number (digits only) for the Duration `option` that Flink reads as
// milliseconds (TimeUtils.parseDuration) and that is below a hundredth of the option's default in
// `version` (a default of at least 1 s), while the same number of seconds is a natural setting (below 60
// or whole minutes); nullopt otherwise.
std::optional<std::int64_t> bare_number_seconds_meant(const OptionInfo& option, std::string_view text,
                                                      FlinkVersion version);

}  // namespace flinklint::rules
