// Checkpoint interval, timeout, pause, failures, incremental and unaligned checkpoints, buffer debloating.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "flinklint/tuner/units.hpp"
#include "steps.hpp"

namespace flinklint::tuner::detail {
namespace {

constexpr std::uint64_t kMinSegment = 256;     // taskmanager.memory.min-segment-size default
constexpr std::uint64_t kSegment = 32 * 1024;  // taskmanager.memory.segment-size default

// What to do instead of incremental checkpoints when the backend has none (hashmap).
std::string faster_checkpoints(const Profile& profile) {
    if (profile.backend != Backend::hashmap)
        return "use incremental checkpoints, a longer interval or more upload bandwidth";
    const std::string changelog =
        option_key(profile.version, {"state.changelog.enabled", "state.backend.changelog.enabled"});
    return fmt::format(
        "the hashmap backend has no incremental checkpoints: use the changelog state backend "
        "(`{}: true`), rocksdb with incremental checkpoints, a longer interval or more upload "
        "bandwidth",
        changelog);
}

void configure_unaligned(Builder& builder) {
    const Profile& profile = builder.profile();
    const Policy& policy = builder.policy();
    Tuning& tuning = builder.tuning;
    const Estimates& e = tuning.estimates;
    const double interval = tuning.checkpoint_interval_s;
    // Unaligned checkpoints persist the in-flight buffers, at most the network memory, not more state.
    const double in_flight = static_cast<double>(tuning.taskmanager.network);
    const double in_flight_s = in_flight / e.checkpoint_bandwidth;
    builder.derive(
        "unaligned checkpoint extra upload", human_duration(in_flight_s),
        fmt::format("in-flight data ≤ network memory / upload bandwidth = {} / {}",
                    format_binary_bytes(tuning.taskmanager.network), format_rate(e.checkpoint_bandwidth)));
    std::string why;
    if (profile.shuffles == 0) {
        why = "no shuffle: barriers never wait for other channels";
    } else if (local_recovery_pays(profile, tuning)) {
        why =
            "task-local recovery is recommended below and does not support unaligned checkpoints "
            "(large_state_tuning.md): barriers stay aligned";
    } else if (e.nic_utilization > policy.max_nic_utilization) {
        why = "the NIC is above max_nic_utilization: in-flight data would add to it";
    } else if (in_flight_s > policy.max_checkpoint_share * interval) {
        why = fmt::format("persisting up to {} of in-flight data takes {}, above {} × the interval",
                          format_binary_bytes(tuning.taskmanager.network), human_duration(in_flight_s),
                          builder.knob("max_checkpoint_share"));
    } else {
        tuning.unaligned = true;
        why = fmt::format(
            "{} shuffle(s): under back-pressure barriers overtake buffered records; they add the "
            "in-flight data (at most the {} of network memory, {} to upload), not state, to a "
            "checkpoint; task-local recovery does not support them",
            profile.shuffles, format_binary_bytes(tuning.taskmanager.network), human_duration(in_flight_s));
    }
    builder.add(option_key(profile.version, {"execution.checkpointing.unaligned.enabled",
                                             "execution.checkpointing.unaligned"}),
                tuning.unaligned ? "true" : "false", why, Basis::policy, "checkpointing");
    if (tuning.unaligned) {
        builder.add(
            "execution.checkpointing.aligned-checkpoint-timeout",
            flink_duration(policy.aligned_checkpoint_timeout_s),
            fmt::format("{}: start aligned and switch to unaligned only when alignment takes longer (0 "
                        "would always be unaligned)",
                        builder.knob("aligned_checkpoint_timeout")),
            Basis::policy, "checkpointing");
    }
}

// Buffer debloating (a policy: Flink's network tuning guide recommends it for in-flight data) where it
// helps; records above the minimum segment size can make it shrink buffers below one record, so the
// minimum is raised to the record size.
void configure_debloat(Builder& builder) {
    const Profile& profile = builder.profile();
    const Tuning& tuning = builder.tuning;
    const bool helps = profile.shuffles > 0 && (tuning.unaligned || tuning.high_parallelism ||
                                                tuning.parallelism >= builder.policy().large_parallelism);
    std::string why;
    if (profile.shuffles == 0) {
        why = "no shuffle: little data is in flight";
    } else if (!helps) {
        why = fmt::format("aligned checkpoints, parallelism {} below {}: Flink's default", tuning.parallelism,
                          builder.knob("large_parallelism"));
    } else {
        why = fmt::format(
            "{}: buffers shrink to 1 s of in-flight data, so barriers and back-pressure move faster",
            tuning.unaligned          ? "unaligned checkpoints persist less in-flight data"
            : tuning.high_parallelism ? "high-parallelism mode"
                                      : "high parallelism");
    }
    builder.add("taskmanager.network.memory.buffer-debloat.enabled", helps ? "true" : "false", why,
                Basis::policy, "network");
    if (!helps || profile.record_size <= kMinSegment) return;
    const std::uint64_t segment = std::min(profile.record_size, kSegment);
    builder.add(
        "taskmanager.memory.min-segment-size", fmt::format("{}b", segment),
        fmt::format("records of {} B: debloating may shrink buffers down to this size, so it is raised "
                    "from 256 B to the record size{} (the docs: records larger than the minimum segment "
                    "can be split across buffers)",
                    profile.record_size,
                    profile.record_size > kSegment ? ", at most the 32 KiB segment" : ""),
        Basis::policy, "network");
}

// No published formula relates timeout to state size; this rule is the policy's.
void configure_timeout(Builder& builder) {
    const Profile& profile = builder.profile();
    const Policy& policy = builder.policy();
    Tuning& tuning = builder.tuning;
    const Estimates& e = tuning.estimates;
    // ForSt keeps its primary copy in the checkpoint directory: a checkpoint uploads what changed.
    const bool forst = profile.backend == Backend::forst;
    const double estimate = forst ? e.checkpoint_duration_s : e.full_checkpoint_duration_s;
    // A checkpoint the job really took is a floor no estimate may go under.
    const double measured = profile.measured_checkpoint_duration_s.value_or(0);
    const double basis = std::max(estimate, measured);
    const double by_duration = policy.checkpoint_timeout_factor * basis;
    const double timeout = std::ceil(std::max(policy.min_checkpoint_timeout_s, by_duration) / 60) * 60;
    tuning.checkpoint_timeout_s = timeout;
    builder.add(
        "execution.checkpointing.timeout", flink_duration(timeout),
        fmt::format(
            "max({}, {} × {} checkpoint duration) = max({}, {} × {}), in whole minutes; {}",
            human_duration(policy.min_checkpoint_timeout_s), builder.knob("checkpoint_timeout_factor"),
            forst ? "one" : "full", human_duration(policy.min_checkpoint_timeout_s),
            plain_number(policy.checkpoint_timeout_factor), human_duration(basis),
            measured > estimate
                ? fmt::format(
                      "the longest completed checkpoint measured on the job, {}, over the estimate {}",
                      human_duration(measured), human_duration(estimate))
            : forst ? std::string(
                          "ForSt's primary directory is the checkpoint directory, so a checkpoint uploads "
                          "only the files written since the last one (state_backends.md, ForSt)")
                    : fmt::format("full duration = state per TaskManager / upload bandwidth = {} / {}",
                                  format_decimal_bytes(e.state_bytes_per_taskmanager),
                                  format_rate(e.checkpoint_bandwidth))),
        Basis::policy, "checkpointing");
}

// Checkpoints and savepoints under the declared path; S3 with many writers gets the entropy marker.
void configure_directories(Builder& builder) {
    const Profile& profile = builder.profile();
    const FlinkVersion version = profile.version;
    const std::string dir_key = option_key(version, {"execution.checkpointing.dir", "state.checkpoints.dir"});
    if (profile.storage_path) {
        std::string base = *profile.storage_path;
        while (base.size() > 1 && base.back() == '/') base.pop_back();
        const bool entropy = entropy_injection(profile);
        builder.add(dir_key, base + (entropy ? "/_entropy_/checkpoints" : "/checkpoints"),
                    entropy
                        ? "checkpoint_storage.path + `/_entropy_/checkpoints` (the marker of s3.entropy.key)"
                        : "checkpoint_storage.path + `/checkpoints`",
                    Basis::fact, "checkpointing");
        builder.add(option_key(version, {"execution.checkpointing.savepoint-dir", "state.savepoints.dir"}),
                    base + "/savepoints",
                    "checkpoint_storage.path + `/savepoints`: upgrades and rescaling go through savepoints",
                    Basis::policy, "checkpointing");
    } else if (builder.tuning.estimates.state_bytes_per_taskmanager <= 0) {
        builder.warn(fmt::format("no checkpoint_storage.path: set `{}` to the {} location of the checkpoints",
                                 dir_key, to_string(profile.storage)));
    }
    if (profile.storage == StorageKind::local && profile.taskmanagers > 1) {
        builder.warn(
            "checkpoint_storage.kind local: a TaskManager that restarts elsewhere cannot read the "
            "checkpoints of the others; use shared storage for more than one TaskManager");
    }
}

}  // namespace

bool local_recovery_pays(const Profile& profile, const Tuning& tuning) {
    return profile.backend == Backend::rocksdb && tuning.incremental &&
           profile.local_disk != LocalDisk::network;
}

void configure_checkpoints(Builder& builder) {
    const Profile& profile = builder.profile();
    const Policy& policy = builder.policy();
    Tuning& tuning = builder.tuning;
    const Estimates& e = tuning.estimates;
    const FlinkVersion version = profile.version;
    const double interval = tuning.checkpoint_interval_s;

    builder.add("execution.checkpointing.interval", flink_duration(interval),
                profile.checkpoint_interval_s ? "goals.checkpoint_interval: how much work a restart replays"
                                              : fmt::format("{}: no goals.checkpoint_interval in the profile",
                                                            builder.knob("checkpoint_interval")),
                Basis::policy, "checkpointing");

    configure_timeout(builder);

    const double pause = std::ceil(policy.min_pause_fraction * interval);
    builder.add(
        "execution.checkpointing.min-pause", flink_duration(pause),
        fmt::format("{} × interval = {} × {}: records keep flowing between checkpoints even when one runs "
                    "long",
                    builder.knob("min_pause_fraction"), plain_number(policy.min_pause_fraction),
                    human_duration(interval)),
        Basis::policy, "checkpointing");
    builder.add(
        "execution.checkpointing.tolerable-failed-checkpoints",
        std::to_string(policy.tolerable_failed_checkpoints),
        fmt::format("{}: a transient storage error does not restart the job (Flink's default 0 restarts it "
                    "on the first failure)",
                    builder.knob("tolerable_failed_checkpoints")),
        Basis::policy, "checkpointing");

    if (profile.backend != Backend::hashmap) {
        const std::string key =
            option_key(version, {"execution.checkpointing.incremental", "state.backend.incremental"});
        std::string reason;
        if (profile.incremental == Incremental::automatic) {
            reason = fmt::format(
                "auto: state per TaskManager {} is {} {} ({}); incremental checkpoints upload only "
                "new files",
                format_decimal_bytes(e.state_bytes_per_taskmanager),
                tuning.incremental ? "at least" : "below", format_binary_bytes(policy.incremental_min_state),
                builder.knob("incremental_min_state"));
        } else {
            reason = "goals.incremental_checkpoints";
        }
        builder.add(key, tuning.incremental ? "true" : "false", reason, Basis::policy, "checkpointing");
    }

    configure_directories(builder);
    builder.add("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION",
                "a cancelled job can still be restored from its last checkpoint", Basis::policy,
                "checkpointing");

    const double share = e.checkpoint_duration_s / interval;
    const bool upload_bound = share > policy.max_checkpoint_share;
    configure_unaligned(builder);
    if (e.full_checkpoint_duration_s > interval && !tuning.incremental) {
        builder.warn(fmt::format("a full checkpoint takes {} to upload, longer than the {} interval: {}",
                                 human_duration(e.full_checkpoint_duration_s), human_duration(interval),
                                 faster_checkpoints(profile)));
    } else if (upload_bound) {
        builder.warn(
            fmt::format("a checkpoint takes about {} to upload, {}% of the {} interval (policy "
                        "max_checkpoint_share {}%)",
                        human_duration(e.checkpoint_duration_s), plain_number(share * 100, 0),
                        human_duration(interval), plain_number(policy.max_checkpoint_share * 100, 0)));
    }

    configure_debloat(builder);
}

}  // namespace flinklint::tuner::detail
