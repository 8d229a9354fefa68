// FL612 ha-option-missing: ZooKeeper or Kubernetes high availability without the options it cannot
// start without. flink-runtime's HighAvailabilityServicesUtils#getClusterHighAvailableStoragePath (through
// BlobUtils#createBlobStoreFromConfig for ZooKeeper, KubernetesHaServicesFactory for Kubernetes) throws
// IllegalConfigurationException "Configuration is missing the mandatory parameter:
// high-availability.storageDir", and ZooKeeperUtils#startCuratorFramework throws "No valid ZooKeeper
// quorum has been specified" without `high-availability.zookeeper.quorum`: the JobManager and every
// TaskManager create these services when they start (1.15 to 2.2 alike).
#include <fmt/format.h>

#include "flinklint/text_util.hpp"
#include "rules/checkpoint/checkpoint_support.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

constexpr std::string_view kStorageDir = "high-availability.storageDir";
constexpr std::string_view kQuorum = "high-availability.zookeeper.quorum";

// `high-availability.type` (before 1.17 `high-availability`, older `recovery.mode`) when it selects
// ZooKeeper or Kubernetes (also by the class name of Flink's KubernetesHaServicesFactory, the way to
// select it before 1.12's `kubernetes` shortcut), with the lower-cased mode; another factory class may
// need neither option.
std::optional<std::pair<Setting, std::string>> built_in_ha(const EffectiveConfig& effective) {
    auto setting = find_setting(effective, {"high-availability.type", "high-availability", "recovery.mode"});
    if (!setting) return std::nullopt;
    std::string mode = ascii_lower(unquoted(setting->value));
    if (mode == "org.apache.flink.kubernetes.highavailability.kuberneteshaservicesfactory")
        mode = "kubernetes";
    if (mode != "zookeeper" && mode != "kubernetes") return std::nullopt;
    return std::pair{std::move(*setting), std::move(mode)};
}

// Some configuration in view sets `key` (or an alias): the file may be completed by it (a compose
// service's FLINK_PROPERTIES, another mounted file), so the missing option is not certain.
bool set_in_view(const Model& model, std::string_view key) {
    for (const FlinkConfig& config : model.configs())
        if (config.get_option(key) != nullptr || config.get(key) != nullptr) return true;
    return false;
}

bool judged(const EffectiveConfig& effective) {
    // The operator's own default configuration may complete a FlinkDeployment's; a session job's
    // configuration starts no process; a fragment is completed elsewhere.
    return !owned_by_operator(effective) && effective.whole_cluster_config() && effective.sizes_processes();
}

void report(const EffectiveConfig& effective, const Setting& ha, std::string_view missing,
            std::string_view error, std::string_view help, Reporter& reporter) {
    Finding f = finding_for(effective, ha);
    // The finding is about the missing option: its key stays the same when FL201's fix renames
    // `high-availability` to `high-availability.type` (the fix loop would take it for a new error).
    f.key = std::string(missing);
    f.message = fmt::format(
        "{} needs `{}`, which is not set: the JobManager and the TaskManagers fail when they start "
        "(\"{}\")",
        ha.shown(), missing, error);
    f.help = std::string(help);
    reporter.report(std::move(f));
}

}  // namespace

void check_ha_option_missing(const Model& model, Reporter& reporter) {
    for (const EffectiveConfig* effective : effective_configs(model)) {
        const auto ha = built_in_ha(*effective);
        if (!ha || !judged(*effective)) continue;
        const auto& [setting, mode] = *ha;
        if (!find_setting(*effective, {kStorageDir}) && !set_in_view(model, kStorageDir)) {
            report(*effective, setting, kStorageDir,
                   "Configuration is missing the mandatory parameter: high-availability.storageDir",
                   "set `high-availability.storageDir` to a durable shared location, e.g. "
                   "`s3://bucket/flink/ha`: it keeps the job graphs, jars and checkpoint metadata",
                   reporter);
        }
        if (mode == "zookeeper" && !find_setting(*effective, {kQuorum}) && !set_in_view(model, kQuorum)) {
            report(*effective, setting, kQuorum, "No valid ZooKeeper quorum has been specified",
                   "set `high-availability.zookeeper.quorum` to the ZooKeeper servers, e.g. "
                   "`zk-0:2181,zk-1:2181,zk-2:2181`",
                   reporter);
        }
    }
}

}  // namespace flinklint::rules
