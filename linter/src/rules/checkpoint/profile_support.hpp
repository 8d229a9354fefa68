// What the state rules derive from a declared profile (`check --profile`): state per TaskManager and
// the time a full checkpoint needs to upload it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "flinklint/model.hpp"
#include "flinklint/profile_facts.hpp"
#include "rules/runtime_support.hpp"

namespace flinklint::rules {

struct DeclaredState {
    std::uint64_t total = 0;  // bytes
    std::int32_t taskmanagers = 1;
    bool taskmanagers_declared = false;  // from the profile, not derived from the configuration
    [[nodiscard]] std::uint64_t per_taskmanager() const;
    // "100 GiB of state over 5 TaskManagers (20 GiB each)"
    [[nodiscard]] std::string describe() const;
};

// nullopt without a profile or without a declared state size.
std::optional<DeclaredState> declared_state(const Model& model, const EffectiveConfig& effective);

// `20 GiB`, `512 MiB`: binary units for sizes.
std::string size_text(std::uint64_t bytes);
// `400 MB/s`: decimal units for bandwidth, as the profile writes it.
std::string bandwidth_text(double bytes_per_second);

}  // namespace flinklint::rules
