// What experts add around the sizing: restart strategy, high availability and the upgrade mode,
// task-local recovery, local disk for state (capacity, IOPS, restore and catch-up time), object-store
// settings, retained checkpoints, and Kafka transactions that outlive a checkpoint and a restart.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "flinklint/tuner/units.hpp"
#include "steps.hpp"

namespace flinklint::tuner::detail {
namespace {

bool stateful(const Tuning& tuning) {
    return tuning.estimates.state_bytes_per_taskmanager > 0;
}

std::string base_path(const Profile& profile) {
    std::string base = profile.storage_path.value_or("");
    while (base.size() > 1 && base.back() == '/') base.pop_back();
    return base;
}

void configure_restart(Builder& builder) {
    const FlinkVersion version = builder.profile().version;
    const bool default_since = version >= FlinkVersion{1, 19};
    builder.add(
        option_key(version, {"restart-strategy.type", "restart-strategy"}), "exponential-delay",
        default_since
            ? std::string(
                  "Flink's default with checkpointing since 1.19 (RestartStrategyOptions), written out")
            : std::string("before 1.19 the default with checkpointing is fixed-delay with unlimited attempts "
                          "every 1 s, which hammers a failing dependency; exponential-delay backs off "
                          "(RestartStrategyOptions)"),
        default_since ? Basis::fact : Basis::policy, "cluster");
}

std::string ha_type_key(FlinkVersion version) {
    return option_key(version, {"high-availability.type", "high-availability"});
}

// 1.15 names the Kubernetes HA services by their factory class.
std::string kubernetes_ha(FlinkVersion version) {
    return version >= FlinkVersion{1, 17}
               ? "kubernetes"
               : "org.apache.flink.kubernetes.highavailability.KubernetesHaServicesFactory";
}

// The HA keys of one service; `why` says what needs it.
void add_ha(Builder& builder, HaKind kind, const std::string& why) {
    const Profile& profile = builder.profile();
    const bool zookeeper = kind == HaKind::zookeeper;
    builder.add(ha_type_key(profile.version), zookeeper ? "zookeeper" : kubernetes_ha(profile.version),
                why + (zookeeper ? " (HighAvailabilityOptions; ZooKeeper elects the leader and keeps the "
                                   "pointer to the latest checkpoint)"
                                 : " (Kubernetes HA: ConfigMaps, the pod's service account may edit them; "
                                   "deployment/ha/kubernetes_ha.md)"),
                Basis::fact, "cluster");
    if (zookeeper) {
        builder.add("high-availability.zookeeper.quorum", *profile.zookeeper_quorum,
                    "high_availability.zookeeper_quorum", Basis::fact, "cluster");
    }
    builder.add("high-availability.storageDir", base_path(profile) + "/ha",
                "checkpoint_storage.path + `/ha`: JobManager metadata must outlive the process", Basis::fact,
                "cluster");
    if (profile.deployment == Deployment::kubernetes_standalone && !zookeeper) {
        builder.add("kubernetes.cluster-id", profile.name,
                    "the profile's name: the prefix of the HA ConfigMaps, unique per cluster", Basis::fact,
                    "cluster");
    }
    // YARN infers the cluster id from the application id, the operator from the resource name.
    if (zookeeper && (profile.deployment == Deployment::standalone ||
                      profile.deployment == Deployment::kubernetes_standalone)) {
        builder.add("high-availability.cluster-id", "/" + profile.name,
                    "`/` + the profile's name: clusters sharing a quorum need their own id, and standalone "
                    "clusters do not infer one (HighAvailabilityOptions, default /default)",
                    Basis::fact, "cluster");
    }
}

// The operator: last-state upgrades need HA; without it, large state upgrades through savepoints in
// the NATIVE format, which skips re-encoding every state entry (FLIP-203).
void configure_operator_upgrade(Builder& builder) {
    const Profile& profile = builder.profile();
    Tuning& tuning = builder.tuning;
    const auto state = static_cast<double>(profile.state_size.value_or(0)) > 0
                           ? static_cast<double>(*profile.state_size)
                           : tuning.estimates.state_bytes_per_taskmanager * profile.taskmanagers;
    const bool large = state >= static_cast<double>(builder.policy().last_state_min_state);
    const HaKind kind = ha_service(profile);
    const bool declared = profile.ha_declared && kind != HaKind::none;
    if (large && kind != HaKind::none) {
        tuning.upgrade_mode = "last-state";
        add_ha(builder, kind,
               fmt::format("upgradeMode last-state (state ≥ {}): the operator finds the latest checkpoint "
                           "through HA metadata, so HA is required",
                           builder.knob("last_state_min_state")));
        return;
    }
    tuning.upgrade_mode = "savepoint";
    if (declared)
        add_ha(builder, kind, "high_availability: a JobManager failure keeps the job and its state");
    if (!large || profile.backend == Backend::hashmap) return;
    builder.add("kubernetes.operator.savepoint.format.type", "NATIVE",
                fmt::format("state ≥ {} without HA (high_availability.kind none): upgrades go through "
                            "savepoints, and the NATIVE format writes the backend's own files instead of "
                            "re-encoding every entry (the operator's default is CANONICAL; "
                            "KubernetesOperatorConfigOptions, SavepointFormatType)",
                            builder.knob("last_state_min_state")),
                Basis::policy, "kubernetes");
}

void configure_ha(Builder& builder) {
    const Profile& profile = builder.profile();
    Tuning& tuning = builder.tuning;
    if (profile.deployment == Deployment::kubernetes_operator && !stateful(tuning)) {
        tuning.upgrade_mode = "stateless";
        return;
    }
    if (!stateful(tuning) || !profile.storage_path) return;  // no state, or refused without a path
    if (profile.deployment == Deployment::kubernetes_operator) {
        configure_operator_upgrade(builder);
        return;
    }
    const HaKind kind = ha_service(profile);
    if (kind == HaKind::kubernetes || kind == HaKind::zookeeper) {
        add_ha(builder, kind,
               "a JobManager restarted without HA starts the job without its latest checkpoint: its state "
               "is lost");
    } else if (kind == HaKind::none) {
        builder.warn(
            fmt::format("high_availability.kind none: a JobManager failure on {} loses the pointer "
                        "to the latest checkpoint, and the job restarts without its state",
                        to_string(profile.deployment)));
    }
    // Undeclared on standalone and YARN: check_feasibility refuses the plan and says what to declare.
}

}  // namespace

HaKind ha_service(const Profile& profile) {
    if (profile.ha != HaKind::automatic) return profile.ha;
    if (profile.zookeeper_quorum) return HaKind::zookeeper;
    const bool kubernetes = profile.deployment == Deployment::kubernetes_operator ||
                            profile.deployment == Deployment::kubernetes_standalone;
    return kubernetes ? HaKind::kubernetes : HaKind::automatic;
}

namespace {

void configure_local_recovery(Builder& builder) {
    const Profile& profile = builder.profile();
    const Tuning& tuning = builder.tuning;
    if (!local_recovery_pays(profile, tuning)) return;
    builder.add(
        option_key(profile.version, {"execution.state-recovery.from-local", "state.backend.local-recovery"}),
        "true",
        "incremental RocksDB on a local disk: the local copy is hard links to the same files, so a "
        "restart on the same TaskManager restores without downloading (large_state_tuning.md, task-local "
        "recovery)",
        Basis::policy, "state");
}

// Recovery: restore (download unless local or ForSt), then catch up the backlog with the spare NIC.
void derive_recovery_times(Builder& builder) {
    const Profile& profile = builder.profile();
    const Policy& policy = builder.policy();
    const Estimates& e = builder.tuning.estimates;
    const bool downloads = profile.backend != Backend::forst && !local_recovery_pays(profile, builder.tuning);
    const double restore = downloads ? e.state_bytes_per_taskmanager / e.checkpoint_bandwidth : 0;
    const double downtime = policy.restart_time_s + restore;
    builder.derive(
        "restore time (RTO)", human_duration(downtime),
        fmt::format("{} + state per TaskManager / bandwidth = {} + {}{}", builder.knob("restart_time"),
                    human_duration(policy.restart_time_s), human_duration(restore),
                    downloads ? "" : " (state stays local or remote: nothing to download)"));
    // Local recovery helps only a restart on the same TaskManager: a lost one downloads its state.
    if (profile.backend != Backend::forst && !downloads) {
        const double download = e.state_bytes_per_taskmanager / e.checkpoint_bandwidth;
        builder.derive("restore time, TaskManager lost", human_duration(policy.restart_time_s + download),
                       fmt::format("{} + state per TaskManager / bandwidth = {} + {}: the local copy is gone "
                                   "with the machine",
                                   builder.knob("restart_time"), human_duration(policy.restart_time_s),
                                   human_duration(download)));
    }
    if (e.nic_utilization < 1) {
        const double catch_up = downtime * e.nic_utilization / (1 - e.nic_utilization);
        builder.derive(
            "catch-up after recovery", human_duration(catch_up),
            fmt::format("downtime × utilization / (1 − utilization) = {} × {} / {}: the backlog drains "
                        "with the spare NIC",
                        human_duration(downtime), plain_number(e.nic_utilization),
                        plain_number(1 - e.nic_utilization)));
    }
}

}  // namespace

void configure_recovery(Builder& builder) {
    configure_restart(builder);
    configure_ha(builder);
    configure_local_recovery(builder);
}

void configure_disk(Builder& builder) {
    const Profile& profile = builder.profile();
    const Policy& policy = builder.policy();
    Tuning& tuning = builder.tuning;
    const Estimates& e = tuning.estimates;
    if (profile.local_disk_path) {
        builder.add(
            "process.taskmanager.working-dir", *profile.local_disk_path,
            "cluster.taskmanager.local_disk_path: RocksDB files and local recovery copies live under the "
            "working directory (default io.tmp.dirs, often a small /tmp)",
            Basis::fact, "state");
    }
    const bool on_disk = profile.backend == Backend::rocksdb;
    const double needed = on_disk ? e.state_bytes_per_taskmanager * policy.disk_space_factor : 0;
    if (on_disk && needed > 0) {
        builder.derive(
            "local disk for state", format_decimal_bytes(needed),
            fmt::format("state per TaskManager × {} = {} × {} (compaction space and the local-recovery "
                        "copy)",
                        builder.knob("disk_space_factor"),
                        format_decimal_bytes(e.state_bytes_per_taskmanager),
                        plain_number(policy.disk_space_factor)));
    }
    if (profile.deployment == Deployment::kubernetes_operator ||
        profile.deployment == Deployment::kubernetes_standalone) {
        if (profile.local_disk_size)
            tuning.local_storage = *profile.local_disk_size;
        else if (needed > 0)
            tuning.local_storage =
                static_cast<std::uint64_t>(std::ceil(std::min(needed, 1e15) / kGiB)) * kGiB;
    }
    if (tuning.local_storage && profile.deployment == Deployment::kubernetes_standalone) {
        builder.add("pod.taskmanager.resources.ephemeral-storage",
                    fmt::format("{}Gi", *tuning.local_storage / kGiB),
                    "the pod's local disk for state (requests = limits)", Basis::policy, "kubernetes");
    }
    // Random reads that miss RocksDB's cache: one per record whose key is not in managed memory.
    if (on_disk && e.state_bytes_per_taskmanager > 0) {
        const double cached =
            std::min(1.0, static_cast<double>(tuning.taskmanager.managed) / e.state_bytes_per_taskmanager);
        const double reads = profile.records_per_second / profile.taskmanagers * (1 - cached);
        builder.derive(
            "disk reads per TaskManager", plain_number(reads, 0) + " IOPS",
            fmt::format("records/s / N × (1 − min(1, managed / state)) = {} / {} × (1 − {}) against "
                        "about {} for {} disks ({})",
                        plain_number(profile.records_per_second, 0), profile.taskmanagers,
                        plain_number(cached, 3), plain_number(disk_iops(profile), 0),
                        to_string(profile.local_disk), builder.knob("hdd_iops/ssd_iops/network_disk_iops")));
    }
    derive_recovery_times(builder);
}

double disk_iops(const Profile& profile) {
    const Policy& policy = profile.policy;
    return profile.local_disk == LocalDisk::ssd   ? policy.ssd_iops
           : profile.local_disk == LocalDisk::hdd ? policy.hdd_iops
                                                  : policy.network_disk_iops;
}

bool entropy_injection(const Profile& profile) {
    return profile.storage == StorageKind::s3 && profile.storage_path &&
           profile.taskmanagers >= profile.policy.many_taskmanagers;
}

void configure_storage(Builder& builder) {
    const Profile& profile = builder.profile();
    const Policy& policy = builder.policy();
    const Tuning& tuning = builder.tuning;
    if (stateful(tuning)) {
        builder.add(
            option_key(profile.version,
                       {"execution.checkpointing.num-retained", "state.checkpoints.num-retained"}),
            std::to_string(std::max(1, policy.retained_checkpoints)),
            fmt::format("{}: a corrupt or half-deleted latest checkpoint still leaves one to restore from "
                        "(Flink keeps 1)",
                        builder.knob("retained_checkpoints")),
            Basis::policy, "checkpointing");
    }
    const bool object_store = profile.storage == StorageKind::s3 || profile.storage == StorageKind::gcs ||
                              profile.storage == StorageKind::azure;
    if (entropy_injection(profile)) {
        builder.add(
            "s3.entropy.key", "_entropy_",
            fmt::format("{} TaskManagers ≥ {} write to one bucket: the marker in the checkpoint path is "
                        "replaced by random characters for data files, spreading them over S3 partitions "
                        "(docs: filesystems/s3.md, entropy injection)",
                        profile.taskmanagers, builder.knob("many_taskmanagers")),
            Basis::policy, "checkpointing");
    }
    if (object_store && stateful(tuning) && profile.taskmanagers >= policy.many_taskmanagers &&
        profile.version >= FlinkVersion{1, 20}) {
        builder.add("execution.checkpointing.file-merging.enabled", "true",
                    fmt::format("{} TaskManagers ≥ {}: small checkpoint files are merged into fewer objects "
                                "(FLIP-306, from 1.20)",
                                profile.taskmanagers, builder.knob("many_taskmanagers")),
                    Basis::policy, "checkpointing");
    }
    if (!profile.exactly_once || profile.sink != "kafka") return;
    const Estimates& e = tuning.estimates;
    const double restore =
        profile.backend == Backend::forst ? 0 : e.state_bytes_per_taskmanager / e.checkpoint_bandwidth;
    // Clamped far below the int64 range of the milliseconds printed below.
    const double needed = std::min(
        tuning.checkpoint_interval_s + tuning.checkpoint_timeout_s + policy.restart_time_s + restore, 1e12);
    builder.derive(
        "Kafka transaction.timeout.ms (sink)", fmt::format("{}", std::llround(std::ceil(needed) * 1000)),
        fmt::format("checkpoint interval + timeout + restart + restore = {} + {} + {} + {}: a "
                    "transaction must outlive the checkpoint that commits it",
                    human_duration(tuning.checkpoint_interval_s), human_duration(tuning.checkpoint_timeout_s),
                    human_duration(policy.restart_time_s), human_duration(restore)));
    if (needed > policy.kafka_max_transaction_timeout_s) {
        builder.warn(
            fmt::format("Kafka exactly-once: transactions must last {} (interval + checkpoint timeout + "
                        "restart + restore), more than the brokers' transaction.max.timeout.ms of {} ({}): "
                        "raise it on the brokers or shorten the checkpoint timeout, else transactions abort "
                        "and data is lost",
                        human_duration(needed), human_duration(policy.kafka_max_transaction_timeout_s),
                        builder.knob("kafka_max_transaction_timeout")));
    }
}

}  // namespace flinklint::tuner::detail
