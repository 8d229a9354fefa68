#include "rules/runtime_support.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "flinklint/catalog.hpp"
#include "flinklint/text_util.hpp"
#include "flinklint/values.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {

std::string Setting::shown() const {
    return quoted(key + ": " + shown_value(key, value));
}

std::string Setting::shown(std::int64_t millis) const {
    const std::string flink = format_ms(millis);
    auto squeeze = [](std::string_view text) {
        std::string out;
        for (const char c : text) {
            if (c != ' ') out += c;
        }
        return out;
    };
    if (squeeze(unquoted(value)) == squeeze(flink)) return shown();
    return fmt::format("{} ({})", shown(), flink);
}

std::optional<Setting> find_setting(const EffectiveConfig& effective,
                                    std::initializer_list<std::string_view> keys) {
    for (const std::string_view key : keys) {
        if (const SpecOverride* spec = effective.override_for(key); spec != nullptr && spec->written) {
            return Setting{spec->field, effective.value(key).value_or(spec->value), spec->written.span,
                           nullptr};
        }
        if (effective.config() == nullptr) continue;
        // A key the target version does not read (FL101/FL202 report it) sets nothing.
        if (!effective.config()->catalog().lookup(key).known()) continue;
        const ConfigEntry* entry = effective.config()->get_option(key);
        if (entry == nullptr) entry = effective.config()->get(key);
        if (entry == nullptr) continue;
        const Span span = entry->value_span.empty() ? entry->key_span : entry->value_span;
        return Setting{entry->key, entry->value, span, entry};
    }
    return std::nullopt;
}

std::string_view unquoted(std::string_view text) {
    return strip_quotes(trim(text));
}

OptionType option_type(const EffectiveConfig& effective, std::string_view option_key) {
    const OptionInfo* option = Catalog::for_version(effective.version()).find(option_key);
    return option == nullptr ? OptionType::unknown : option->type;
}

std::optional<std::int64_t> millis_of(const EffectiveConfig& effective, std::string_view option_key,
                                      std::string_view text) {
    const std::string value(trim(text));
    if (option_type(effective, option_key) == OptionType::long_) {
        const auto parsed = parse_java_long(value);
        if (!parsed) return std::nullopt;
        return *parsed;
    }
    const auto parsed = parse_duration(value, effective.version());
    if (!parsed) return std::nullopt;
    return parsed->millis();
}

std::int64_t saturating_add(std::int64_t a, std::int64_t b) {
    std::int64_t out = 0;
    if (!__builtin_add_overflow(a, b, &out)) return out;
    return b > 0 ? std::numeric_limits<std::int64_t>::max() : std::numeric_limits<std::int64_t>::min();
}

std::int64_t saturating_mul(std::int64_t a, std::int64_t b) {
    std::int64_t out = 0;
    if (!__builtin_mul_overflow(a, b, &out)) return out;
    return (a < 0) == (b < 0) ? std::numeric_limits<std::int64_t>::max()
                              : std::numeric_limits<std::int64_t>::min();
}

std::int64_t saturating_ms(double millis) {
    if (std::isnan(millis)) return 0;
    if (millis >= 9.2e18) return std::numeric_limits<std::int64_t>::max();
    if (millis <= -9.2e18) return std::numeric_limits<std::int64_t>::min();
    return static_cast<std::int64_t>(millis);
}

std::int64_t round_up_ms(std::int64_t millis) {
    const std::int64_t unit = millis <= 60000 ? 1000 : 60000;
    if (millis <= 0 || millis > std::numeric_limits<std::int64_t>::max() - unit) return millis;
    return (millis + unit - 1) / unit * unit;
}

std::string format_ms(std::int64_t millis) {
    if (millis < 0) return fmt::format("{} ms", millis);
    const JavaDuration duration{millis / 1000, static_cast<std::int32_t>((millis % 1000) * 1000000)};
    return format_duration(duration);
}

std::optional<bool> bool_setting(const EffectiveConfig& effective,
                                 std::initializer_list<std::string_view> keys) {
    const auto setting = find_setting(effective, keys);
    if (!setting) return std::nullopt;
    const auto parsed = parse_java_boolean(trim(setting->value));
    if (!parsed) return std::nullopt;
    return *parsed;
}

std::optional<std::int64_t> int_setting(const EffectiveConfig& effective,
                                        std::initializer_list<std::string_view> keys) {
    const auto setting = find_setting(effective, keys);
    if (!setting) return std::nullopt;
    const auto parsed = parse_java_long(trim(setting->value));
    if (!parsed) return std::nullopt;
    return *parsed;
}

std::optional<Fix> replace_setting_fix(const EffectiveConfig& effective, const Setting& setting,
                                       std::string text) {
    if (setting.entry == nullptr || effective.config() == nullptr) return std::nullopt;
    const std::string_view written = effective.source()->view(setting.entry->value_span);
    if (!written.empty() && (written.front() == '"' || written.front() == '\'')) {
        text = std::string(1, written.front()) + text + written.front();
    }
    return replace_value_fix(*setting.entry, *effective.config(), std::move(text), FixSafety::unsafe);
}

Finding finding_for(const EffectiveConfig& effective, const Setting& setting) {
    Finding finding;
    finding.source = effective.source();
    finding.span = setting.span;
    finding.key = setting.key;
    return finding;
}

bool owned_by_operator(const EffectiveConfig& effective) {
    return effective.owner() != nullptr && effective.owner()->flink.has_value();
}

}  // namespace flinklint::rules
