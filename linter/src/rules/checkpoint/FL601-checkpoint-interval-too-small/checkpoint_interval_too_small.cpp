// FL601 checkpoint-interval-too-small: CheckpointConfig rejects a configured interval below 10 ms
// (0 included) when the job reads its configuration, so every job submission fails.
#include <fmt/format.h>

#include "rules/checkpoint/checkpoint_support.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {

void check_checkpoint_interval_too_small(const Model& model, Reporter& reporter) {
    for (const EffectiveConfig* effective : effective_configs(model)) {
        const auto interval = timed_setting(*effective, kCheckpointInterval);
        if (!interval || interval->ms >= kMinimalCheckpointTimeMs) continue;
        Finding finding = finding_for(*effective, interval->setting);
        finding.message = fmt::format(
            "{} is below 10 ms: every job that reads this configuration fails at submission (\"Checkpoint "
            "interval must be larger than or equal to 10 ms\"){}",
            interval->setting.shown(), interval->ms == 0 ? "; `0` does not switch checkpointing off" : "");
        finding.help =
            "remove the key to run without periodic checkpoints, or set an interval of 10 ms or more "
            "(typically seconds to minutes, e.g. `1 min`)";
        if (interval->ms == 0 && interval->setting.entry != nullptr) {
            finding.fix = delete_entry_fix(*interval->setting.entry, *effective->config(), FixSafety::unsafe);
        }
        reporter.report(std::move(finding));
    }
}

}  // namespace flinklint::rules
