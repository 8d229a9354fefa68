// What a tuner profile (`check --profile FILE`; tuner/include/flinklint/tuner/profile.hpp) declares
// that `check` rules can use: hardware and workload facts the configuration itself cannot tell.
// Every field is optional; rules that need one stay silent without it. The tuner's profile parser
// fills this; tests build it by hand.
#pragma once

#include <cstdint>
#include <optional>

namespace flinklint {

struct ProfileFacts {
    // workload.state_size: total state of the job, bytes.
    std::optional<std::uint64_t> state_size;
    // cluster.taskmanagers: TaskManager processes the state is spread over.
    std::optional<std::int32_t> taskmanagers;
    // checkpoint_storage.bandwidth (else half of cluster.taskmanager.network_bandwidth): upload
    // bandwidth of one TaskManager to the checkpoint storage, bytes per second.
    std::optional<double> checkpoint_bandwidth;
    // Parallelism and slots the workload runs with, when the profile states or derives them.
    std::optional<std::int32_t> parallelism;
    std::optional<std::int32_t> slots_per_taskmanager;
    // workload.shuffles: all-to-all exchanges (keyBy, rebalance) every slot takes part in.
    std::optional<std::int32_t> shuffles;
};

}  // namespace flinklint
