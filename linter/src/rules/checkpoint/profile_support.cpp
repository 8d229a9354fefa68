#include "rules/checkpoint/profile_support.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "flinklint/values.hpp"

namespace flinklint::rules {

std::uint64_t DeclaredState::per_taskmanager() const {
    const auto tms = static_cast<std::uint64_t>(taskmanagers > 0 ? taskmanagers : 1);
    return total / tms + (total % tms != 0 ? 1 : 0);
}

std::string DeclaredState::describe() const {
    if (taskmanagers <= 1) return fmt::format("{} of state on one TaskManager", size_text(total));
    return fmt::format("{} of state over {} TaskManagers{} ({} each)", size_text(total), taskmanagers,
                       taskmanagers_declared ? "" : " (derived from parallelism and slots)",
                       size_text(per_taskmanager()));
}

std::optional<DeclaredState> declared_state(const Model& model, const EffectiveConfig& effective) {
    const ProfileFacts* profile = model.profile();
    if (profile == nullptr || !profile->state_size || *profile->state_size == 0) return std::nullopt;
    DeclaredState state;
    state.total = *profile->state_size;
    if (profile->taskmanagers && *profile->taskmanagers > 0) {
        state.taskmanagers = *profile->taskmanagers;
        state.taskmanagers_declared = true;
        return state;
    }
    // Without a declared count: as many TaskManagers as the parallelism needs slots.
    const auto parallelism = int_setting(effective, {"parallelism.default"});
    const auto slots = int_setting(effective, {"taskmanager.numberOfTaskSlots"}).value_or(1);
    if (parallelism && *parallelism > 0 && slots > 0) {
        const std::int64_t count = *parallelism / slots + (*parallelism % slots != 0 ? 1 : 0);
        state.taskmanagers = static_cast<std::int32_t>(std::min<std::int64_t>(count, 1 << 30));
    }
    return state;
}

std::string size_text(std::uint64_t bytes) {
    constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;
    constexpr double kMiB = 1024.0 * 1024.0;
    const auto value = static_cast<double>(bytes);
    if (value >= kGiB) return fmt::format("{:.3g} GiB", value / kGiB);
    return fmt::format("{:.3g} MiB", value / kMiB);
}

std::string bandwidth_text(double bytes_per_second) {
    if (bytes_per_second >= 1e9) return fmt::format("{:.3g} GB/s", bytes_per_second / 1e9);
    return fmt::format("{:.3g} MB/s", bytes_per_second / 1e6);
}

}  // namespace flinklint::rules
