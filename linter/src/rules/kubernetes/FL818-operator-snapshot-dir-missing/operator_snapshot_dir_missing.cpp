// FL818 operator-snapshot-dir-missing: the operator's validator checks the job spec against the
// effective configuration. Upgrade modes `last-state` and `savepoint` need a checkpoint directory;
// a savepoint directory is needed for `upgradeMode: savepoint`, `savepointTriggerNonce`,
// `kubernetes.operator.periodic.savepoint.interval` (present at all, even empty or 0) and
// `kubernetes.operator.job.upgrade.last-state.max.allowed.checkpoint.age`. A FlinkSessionJob is checked
// on its session cluster's configuration with its own on top.
#include <fmt/format.h>

#include "flinklint/text_util.hpp"
#include "rules/kubernetes/operator_support.hpp"

namespace flinklint::rules {
namespace {

// The operator (built on Flink 1.20) reads the new keys and their deprecated spellings.
const ConfigEntry* checkpoint_dir(const std::vector<const FlinkConfig*>& configs) {
    return find_entry(
        configs, {"execution.checkpointing.dir", "state.checkpoints.dir", "state.backend.fs.checkpointdir"});
}
const ConfigEntry* savepoint_dir(const std::vector<const FlinkConfig*>& configs) {
    return find_entry(configs, {"execution.checkpointing.savepoint-dir", "state.savepoints.dir",
                                "savepoints.state.backend.fs.dir"});
}
bool blank(const ConfigEntry* entry) {
    return entry == nullptr || trim(entry->value).empty();
}

}  // namespace

void check_operator_snapshot_dir_missing(const Model& model, Reporter& reporter) {
    const auto all = operator_resources(model);
    for (const OperatorResource& r : all) {
        if (!r.spec().has_job) continue;
        std::vector<const FlinkConfig*> configs{r.config};
        std::string where = r.label();
        if (!r.deployment()) {
            const OperatorResource* cluster = session_cluster(all, r);
            if (cluster == nullptr) continue;  // the cluster's configuration may set the directories
            configs.insert(configs.begin(), cluster->config);
            where = fmt::format("{} on {}", r.label(), cluster->label());
        }
        const Located& mode = r.spec().job_upgrade_mode;
        const std::string upgrade = mode ? mode.value : "stateless";
        const std::string help_where =
            r.deployment() ? "flinkConfiguration" : "the session cluster's flinkConfiguration";
        if (upgrade != "stateless" && blank(checkpoint_dir(configs))) {
            Finding f = r.at(mode.span, "execution.checkpointing.dir");
            f.message = fmt::format(
                "the operator rejects {}: `upgradeMode: {}` carries state across upgrades and "
                "needs a checkpoint directory, but none is set",
                where, upgrade);
            f.help = fmt::format(
                "set `execution.checkpointing.dir` (`state.checkpoints.dir` before Flink 1.20) to a "
                "durable path (s3://, hdfs://, a persistent volume) in {}, or use `upgradeMode: "
                "stateless`",
                help_where);
            reporter.report(std::move(f));
            continue;  // the validator stops at the first problem
        }
        if (!blank(savepoint_dir(configs))) continue;
        const ConfigEntry* periodic =
            find_entry(configs, {"kubernetes.operator.periodic.savepoint.interval"});
        const ConfigEntry* max_age =
            find_entry(configs, {"kubernetes.operator.job.upgrade.last-state.max.allowed.checkpoint.age"});
        Finding f = r.at(r.anchor(), "execution.checkpointing.savepoint-dir");
        if (upgrade == "savepoint") {
            f.span = mode.span;
            f.message = fmt::format(
                "the operator rejects {}: `upgradeMode: savepoint` takes a savepoint on every "
                "upgrade, but no savepoint directory is set",
                where);
        } else if (r.spec().savepoint_trigger_nonce) {
            f.span = r.spec().savepoint_trigger_nonce.span;
            f.message = fmt::format(
                "the operator rejects {}: `savepointTriggerNonce` triggers a savepoint, but no "
                "savepoint directory is set",
                where);
        } else if (periodic != nullptr) {
            f.span = periodic->key_span;
            f.message = fmt::format(
                "the operator rejects {}: {} is present (any value, even empty, enables the "
                "check), but no savepoint directory is set",
                where, quoted(periodic->key));
        } else if (max_age != nullptr) {
            f.span = max_age->key_span;
            f.message = fmt::format(
                "the operator rejects {}: {} makes the operator fall back to savepoint upgrades, "
                "but no savepoint directory is set",
                where, quoted(max_age->key));
        } else {
            continue;
        }
        // Keys of the session cluster live in another resource and maybe another file.
        for (const FlinkConfig* config : configs) {
            if (config == nullptr) continue;
            for (const ConfigEntry& entry : config->entries())
                if (&entry == periodic || &entry == max_age) f.source = config->source();
        }
        f.help = fmt::format(
            "set `execution.checkpointing.savepoint-dir` (`state.savepoints.dir` before Flink 1.20) "
            "to a durable path in {}",
            help_where);
        reporter.report(std::move(f));
    }
}

}  // namespace flinklint::rules
