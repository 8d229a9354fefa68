#include "rules/checkpoint/checkpoint_support.hpp"

#include "flinklint/text_util.hpp"
#include "flinklint/values.hpp"

namespace flinklint::rules {

std::optional<TimedSetting> timed_setting(const EffectiveConfig& effective, std::string_view key) {
    auto setting = find_setting(effective, {key});
    if (!setting) return std::nullopt;
    const auto ms = millis_of(effective, key, setting->value);
    if (!ms) return std::nullopt;
    return TimedSetting{std::move(*setting), *ms};
}

std::optional<Setting> unaligned_enabled(const EffectiveConfig& effective) {
    auto setting = find_setting(
        effective, {"execution.checkpointing.unaligned.enabled", "execution.checkpointing.unaligned"});
    if (!setting) return std::nullopt;
    const auto value = parse_java_boolean(trim(setting->value));
    if (!value || !*value) return std::nullopt;
    return setting;
}

std::optional<Setting> checkpoint_dir(const EffectiveConfig& effective) {
    return find_setting(effective, {"execution.checkpointing.dir", "state.checkpoints.dir",
                                    "state.backend.fs.checkpointdir"});
}

std::optional<Setting> savepoint_dir(const EffectiveConfig& effective) {
    return find_setting(effective, {"execution.checkpointing.savepoint-dir", "state.savepoints.dir",
                                    "savepoints.state.backend.fs.dir"});
}

std::optional<Setting> checkpoint_storage(const EffectiveConfig& effective) {
    return find_setting(effective, {"execution.checkpointing.storage", "state.checkpoint-storage"});
}

std::optional<IncrementalSetting> incremental_setting(const EffectiveConfig& effective) {
    auto setting =
        find_setting(effective, {"execution.checkpointing.incremental", "state.backend.incremental"});
    if (!setting) return std::nullopt;
    const auto value = parse_java_boolean(trim(setting->value));
    if (!value) return std::nullopt;
    return IncrementalSetting{std::move(*setting), *value};
}

std::int64_t tolerable_failures(const EffectiveConfig& effective) {
    return int_setting(effective, {kTolerableFailures}).value_or(0);
}

}  // namespace flinklint::rules
