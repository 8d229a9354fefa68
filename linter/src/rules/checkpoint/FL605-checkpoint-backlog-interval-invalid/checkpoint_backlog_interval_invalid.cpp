// FL605 checkpoint-backlog-interval-invalid (1.19+): `execution.checkpointing.interval-during-backlog`
// must be 0 (no checkpoints while sources report backlog) or at least 10 ms, and at least the normal
// interval; CheckpointConfig throws otherwise when the job graph is built.
#include <fmt/format.h>

#include "rules/checkpoint/checkpoint_support.hpp"

namespace flinklint::rules {

void check_checkpoint_backlog_interval_invalid(const Model& model, Reporter& reporter) {
    for (const EffectiveConfig* effective : effective_configs(model)) {
        const auto backlog = timed_setting(*effective, kBacklogInterval);
        if (!backlog || backlog->ms == 0) continue;
        const auto interval = timed_setting(*effective, kCheckpointInterval);
        if (interval && interval->ms < kMinimalCheckpointTimeMs) continue;  // FL601
        Finding finding = finding_for(*effective, backlog->setting);
        if (backlog->ms < kMinimalCheckpointTimeMs) {
            finding.message = fmt::format(
                "{} is between 0 and 10 ms: every job that reads this configuration fails at submission "
                "(\"Checkpoint interval must be zero or larger than or equal to 10 ms\")",
                backlog->setting.shown());
            finding.help = "set `0` to take no checkpoints during backlog, or an interval of at least 10 ms";
        } else if (!interval) {
            finding.severity = Severity::warning;
            finding.message = fmt::format(
                "{} is set without `{}`: Flink compares it with the interval of each job, and a job that "
                "does "
                "not enable checkpointing in its code fails at submission (\"Checkpoint interval during "
                "backlog must be larger than or equal to that in normal situation.\")",
                backlog->setting.shown(), kCheckpointInterval);
            finding.help =
                fmt::format("set `{}` as well, or remove the backlog interval", kCheckpointInterval);
        } else if (backlog->ms < interval->ms) {
            finding.message = fmt::format(
                "{} is shorter than {}: every job that reads this configuration fails at submission "
                "(\"Checkpoint interval during backlog must be larger than or equal to that in normal "
                "situation.\")",
                backlog->setting.shown(), interval->setting.shown());
            finding.help = fmt::format(
                "checkpoint less often during backlog: at least {} (the interval), or `0` for none",
                format_ms(interval->ms));
        } else {
            continue;
        }
        reporter.report(std::move(finding));
    }
}

}  // namespace flinklint::rules
