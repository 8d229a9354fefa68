// FL607 unaligned-checkpoints-disabled: unaligned checkpoints are switched on, but another setting
// means no checkpoint is ever taken unaligned: AT_LEAST_ONCE mode (CheckpointOptions.forConfig never
// aligns barriers there), or an aligned-checkpoint timeout no shorter than the checkpoint timeout
// (a checkpoint expires before it would switch to unaligned).
#include <fmt/format.h>

#include "flinklint/text_util.hpp"
#include "rules/checkpoint/checkpoint_support.hpp"

namespace flinklint::rules {

void check_unaligned_checkpoints_disabled(const Model& model, Reporter& reporter) {
    for (const EffectiveConfig* effective : effective_configs(model)) {
        const auto unaligned = unaligned_enabled(*effective);
        if (!unaligned) continue;
        if (const auto mode = find_setting(*effective, {kCheckpointMode});
            mode && ascii_lower(trim(mode->value)) == "at_least_once") {
            Finding finding = finding_for(*effective, *unaligned);
            finding.message = fmt::format(
                "{} has no effect with {}: unaligned checkpoints exist only for EXACTLY_ONCE; in "
                "AT_LEAST_ONCE "
                "mode barriers are never aligned and records may be processed twice after a failure",
                unaligned->shown(), mode->shown());
            finding.help = fmt::format(
                "for exactly-once state with fast checkpoints under backpressure, remove `{}` (EXACTLY_ONCE "
                "is "
                "the default); otherwise remove the unaligned setting",
                mode->key);
            reporter.report(std::move(finding));
            continue;
        }
        const auto aligned = timed_setting(*effective, kAlignedTimeout);
        if (!aligned || aligned->ms == 0) continue;
        const auto timeout = timed_setting(*effective, kCheckpointTimeout);
        const std::int64_t timeout_ms = timeout ? timeout->ms : kDefaultCheckpointTimeoutMs;
        if (aligned->ms < timeout_ms) continue;
        Finding finding = finding_for(*effective, aligned->setting);
        finding.message = fmt::format(
            "{} is not shorter than the checkpoint timeout ({}): a checkpoint switches from aligned to "
            "unaligned only after {} of alignment, but it expires after {}, so {} never takes effect",
            aligned->setting.shown(),
            timeout ? timeout->setting.shown() : format_ms(timeout_ms) + " by default",
            format_ms(aligned->ms), format_ms(timeout_ms), unaligned->shown());
        finding.help = fmt::format(
            "set the aligned-checkpoint timeout well below {} (e.g. `30 s`), or `0` to "
            "start every checkpoint unaligned",
            format_ms(timeout_ms));
        reporter.report(std::move(finding));
    }
}

}  // namespace flinklint::rules
