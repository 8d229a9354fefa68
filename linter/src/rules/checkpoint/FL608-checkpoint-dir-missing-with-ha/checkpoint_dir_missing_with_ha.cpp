// FL608 checkpoint-dir-missing-with-ha: high availability recovers jobs from their latest checkpoint,
// but without a checkpoint directory (or storage) a job that does not set one in code checkpoints into
// the JobManager's memory (JobManagerCheckpointStorage).
#include <fmt/format.h>

#include "flinklint/text_util.hpp"
#include "rules/checkpoint/checkpoint_support.hpp"

namespace flinklint::rules {
namespace {

// `high-availability.type` (1.17+; before: `high-availability`, older `recovery.mode`): NONE, ZOOKEEPER,
// KUBERNETES or a factory class.
std::optional<Setting> active_ha(const EffectiveConfig& effective) {
    auto setting = find_setting(effective, {"high-availability.type", "high-availability", "recovery.mode"});
    if (!setting) return std::nullopt;
    const std::string value = ascii_lower(unquoted(setting->value));
    const bool active = value == "zookeeper" || value == "kubernetes" ||
                        (value.find('.') != std::string::npos && value.find('{') == std::string::npos);
    if (!active) return std::nullopt;
    return setting;
}

}  // namespace

void check_checkpoint_dir_missing_with_ha(const Model& model, Reporter& reporter) {
    for (const EffectiveConfig* effective : effective_configs(model)) {
        // The operator validates its resources (upgrade modes and HA): the Kubernetes rules mirror it.
        if (owned_by_operator(*effective)) continue;
        const auto ha = active_ha(*effective);
        if (!ha || checkpoint_dir(*effective) || checkpoint_storage(*effective)) continue;
        Finding finding = finding_for(*effective, *ha);
        const bool no_savepoint_dir = !savepoint_dir(*effective);
        finding.message = fmt::format(
            "{} restores jobs from their latest checkpoint, but no checkpoint directory is set: a job that "
            "does not configure checkpoint storage in its code checkpoints into the JobManager's heap "
            "(JobManagerCheckpointStorage), where a checkpoint fails as soon as one state exceeds 5 MiB and "
            "the state of every retained checkpoint must fit the JobManager's heap{}",
            ha->shown(), no_savepoint_dir ? "; savepoints also need an explicit target directory" : "");
        const bool new_keys = effective->version() >= FlinkVersion{1, 20};
        finding.help = fmt::format(
            "set `{}` to a durable shared location, e.g. `s3://bucket/flink/checkpoints`{}",
            new_keys ? "execution.checkpointing.dir" : "state.checkpoints.dir",
            no_savepoint_dir
                ? fmt::format(" (and `{}` for savepoints)",
                              new_keys ? "execution.checkpointing.savepoint-dir" : "state.savepoints.dir")
                : "");
        reporter.report(std::move(finding));
    }
}

}  // namespace flinklint::rules
