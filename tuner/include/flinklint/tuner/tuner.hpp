// From a profile to a recommended Flink configuration: every value with its formula, its inputs and
// whether it is a fact of Flink or a policy choice (docs/tuning.md).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "flinklint/memory_model.hpp"
#include "flinklint/tuner/profile.hpp"

namespace flinklint::tuner {

enum class Basis { fact, policy };
std::string_view to_string(Basis);

struct Recommendation {
    std::string key;     // a Flink option, or a Kubernetes field (`spec.taskManager.resource.memory`)
    std::string value;   // as it is written in a Flink config
    std::string reason;  // the formula with its inputs
    Basis basis = Basis::policy;
    std::string group;  // parallelism, memory, network, checkpointing, state, cluster, kubernetes
    [[nodiscard]] bool is_flink_option() const {
        return !key.starts_with("spec.") && !key.starts_with("pod.");
    }
};

// Per TaskManager, bytes per second, in Metzger's model ("How to size your Apache Flink cluster").
struct Estimates {
    double source_in = 0, shuffle_in = 0, shuffle_out = 0;
    double state_read = 0, state_write = 0, window_emit = 0, checkpoint_out = 0;
    double network_in = 0, network_out = 0;
    double nic_utilization = 0;  // max(in, out) / NIC, 0..1 (above 1: the NIC cannot carry it)
    double state_bytes_per_taskmanager = 0;
    double checkpoint_duration_s = 0;  // one checkpoint as configured (incremental or full)
    // Beyond the json contract, for reports and decisions.
    double nic_bytes_per_s = 0;
    double checkpoint_bandwidth = 0;
    double full_checkpoint_duration_s = 0;
    double state_update_rate = 0;  // bytes/s written to state per TaskManager, wherever the disk is
};

// A derived figure and how it was computed, for the reports.
struct Derivation {
    std::string name;
    std::string value;
    std::string formula;
};

struct Tuning {
    Profile profile;
    Estimates estimates;
    std::vector<Derivation> derivations;
    std::vector<Recommendation> recommendations;
    std::vector<std::string> warnings;
    TaskManagerMemory taskmanager;
    JobManagerMemory jobmanager;
    int slots = 1;
    int parallelism = 1;
    int target_parallelism = 1;  // what network memory and max parallelism are sized for
    int max_parallelism = 1;
    bool high_parallelism = false;  // network sized with capped gates and buffer debloating
    bool unaligned = false;
    std::uint64_t os_reserve = 0;
    std::string upgrade_mode = "stateless";      // FlinkDeployment spec.job.upgradeMode
    std::optional<std::uint64_t> local_storage;  // local disk per TaskManager pod for state, bytes  //
                                                 // standalone: host memory left to the OS and page cache
    // Why the plan cannot work, each with the minimum that would make it feasible: `tune` exits 1
    // and emits nothing unless forced.
    std::vector<std::string> infeasible;
    double checkpoint_interval_s = 60;
    double checkpoint_timeout_s = 600;
    bool incremental = false;

    // The Flink options among the recommendations, in report order.
    [[nodiscard]] std::vector<std::pair<std::string, std::string>> flink_config() const;
    [[nodiscard]] const Recommendation* find(std::string_view key) const;
};

using TuneResult = std::variant<Tuning, std::vector<ProfileError>>;

// Errors are profiles that cannot run: a TaskManager too small for one slot, and the like.
TuneResult tune(const Profile& profile);

// The memory options the exact model derives the recommended processes with.
MemoryOptions memory_options(const Profile& profile);

}  // namespace flinklint::tuner
