// FL604 checkpoint-min-pause-not-below-interval: the CheckpointCoordinator raises the interval to the
// minimum pause and also waits that pause after every completed checkpoint, so the configured interval
// no longer decides how often checkpoints are taken.
#include <fmt/format.h>

#include "rules/checkpoint/checkpoint_support.hpp"

namespace flinklint::rules {

void check_checkpoint_min_pause_not_below_interval(const Model& model, Reporter& reporter) {
    for (const EffectiveConfig* effective : effective_configs(model)) {
        const auto interval = timed_setting(*effective, kCheckpointInterval);
        const auto pause = timed_setting(*effective, kCheckpointMinPause);
        if (!interval || !pause || interval->ms < kMinimalCheckpointTimeMs) continue;
        if (pause->ms < interval->ms) continue;
        Finding finding = finding_for(*effective, pause->setting);
        finding.message = fmt::format(
            "{} is not below the checkpoint interval {}: Flink waits {} after each checkpoint completes "
            "before "
            "it starts the next, so checkpoints are {} plus their own duration apart instead of {}, and "
            "recovery replays that much more input",
            pause->setting.shown(), interval->setting.shown(), format_ms(pause->ms), format_ms(pause->ms),
            format_ms(interval->ms));
        finding.help = fmt::format(
            "keep the minimum pause below the interval (e.g. {}, half of it) or set the interval to the "
            "spacing you want",
            format_ms(interval->ms / 2));
        reporter.report(std::move(finding));
    }
}

}  // namespace flinklint::rules
