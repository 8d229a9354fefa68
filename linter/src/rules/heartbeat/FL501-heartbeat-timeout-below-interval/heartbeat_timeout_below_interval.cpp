// FL501 heartbeat-timeout-below-interval: HeartbeatServicesImpl refuses a heartbeat timeout shorter than
// the interval, so neither the JobManager nor any TaskManager starts.
#include <fmt/format.h>

#include <cctype>
#include <limits>

#include "rules/heartbeat/heartbeat_support.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

// `ratio` times the interval, written the way the interval is (`10 s` -> `50 s`, `10000` -> `50000`),
// else as milliseconds, which every version reads. Without an interval, a timeout written with a unit
// keeps one where the option is a Duration (1.20+).
std::string scaled_interval(const HeartbeatConfig& hb, std::int64_t ratio) {
    const HeartbeatTiming& timing = hb.timing;
    const std::int64_t fallback = timing.interval_ms * ratio;
    if (!timing.interval) {
        const std::string_view timeout = unquoted(timing.timeout->value);
        const bool with_unit = !timeout.empty() && !std::isdigit(static_cast<unsigned char>(timeout.back()));
        const bool duration = option_type(*hb.effective, kHeartbeatTimeout) == OptionType::duration;
        return with_unit && duration ? format_ms(fallback) : std::to_string(fallback);
    }
    const std::string_view text = unquoted(timing.interval->value);
    std::size_t digits = 0;
    while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
    constexpr std::size_t kMaxDigits = 15;  // keeps the product inside int64
    if (digits == 0 || digits > kMaxDigits) return std::to_string(fallback);
    const std::int64_t number = std::stoll(std::string(text.substr(0, digits)));
    return std::to_string(number * ratio) + std::string(text.substr(digits));
}

std::optional<Fix> timeout_fix(const HeartbeatConfig& hb) {
    const HeartbeatTiming& timing = hb.timing;
    if (!timing.timeout || timing.timeout->entry == nullptr) return std::nullopt;
    constexpr std::int64_t kLimit = std::numeric_limits<std::int64_t>::max() / kDefaultHeartbeatRatio;
    if (timing.interval_ms <= 0 || timing.interval_ms > kLimit) return std::nullopt;
    return replace_setting_fix(*hb.effective, *timing.timeout, scaled_interval(hb, kDefaultHeartbeatRatio));
}

}  // namespace

void check_heartbeat_timeout_below_interval(const Model& model, Reporter& reporter) {
    for (const HeartbeatConfig& hb : heartbeat_configs(model)) {
        const HeartbeatTiming& timing = hb.timing;
        // An interval of 0 or less is FL503's; equal values are legal.
        if (timing.interval_ms <= 0 || timing.timeout_ms >= timing.interval_ms) continue;
        const Setting* at = timing.timeout ? &*timing.timeout : timing.interval ? &*timing.interval : nullptr;
        if (at == nullptr) continue;
        Finding finding = finding_for(*hb.effective, *at);
        finding.message = fmt::format(
            "{} is shorter than {}: Flink refuses to start the JobManager and every TaskManager (\"The "
            "heartbeat timeout should be larger or equal than the heartbeat interval.\")",
            timing.timeout_text(), timing.interval_text());
        const std::int64_t wanted = saturating_mul(timing.interval_ms, kDefaultHeartbeatRatio);
        finding.help = fmt::format("set `{}` to {} ({} x the interval, Flink's default ratio 50 s / 10 s)",
                                   kHeartbeatTimeout, format_ms(wanted), kDefaultHeartbeatRatio);
        finding.fix = timeout_fix(hb);
        if (finding.fix) finding.fix->description = fmt::format("set the timeout to {}", format_ms(wanted));
        reporter.report(std::move(finding));
    }
}

}  // namespace flinklint::rules
