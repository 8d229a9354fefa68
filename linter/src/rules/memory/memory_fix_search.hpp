// The smallest change that lets Flink start a process, found by running the memory model on changed
// configurations (FL301, FL302, FL306 help lines).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "rules/memory/memory_support.hpp"

namespace flinklint::rules {

// Sizes are searched in whole MiB up to this bound (16 TiB).
inline constexpr std::uint64_t kSearchLimitMiB = 1ULL << 24;

// Derives `process` on the configuration of `effective` with `change` applied: nullopt on success,
// else the category.
std::optional<std::string> failure_category(const EffectiveConfig& effective, Process process,
                                            const ConfigChange& change);

// The smallest whole MiB above the current value (`raise`), or the largest below it, for `key` at which
// `accept` holds, given the change that sets `key` to it; `accept` must be monotone in that direction.
// nullopt when even the bound fails.
std::optional<std::uint64_t> search_mib(const std::string& key, std::uint64_t current, bool raise,
                                        const std::function<bool(const ConfigChange&)>& accept);

// One or two changes, with numbers, that make Flink start the process; empty when none is found.
std::string memory_fix_help(const EffectiveConfig& effective, Process process, const MemoryError& error);

}  // namespace flinklint::rules
