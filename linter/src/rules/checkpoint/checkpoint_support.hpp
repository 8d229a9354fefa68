// Checkpoint settings as a job reads them from the configuration (CheckpointConfig.configure), with the
// keys of every version: 1.20 renamed several (`state.checkpoints.dir` -> `execution.checkpointing.dir`)
// and keeps the old ones as deprecated keys; only keys the target version reads are looked at.
#pragma once

#include <array>
#include <cstdint>
#include <optional>

#include "rules/runtime_support.hpp"

namespace flinklint::rules {

inline constexpr std::string_view kCheckpointInterval = "execution.checkpointing.interval";
inline constexpr std::string_view kCheckpointTimeout = "execution.checkpointing.timeout";
inline constexpr std::string_view kCheckpointMinPause = "execution.checkpointing.min-pause";
inline constexpr std::string_view kMaxConcurrent = "execution.checkpointing.max-concurrent-checkpoints";
inline constexpr std::string_view kTolerableFailures = "execution.checkpointing.tolerable-failed-checkpoints";
inline constexpr std::string_view kBacklogInterval = "execution.checkpointing.interval-during-backlog";
inline constexpr std::string_view kAlignedTimeout = "execution.checkpointing.aligned-checkpoint-timeout";
inline constexpr std::string_view kCheckpointMode = "execution.checkpointing.mode";

// A Duration setting with its value in milliseconds.
struct TimedSetting {
    Setting setting;
    std::int64_t ms = 0;
};
// nullopt when unset or unreadable (FL102 reports unreadable values).
std::optional<TimedSetting> timed_setting(const EffectiveConfig& effective, std::string_view key);

// Unaligned checkpoints switched on (`execution.checkpointing.unaligned.enabled`, before 1.17
// `execution.checkpointing.unaligned`); nullopt when not set to true.
std::optional<Setting> unaligned_enabled(const EffectiveConfig& effective);

// `execution.checkpointing.dir` and its older keys.
std::optional<Setting> checkpoint_dir(const EffectiveConfig& effective);
// `execution.checkpointing.savepoint-dir` and its older keys.
std::optional<Setting> savepoint_dir(const EffectiveConfig& effective);
// `execution.checkpointing.storage` / `state.checkpoint-storage`.
std::optional<Setting> checkpoint_storage(const EffectiveConfig& effective);
// Incremental checkpoints switched on (`execution.checkpointing.incremental`, before 1.20
// `state.backend.incremental`): the setting, or nullopt when unset; `enabled` tells its value.
struct IncrementalSetting {
    Setting setting;
    bool enabled = false;
};
std::optional<IncrementalSetting> incremental_setting(const EffectiveConfig& effective);

// The tolerable failed checkpoints a job runs with (0 when unset in every version).
std::int64_t tolerable_failures(const EffectiveConfig& effective);

// The lower-cased value of an option that takes a shortcut name or a class name (state backend, checkpoint
// storage, high-availability mode) when it can only be a shortcut: nullopt for a class name (a `.`), a
// placeholder or nothing.
std::optional<std::string> shortcut_name(std::string_view value);

// The entry that names the restart strategy: `restart-strategy.type`, else the older `restart-strategy`.
const ConfigEntry* restart_strategy_entry(const FlinkConfig& config);
// The strategy a `restart-strategy` value names, as RestartBackoffTimeStrategyFactoryLoader matches it
// (lower-cased): `fixed-delay`, `failure-rate`, `exponential-delay`, or `none` for none/off/disable;
// nullopt for a name Flink rejects (FL613).
std::optional<std::string_view> named_restart_strategy(std::string_view value);
// The strategies' main names, for messages and suggestions.
inline constexpr std::array<std::string_view, 4> kRestartStrategyNames = {"fixed-delay", "failure-rate",
                                                                          "exponential-delay", "none"};

}  // namespace flinklint::rules
