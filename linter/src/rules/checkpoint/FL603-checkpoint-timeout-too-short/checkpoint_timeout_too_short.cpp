// FL603 checkpoint-timeout-too-short: a checkpoint timeout too short for the checkpoints it bounds.
//  - Far below the interval with no tolerated failures: it buys nothing (with one checkpoint at a time
//    the next one waits anyway), but one slow checkpoint fails the job over.
//  - With `check --profile`: below the time a full checkpoint of the declared state needs to upload
//    (state per TaskManager / upload bandwidth x safety factor).
#include <fmt/format.h>

#include <cmath>

#include "rules/checkpoint/checkpoint_support.hpp"
#include "rules/checkpoint/profile_support.hpp"
#include "rules/schema/bare_duration.hpp"

namespace flinklint::rules {
namespace {

// A timeout written as a bare number of seconds-meant: FL112 says what is wrong with it.
bool seconds_meant(const EffectiveConfig& effective, const TimedSetting& timeout) {
    const OptionInfo* option = Catalog::for_version(effective.version()).find(timeout.setting.key);
    return timeout.setting.entry != nullptr && option != nullptr &&
           bare_number_seconds_meant(*option, timeout.setting.value, effective.version()).has_value();
}

// The profile's estimate; true when it reported.
bool check_upload_time(const Model& model, const EffectiveConfig& effective,
                       const std::optional<TimedSetting>& timeout,
                       const std::optional<TimedSetting>& interval, Reporter& reporter) {
    const ProfileFacts* profile = model.profile();
    if (profile == nullptr || !profile->checkpoint_bandwidth || !(*profile->checkpoint_bandwidth > 0))
        return false;
    const auto state = declared_state(model, effective);
    if (!state || (!timeout && !interval)) return false;  // no state declared, or no checkpointing here
    const std::int64_t timeout_ms = timeout ? timeout->ms : kDefaultCheckpointTimeoutMs;
    const double factor = reporter.thresholds().checkpoint_upload_safety_factor;
    const double upload_s = static_cast<double>(state->per_taskmanager()) / *profile->checkpoint_bandwidth;
    const double needed_s = upload_s * factor;
    if (!std::isfinite(needed_s) || needed_s * 1000.0 <= static_cast<double>(timeout_ms)) return false;
    Finding finding = finding_for(effective, timeout ? timeout->setting : interval->setting);
    const std::int64_t needed_ms = round_up_ms(saturating_ms(std::ceil(needed_s * 1000.0)));
    finding.message = fmt::format(
        "with {} and {} of checkpoint upload bandwidth per TaskManager (declared in the profile), a full "
        "checkpoint needs about {:.0f} s to upload ({:.0f} s with the safety factor {}), but {}: such "
        "checkpoints "
        "expire (every checkpoint without incremental checkpoints, the first after each restart or rescaling "
        "with them)",
        state->describe(), bandwidth_text(*profile->checkpoint_bandwidth), upload_s, needed_s, factor,
        timeout ? fmt::format("{} allows only {}", timeout->setting.shown(), format_ms(timeout_ms))
                : fmt::format("the default checkpoint timeout is {}", format_ms(timeout_ms)));
    finding.help = fmt::format("set `{}` to at least {}", kCheckpointTimeout, format_ms(needed_ms));
    reporter.report(std::move(finding));
    return true;
}

}  // namespace

void check_checkpoint_timeout_too_short(const Model& model, Reporter& reporter) {
    const double fraction = reporter.thresholds().checkpoint_min_timeout_fraction;
    for (const EffectiveConfig* effective : effective_configs(model)) {
        const auto interval = timed_setting(*effective, kCheckpointInterval);
        const auto timeout = timed_setting(*effective, kCheckpointTimeout);
        if ((interval && interval->ms < kMinimalCheckpointTimeMs) ||
            (timeout && timeout->ms < kMinimalCheckpointTimeMs)) {
            continue;  // FL601, FL602
        }
        if (check_upload_time(model, *effective, timeout, interval, reporter)) continue;
        if (!interval || !timeout) continue;
        if (static_cast<double>(timeout->ms) >= fraction * static_cast<double>(interval->ms)) continue;
        if (seconds_meant(*effective, *timeout)) continue;  // FL112: a bare number meant as seconds
        if (tolerable_failures(*effective) != 0) continue;
        Finding finding = finding_for(*effective, timeout->setting);
        finding.message = fmt::format(
            "{} is far below the checkpoint interval {} and no checkpoint failure is tolerated "
            "(`{}` is 0): one checkpoint slower than {} (backpressure, a slow upload) expires and fails the "
            "job over, which then replays up to {} of input from the last completed checkpoint",
            timeout->setting.shown(), interval->setting.shown(), kTolerableFailures, format_ms(timeout->ms),
            format_ms(saturating_add(interval->ms, timeout->ms)));
        finding.help = fmt::format(
            "raise the timeout to the interval ({}): checkpoints cannot start more often anyway; or tolerate "
            "a few failures, e.g. `{}: 3`",
            format_ms(interval->ms), kTolerableFailures);
        reporter.report(std::move(finding));
    }
}

}  // namespace flinklint::rules
