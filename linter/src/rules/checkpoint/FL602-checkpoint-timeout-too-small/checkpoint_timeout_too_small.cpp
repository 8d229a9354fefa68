// FL602 checkpoint-timeout-too-small: CheckpointConfig rejects a checkpoint timeout below 10 ms when the
// job reads its configuration, so every job submission fails.
#include <fmt/format.h>

#include "rules/checkpoint/checkpoint_support.hpp"

namespace flinklint::rules {

void check_checkpoint_timeout_too_small(const Model& model, Reporter& reporter) {
    for (const EffectiveConfig* effective : effective_configs(model)) {
        const auto timeout = timed_setting(*effective, kCheckpointTimeout);
        if (!timeout || timeout->ms >= kMinimalCheckpointTimeMs) continue;
        Finding finding = finding_for(*effective, timeout->setting);
        finding.message = fmt::format(
            "{} is below 10 ms: every job that reads this configuration fails at submission (\"Checkpoint "
            "timeout must be larger than or equal to 10 ms\")",
            timeout->setting.shown());
        finding.help =
            "remove the key (default 10 min) or give checkpoints the time they need, e.g. `10 min`";
        reporter.report(std::move(finding));
    }
}

}  // namespace flinklint::rules
