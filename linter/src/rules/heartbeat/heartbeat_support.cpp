#include "rules/heartbeat/heartbeat_support.hpp"

#include <fmt/format.h>

namespace flinklint::rules {
namespace {

std::string describe(const std::optional<Setting>& setting, std::string_view key, std::int64_t ms) {
    if (!setting) return fmt::format("the default `{}` ({})", key, format_ms(ms));
    return setting->shown(ms);
}

}  // namespace

std::string HeartbeatTiming::interval_text() const {
    return describe(interval, kHeartbeatInterval, interval_ms);
}
std::string HeartbeatTiming::timeout_text() const {
    return describe(timeout, kHeartbeatTimeout, timeout_ms);
}

std::vector<HeartbeatConfig> heartbeat_configs(const Model& model) {
    std::vector<HeartbeatConfig> out;
    for (const EffectiveConfig* effective : effective_configs(model)) {
        if (effective->config() == nullptr || !effective->sizes_processes()) continue;
        HeartbeatConfig entry{effective, {}};
        bool readable = true;
        auto read = [&](std::string_view key, std::optional<Setting>& setting, std::int64_t& ms) {
            setting = find_setting(*effective, {key});
            if (!setting) return;
            const auto parsed = millis_of(*effective, key, setting->value);
            if (!parsed) {
                readable = false;
                return;
            }
            ms = *parsed;
        };
        read(kHeartbeatInterval, entry.timing.interval, entry.timing.interval_ms);
        read(kHeartbeatTimeout, entry.timing.timeout, entry.timing.timeout_ms);
        if (readable) out.push_back(std::move(entry));
    }
    return out;
}

}  // namespace flinklint::rules
