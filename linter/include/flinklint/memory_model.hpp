// Flink's TaskManager and JobManager memory derivation, re-implemented to the byte
// (TaskExecutorProcessUtils / JobManagerProcessUtils, see docs/memory-model.md).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "flinklint/version.hpp"

namespace flinklint {

// Effective key -> value strings of one configuration (last occurrence wins), as Flink reads them.
using FlatConfig = std::map<std::string, std::string, std::less<>>;

// Decides what the legacy heap keys (`taskmanager.heap.size`, `jobmanager.heap.mb`, ...) map to.
enum class DeploymentMode {
    standalone,  // bin/*.sh start scripts: legacy TM heap -> flink.size, JM heap -> heap.size
    active,      // YARN / native Kubernetes: legacy heap -> process.size
};

struct TaskManagerMemory {
    std::uint64_t framework_heap = 0, task_heap = 0, framework_off_heap = 0, task_off_heap = 0;
    std::uint64_t network = 0, managed = 0, jvm_metaspace = 0, jvm_overhead = 0;
    std::uint64_t total_flink = 0, total_process = 0;
    std::uint64_t jvm_heap = 0, jvm_direct = 0;
    std::string jvm_args;
    double cpu_cores = 0;
};

struct JobManagerMemory {
    std::uint64_t jvm_heap = 0, off_heap = 0, jvm_metaspace = 0, jvm_overhead = 0;
    std::uint64_t total_flink = 0, total_process = 0;
    std::string jvm_args;
};

// A start-up failure Flink would raise, in one of the categories of memory-vectors/README.md.
struct MemoryError {
    std::string category;  // "components-exceed-total-flink", ...
    std::string message;   // our words, with the numbers
    std::vector<std::string>
        keys;  // keys (as written in the config, aliases resolved to what is present) that cause it
};

struct MemoryOptions {
    FlinkVersion version = kDefaultFlinkVersion;
    DeploymentMode mode = DeploymentMode::standalone;
    // Environment variables the start scripts read (FLINK_TM_HEAP, FLINK_JM_HEAP), if known.
    std::map<std::string, std::string> env;
};

using TaskManagerResult = std::variant<TaskManagerMemory, MemoryError>;
using JobManagerResult = std::variant<JobManagerMemory, MemoryError>;

TaskManagerResult derive_taskmanager_memory(const FlatConfig& config, const MemoryOptions& options);
JobManagerResult derive_jobmanager_memory(const FlatConfig& config, const MemoryOptions& options);

// One key of a FlatConfig set to `value`, or removed when `value` is nullopt: what-if derivations
// (the fix search probes dozens of sizes) read through it instead of copying the whole map.
struct ConfigChange {
    std::string_view key;
    std::optional<std::string_view> value;
};

// The derivations of `config` with `change` applied, for searches: a failure carries its category and
// keys but, unlike the derive_* functions, no message (formatting sizes costs more than deriving them).
TaskManagerResult probe_taskmanager_memory(const FlatConfig& config, const ConfigChange& change,
                                           const MemoryOptions& options);
JobManagerResult probe_jobmanager_memory(const FlatConfig& config, const ConfigChange& change,
                                         const MemoryOptions& options);

}  // namespace flinklint
