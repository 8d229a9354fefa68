// Plans that cannot work: each verdict inverts the model to the minimum TaskManagers, bandwidth, memory
// or disk that would make the plan feasible.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "flinklint/tuner/units.hpp"
#include "steps.hpp"

namespace flinklint::tuner::detail {
namespace {

// ceil(x) for a TaskManager count, within Flink's 32768.
int taskmanagers(double x) {
    return static_cast<int>(std::clamp(std::ceil(x - 1e-9), 1.0, 32768.0));
}

void infeasible(Builder& builder, std::string verdict) {
    builder.tuning.infeasible.push_back(std::move(verdict));
}

void check_network(Builder& builder) {
    const Profile& profile = builder.profile();
    const Estimates& e = builder.tuning.estimates;
    if (e.nic_utilization <= 1) return;
    // Every term of the traffic per TaskManager falls at least as 1/N: N × utilization TaskManagers suffice.
    const double busiest = std::max(e.network_in, e.network_out);
    infeasible(builder,
               fmt::format("the NIC would carry {} of {} ({}%): it cannot; at least {} TaskManagers, or "
                           "at least {} Gbit/s per TaskManager",
                           format_rate(busiest), format_rate(profile.network_bandwidth),
                           plain_number(e.nic_utilization * 100, 1),
                           taskmanagers(profile.taskmanagers * e.nic_utilization),
                           plain_number(std::ceil(busiest * 8 / 1e8) / 10, 1)));
}

void check_heap(Builder& builder) {
    const Profile& profile = builder.profile();
    const Tuning& tuning = builder.tuning;
    if (profile.backend != Backend::hashmap) return;
    const double per_tm = tuning.estimates.state_bytes_per_taskmanager * profile.policy.heap_state_expansion;
    const auto heap = static_cast<double>(tuning.taskmanager.task_heap);
    if (per_tm <= heap || heap <= 0) return;
    const double total = per_tm * profile.taskmanagers;
    // The task heap grows by about 0.9 of each added byte of process (JVM overhead takes 0.1).
    const double memory = static_cast<double>(profile.tm_memory) + (per_tm - heap) / 0.9;
    infeasible(builder,
               fmt::format("the hashmap backend keeps about {} of state objects on each TaskManager's heap "
                           "({} state × {}), more than its {} task heap; at least {} TaskManagers, or "
                           "about {} of memory per TaskManager, or the rocksdb backend",
                           format_decimal_bytes(per_tm),
                           format_decimal_bytes(tuning.estimates.state_bytes_per_taskmanager),
                           plain_number(profile.policy.heap_state_expansion),
                           format_binary_bytes(tuning.taskmanager.task_heap), taskmanagers(total / heap),
                           format_binary_bytes(
                               static_cast<std::uint64_t>(std::ceil(std::min(memory, 1e15) / kGiB)) * kGiB)));
}

void check_disk(Builder& builder) {
    const Profile& profile = builder.profile();
    const Policy& policy = builder.policy();
    const Tuning& tuning = builder.tuning;
    const double state = tuning.estimates.state_bytes_per_taskmanager;
    if (profile.backend != Backend::rocksdb || state <= 0) return;
    if (profile.local_disk_size) {
        const double needed = state * policy.disk_space_factor;
        const auto size = static_cast<double>(*profile.local_disk_size);
        if (needed > size) {
            infeasible(builder,
                       fmt::format("RocksDB needs about {} of local disk per TaskManager (state × {}), more "
                                   "than the declared {}; at least {} TaskManagers, or {} of disk each",
                                   format_decimal_bytes(needed), plain_number(policy.disk_space_factor),
                                   format_binary_bytes(*profile.local_disk_size),
                                   taskmanagers(needed * profile.taskmanagers / size),
                                   format_decimal_bytes(needed)));
        }
    }
    // Reads that miss managed memory: R/N × (1 − M·N/S_total), so N ≥ R / (IOPS + R·M/S_total).
    const double iops = disk_iops(profile);
    const auto managed = static_cast<double>(tuning.taskmanager.managed);
    const double rate = profile.records_per_second;
    const double cached = std::min(1.0, managed / state);
    const double reads = rate / profile.taskmanagers * (1 - cached);
    if (reads <= iops) return;
    const double total_state = state * profile.taskmanagers;
    infeasible(
        builder,
        fmt::format("about {} random reads/s per TaskManager miss RocksDB's {} cache ({}% of the "
                    "state), more than {} {} disks serve; at least {} TaskManagers, faster disks, or "
                    "more managed memory",
                    plain_number(reads, 0), format_binary_bytes(tuning.taskmanager.managed),
                    plain_number(cached * 100, 1), plain_number(iops, 0), to_string(profile.local_disk),
                    taskmanagers(rate / (iops + rate * managed / total_state))));
}

// Standalone and YARN have no HA service of their own: ZooKeeper needs a quorum only the profile can name.
void check_high_availability(Builder& builder) {
    const Profile& profile = builder.profile();
    if (builder.tuning.estimates.state_bytes_per_taskmanager <= 0 || !profile.storage_path) return;
    if (ha_service(profile) != HaKind::automatic) return;
    infeasible(builder,
               fmt::format("a stateful job on {} needs high availability: without it a JobManager failure "
                           "loses the pointer to the latest checkpoint and the job restarts without its "
                           "state; declare `high_availability.zookeeper_quorum` (ZooKeeper HA), or "
                           "`high_availability.kind: none` to accept that",
                           to_string(profile.deployment)));
}

}  // namespace

void check_feasibility(Builder& builder) {
    const Profile& profile = builder.profile();
    check_network(builder);
    check_heap(builder);
    check_disk(builder);
    check_high_availability(builder);
    if (builder.tuning.estimates.state_bytes_per_taskmanager > 0 && !profile.storage_path) {
        infeasible(builder,
                   fmt::format("a stateful job needs `checkpoint_storage.path`: without a checkpoint "
                               "directory Flink falls back to JobManagerCheckpointStorage, which keeps "
                               "checkpoints in the JobManager's memory (5 MiB per state by default) and "
                               "loses them with it; declare the {} location",
                               to_string(profile.storage)));
    }
}

}  // namespace flinklint::tuner::detail
