// Helpers shared by the heartbeat, checkpoint, state and network-buffer rules: reading an option the
// way Flink does (key, then fallback and deprecated aliases, or a spec field), durations in
// milliseconds, and the defaults these rules compare against.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "flinklint/effective_config.hpp"
#include "flinklint/reporter.hpp"

namespace flinklint::rules {

// Flink's defaults the runtime rules rely on (flink-memory-model.md §8; the same in 1.15 to 2.2).
inline constexpr std::int64_t kDefaultHeartbeatIntervalMs = 10000;
inline constexpr std::int64_t kDefaultHeartbeatTimeoutMs = 50000;
inline constexpr std::int64_t kDefaultAskTimeoutMs = 10000;
inline constexpr std::int64_t kDefaultCheckpointTimeoutMs = 600000;
// CheckpointConfig.MINIMAL_CHECKPOINT_TIME.
inline constexpr std::int64_t kMinimalCheckpointTimeMs = 10;

// One option as the configuration sets it: under its key, an alias Flink still reads, or a spec field.
struct Setting {
    std::string key;                     // the key (or spec field) as written
    std::string value;                   // the text Flink reads
    Span span;                           // the value as written
    const ConfigEntry* entry = nullptr;  // nullptr when a spec field sets it
    // "`key: value`" for messages.
    [[nodiscard]] std::string shown() const;
    // "`key: 15000` (15 s)": the value as Flink reads it, unless written that way already.
    [[nodiscard]] std::string shown(std::int64_t millis) const;
};

// The first of `keys` the configuration sets, each looked up with Flink's alias order; nullopt if none.
std::optional<Setting> find_setting(const EffectiveConfig& effective,
                                    std::initializer_list<std::string_view> keys);

// The value without one pair of surrounding quotes (legacy files keep them in the value).
std::string_view unquoted(std::string_view text);

// Milliseconds of a Duration option (or a Long option in milliseconds, such as heartbeat.* before 1.20),
// read with the option's type in the target version; nullopt when Flink cannot read it (FL102 says so).
std::optional<std::int64_t> millis_of(const EffectiveConfig& effective, std::string_view option_key,
                                      std::string_view text);
// The option's type in the target version; `unknown` when the catalog does not know the key.
OptionType option_type(const EffectiveConfig& effective, std::string_view option_key);

// Arithmetic on user-controlled values that saturates at the int64 bounds instead of overflowing.
std::int64_t saturating_add(std::int64_t a, std::int64_t b);
std::int64_t saturating_mul(std::int64_t a, std::int64_t b);
// A double of milliseconds as int64, saturating (and 0 for NaN).
std::int64_t saturating_ms(double millis);
// Rounded up to a value people write: whole seconds below 1 min, whole minutes above.
std::int64_t round_up_ms(std::int64_t millis);

// `10 s`, `7500 ms`, `5 min` (Flink's printing: the highest unit that divides exactly).
std::string format_ms(std::int64_t millis);

// A boolean or integer option; nullopt when unset or unreadable.
std::optional<bool> bool_setting(const EffectiveConfig& effective,
                                 std::initializer_list<std::string_view> keys);
std::optional<std::int64_t> int_setting(const EffectiveConfig& effective,
                                        std::initializer_list<std::string_view> keys);

// A replace-value Fix for `setting` (nullptr entry or inexact spans: nullopt) that keeps the quotes the
// value was written with: a FlinkDeployment's `"2"` becomes `"1"`, not the YAML integer `1`.
std::optional<Fix> replace_setting_fix(const EffectiveConfig& effective, const Setting& setting,
                                       std::string text);

// The Finding for a setting of `effective`.
Finding finding_for(const EffectiveConfig& effective, const Setting& setting);

// The configuration belongs to a FlinkDeployment or FlinkSessionJob (the operator's own checks apply).
bool owned_by_operator(const EffectiveConfig& effective);

}  // namespace flinklint::rules
