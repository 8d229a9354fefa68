// FL606 unaligned-checkpoints-concurrent: CheckpointCoordinatorConfiguration refuses unaligned
// checkpoints with more than one concurrent checkpoint, so every job submission fails.
#include <fmt/format.h>

#include "flinklint/text_util.hpp"
#include "flinklint/values.hpp"
#include "rules/checkpoint/checkpoint_support.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {

void check_unaligned_checkpoints_concurrent(const Model& model, Reporter& reporter) {
    for (const EffectiveConfig* effective : effective_configs(model)) {
        const auto unaligned = unaligned_enabled(*effective);
        if (!unaligned) continue;
        const auto concurrent = find_setting(*effective, {kMaxConcurrent});
        if (!concurrent) continue;
        const auto count = parse_java_int(trim(concurrent->value));
        if (!count || *count <= 1) continue;
        Finding finding = finding_for(*effective, *concurrent);
        finding.message = fmt::format(
            "{} with {}: every job that reads this configuration fails at submission "
            "(\"maxConcurrentCheckpoints can't be > 1 if UnalignedCheckpoints enabled\")",
            concurrent->shown(), unaligned->shown());
        finding.help =
            fmt::format("set `{}: 1` (unaligned checkpoints need it) or switch unaligned checkpoints off",
                        kMaxConcurrent);
        finding.fix = replace_setting_fix(*effective, *concurrent, "1");
        reporter.report(std::move(finding));
    }
}

}  // namespace flinklint::rules
