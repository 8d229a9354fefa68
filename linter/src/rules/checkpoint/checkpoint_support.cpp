#include "rules/checkpoint/checkpoint_support.hpp"

#include "flinklint/text_util.hpp"
#include "flinklint/values.hpp"
#include "rules/rule_helpers.hpp"

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

std::optional<std::string> shortcut_name(std::string_view value) {
    std::string name = ascii_lower(unquoted(value));
    if (name.empty() || is_template_placeholder(value)) return std::nullopt;
    if (name.find_first_of(".${}%<>") != std::string::npos) return std::nullopt;
    return name;
}

const ConfigEntry* restart_strategy_entry(const FlinkConfig& config) {
    if (const ConfigEntry* type = config.get("restart-strategy.type")) return type;
    return config.get("restart-strategy");
}

std::optional<std::string_view> named_restart_strategy(std::string_view value) {
    // RestartStrategyOptions#RESTART_STRATEGY: each strategy's name and its alias without the dash.
    struct Strategy {
        std::string_view name;
        std::string_view alias;
    };
    static constexpr std::array<Strategy, 3> kStrategies = {{
        {"fixed-delay", "fixeddelay"},
        {"failure-rate", "failurerate"},
        {"exponential-delay", "exponentialdelay"},
    }};
    const std::string lower = ascii_lower(unquoted(value));
    if (lower == "none" || lower == "off" || lower == "disable") return "none";
    for (const Strategy& s : kStrategies)
        if (lower == s.name || lower == s.alias) return s.name;
    return std::nullopt;
}

}  // namespace flinklint::rules
