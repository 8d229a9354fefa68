// Checkpoint interval, timeout, pause, failures, incremental and unaligned checkpoints, buffer debloating.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "flinklint/tuner/units.hpp"
#include "steps.hpp"

namespace flinklint::tuner::detail {
namespace {

constexpr double kDebloatMaxRecord = 256;  // taskmanager.network.memory.min-segment-size default, bytes

}  // namespace

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

    // No published formula relates timeout to state size; this rule is the policy's.
    const double by_duration = policy.checkpoint_timeout_factor * e.full_checkpoint_duration_s;
    const double timeout = std::ceil(std::max(policy.min_checkpoint_timeout_s, by_duration) / 60) * 60;
    builder.add(
        "execution.checkpointing.timeout", flink_duration(timeout),
        fmt::format(
            "max({}, {} × full checkpoint duration) = max({}, {} × {}), in whole minutes; full "
            "duration = state per TaskManager / upload bandwidth = {} / {}",
            human_duration(policy.min_checkpoint_timeout_s), builder.knob("checkpoint_timeout_factor"),
            human_duration(policy.min_checkpoint_timeout_s), plain_number(policy.checkpoint_timeout_factor),
            human_duration(e.full_checkpoint_duration_s), format_decimal_bytes(e.state_bytes_per_taskmanager),
            format_rate(e.checkpoint_bandwidth)),
        Basis::policy, "checkpointing");

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

    const std::string dir_key = option_key(version, {"execution.checkpointing.dir", "state.checkpoints.dir"});
    if (profile.storage_path) {
        std::string base = *profile.storage_path;
        while (base.size() > 1 && base.back() == '/') base.pop_back();
        builder.add(dir_key, base + "/checkpoints", "checkpoint_storage.path + `/checkpoints`", Basis::fact,
                    "checkpointing");
        builder.add(option_key(version, {"execution.checkpointing.savepoint-dir", "state.savepoints.dir"}),
                    base + "/savepoints",
                    "checkpoint_storage.path + `/savepoints`: upgrades and rescaling go through savepoints",
                    Basis::policy, "checkpointing");
    } else {
        builder.warn(fmt::format("no checkpoint_storage.path: set `{}` to the {} location of the checkpoints",
                                 dir_key, to_string(profile.storage)));
    }
    if (profile.storage == StorageKind::local && profile.taskmanagers > 1) {
        builder.warn(
            "checkpoint_storage.kind local: a TaskManager that restarts elsewhere cannot read the "
            "checkpoints of the others; use shared storage for more than one TaskManager");
    }
    builder.add("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION",
                "a cancelled job can still be restored from its last checkpoint", Basis::policy,
                "checkpointing");

    // Unaligned checkpoints help when barriers wait behind back-pressure, and add I/O to checkpoint
    // storage: not when the upload is already the bottleneck.
    const double share = e.checkpoint_duration_s / interval;
    const bool upload_bound = share > policy.max_checkpoint_share;
    const bool unaligned =
        profile.shuffles > 0 && !upload_bound && e.nic_utilization <= policy.max_nic_utilization;
    std::string why;
    if (profile.shuffles == 0) {
        why = "no shuffle: barriers never wait for other channels";
    } else if (upload_bound) {
        why = fmt::format(
            "the upload takes {} of the {} interval (above {}): in-flight data would make the "
            "storage bottleneck worse",
            human_duration(e.checkpoint_duration_s), human_duration(interval),
            builder.knob("max_checkpoint_share"));
    } else if (!unaligned) {
        why = "the NIC is above max_nic_utilization: in-flight data would add to it";
    } else {
        why = fmt::format(
            "{} shuffle(s): under back-pressure barriers overtake buffered records; the upload ({}) "
            "leaves room for the in-flight data",
            profile.shuffles, human_duration(e.checkpoint_duration_s));
    }
    builder.add(option_key(version, {"execution.checkpointing.unaligned.enabled",
                                     "execution.checkpointing.unaligned"}),
                unaligned ? "true" : "false", why, Basis::policy, "checkpointing");
    if (unaligned) {
        builder.add(
            "execution.checkpointing.aligned-checkpoint-timeout",
            flink_duration(policy.aligned_checkpoint_timeout_s),
            fmt::format("{}: start aligned and switch to unaligned only when alignment takes longer (0 "
                        "would always be unaligned)",
                        builder.knob("aligned_checkpoint_timeout")),
            Basis::policy, "checkpointing");
    }
    if (e.full_checkpoint_duration_s > interval && !tuning.incremental) {
        builder.warn(
            fmt::format("a full checkpoint takes {} to upload, longer than the {} interval: use incremental "
                        "checkpoints, a longer interval or more upload bandwidth",
                        human_duration(e.full_checkpoint_duration_s), human_duration(interval)));
    } else if (upload_bound) {
        builder.warn(
            fmt::format("a checkpoint takes about {} to upload, {}% of the {} interval (policy "
                        "max_checkpoint_share {}%)",
                        human_duration(e.checkpoint_duration_s), plain_number(share * 100, 0),
                        human_duration(interval), plain_number(policy.max_checkpoint_share * 100, 0)));
    }

    // Buffer debloating: records above the minimum segment size defeat it (Flink's network tuning guide).
    const bool debloat =
        profile.shuffles > 0 && static_cast<double>(profile.record_size) <= kDebloatMaxRecord;
    builder.add("taskmanager.network.memory.buffer-debloat.enabled", debloat ? "true" : "false",
                profile.shuffles == 0 ? std::string("no shuffle: little data is in flight")
                : debloat
                    ? fmt::format("records of {} B fit the 256 B minimum segment: buffers shrink to 1 s of "
                                  "in-flight data, so barriers and back-pressure move faster",
                                  profile.record_size)
                    : fmt::format("records of {} B are larger than the 256 B minimum segment size, which "
                                  "defeats debloating",
                                  profile.record_size),
                debloat ? Basis::policy : Basis::fact, "network");
}

}  // namespace flinklint::tuner::detail
