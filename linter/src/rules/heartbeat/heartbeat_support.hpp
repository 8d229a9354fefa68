// Heartbeat settings as Flink reads them: `heartbeat.interval` and `heartbeat.timeout` are Long
// milliseconds up to 1.19 and Durations from 1.20 (a bare number still means milliseconds).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "rules/runtime_support.hpp"

namespace flinklint::rules {

inline constexpr std::string_view kHeartbeatInterval = "heartbeat.interval";
inline constexpr std::string_view kHeartbeatTimeout = "heartbeat.timeout";
// Flink's default timeout is 5 heartbeat intervals (50 s / 10 s).
inline constexpr std::int64_t kDefaultHeartbeatRatio = 5;

struct HeartbeatTiming {
    std::optional<Setting> interval;  // nullopt: the default
    std::optional<Setting> timeout;
    std::int64_t interval_ms = kDefaultHeartbeatIntervalMs;
    std::int64_t timeout_ms = kDefaultHeartbeatTimeoutMs;

    // "`heartbeat.interval: 5000` (5 s)" or "the default heartbeat.interval (10 s)".
    [[nodiscard]] std::string interval_text() const;
    [[nodiscard]] std::string timeout_text() const;
};

// The configurations whose heartbeat settings configure processes (not a FlinkSessionJob's), with
// readable values; a value Flink cannot read leaves the configuration out (FL102 reports it).
struct HeartbeatConfig {
    const EffectiveConfig* effective;
    HeartbeatTiming timing;
};
std::vector<HeartbeatConfig> heartbeat_configs(const Model& model);

}  // namespace flinklint::rules
