// State backend options, heartbeat and RPC timeouts, the JobManager, and Kubernetes resources.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "flinklint/tuner/units.hpp"
#include "steps.hpp"

namespace flinklint::tuner::detail {

namespace {

// ForSt (Flink 2.x): the primary copy lives in the checkpoint directory, the local disk is a file cache,
// and only operators on the asynchronous State API V2 use it that way (ForStOptions: sync.enforce-local).
void configure_forst(Builder& builder) {
    const Profile& profile = builder.profile();
    builder.add("state.backend.forst.memory.managed", "true",
                "ForSt lives within managed memory, as the memory model above reserves it", Basis::fact,
                "state");
    // One cache per ForSt instance (ForStResourceContainer.prepareDirectories), each under its own
    // local directory: the disk is shared by slots x stateful operators of them. The cache directory
    // stays the default: a configured `state.backend.forst.cache.dir` is used as is by every instance.
    if (profile.local_disk_size) {
        const Tuning& tuning = builder.tuning;
        const int instances = tuning.slots * std::max(1, profile.shuffles);
        const double share = static_cast<double>(*profile.local_disk_size) /
                             builder.policy().disk_space_factor / static_cast<double>(instances);
        const auto limit = static_cast<std::uint64_t>(std::min(share, 4e18)) / kMiB * kMiB;
        builder.add(
            "state.backend.forst.cache.size-based-limit", flink_size_mib(std::max(limit, kMiB)),
            fmt::format("per ForSt instance: local_disk_size / {} / (slots × stateful operators) = {} / {} / "
                        "({} × {}); each instance keeps its own cache under its local directory, "
                        "`cache` under <working dir>/tmp by default, on the declared disk",
                        builder.knob("disk_space_factor"), format_binary_bytes(*profile.local_disk_size),
                        plain_number(builder.policy().disk_space_factor), tuning.slots,
                        std::max(1, profile.shuffles)),
            Basis::policy, "state");
    }
    builder.warn(
        "ForSt disaggregates state (primary copy in the checkpoint directory, local disk as cache) "
        "only for operators on the asynchronous State API V2; operators on the synchronous API keep "
        "their state local like RocksDB (state.backend.forst.sync.enforce-local): the job must use "
        "State V2 for ForSt to help");
}

// RocksDB and ForSt allocate natively through malloc. glibc keeps up to 8 arenas per core on 64-bit
// hosts and fragments them under many threads; the official images preload jemalloc instead
// (flink-docker docker-entrypoint.sh, maybe_enable_jemalloc, from the 1.12 images; DISABLE_JEMALLOC).
void configure_allocator(Builder& builder) {
    const Profile& profile = builder.profile();
    const std::string arenas = std::to_string(std::max(1, builder.policy().malloc_arena_max));
    switch (profile.deployment) {
        case Deployment::yarn:
            builder.add("containerized.taskmanager.env.MALLOC_ARENA_MAX", arenas,
                        fmt::format("{}: YARN containers run on the host's glibc malloc, which keeps up to 8 "
                                    "arenas per core whose fragmentation grows native memory past the JVM "
                                    "overhead until the container is killed (mem_trouble.md, container "
                                    "memory exceeded); Flink passes containerized.taskmanager.env.* into the "
                                    "TaskManager's environment (ResourceManagerOptions)",
                                    builder.knob("malloc_arena_max")),
                        Basis::policy, "memory");
            break;
        case Deployment::standalone:
            builder.derive("TaskManager environment", "MALLOC_ARENA_MAX=" + arenas,
                           fmt::format("{}: glibc keeps up to 8 malloc arenas per core for RocksDB's native "
                                       "memory; no Flink option sets a standalone TaskManager's environment, "
                                       "so export it where bin/taskmanager.sh runs",
                                       builder.knob("malloc_arena_max")));
            break;
        case Deployment::kubernetes_operator:
        case Deployment::kubernetes_standalone:
            builder.derive("native allocator", "jemalloc (official image)",
                           "the official Flink images preload jemalloc unless DISABLE_JEMALLOC=true (their "
                           "docker-entrypoint.sh): glibc's MALLOC_ARENA_MAX does not apply; a custom image "
                           "on glibc needs MALLOC_ARENA_MAX in the pod's environment");
            break;
    }
}

}  // namespace

void configure_state_backend(Builder& builder) {
    const Profile& profile = builder.profile();
    const Policy& policy = builder.policy();
    const Tuning& tuning = builder.tuning;
    const FlinkVersion version = profile.version;
    builder.add(option_key(version, {"state.backend.type", "state.backend"}),
                std::string(to_string(profile.backend)), "workload.state_backend", Basis::fact, "state");
    if (profile.backend != Backend::hashmap) configure_allocator(builder);
    if (profile.backend == Backend::forst) {
        configure_forst(builder);
        return;
    }
    if (profile.backend != Backend::rocksdb) return;
    builder.add(
        "state.backend.rocksdb.memory.managed", "true",
        "RocksDB's block cache, indexes and memtables stay within managed memory (the default, written out: "
        "false lets native memory grow until the container is killed)",
        Basis::fact, "state");
    const char* predefined =
        profile.local_disk == LocalDisk::ssd ? "FLASH_SSD_OPTIMIZED" : "SPINNING_DISK_OPTIMIZED";
    builder.add("state.backend.rocksdb.predefined-options", predefined,
                profile.local_disk == LocalDisk::ssd
                    ? std::string("local_disk ssd: RocksDB's options for flash")
                    : fmt::format("local_disk {}: high-latency storage, RocksDB's options for spinning disks",
                                  to_string(profile.local_disk)),
                Basis::policy, "state");
    // The option is per stateful operator instance (RocksDBOptions: "per stateful operator"): a
    // TaskManager runs slots x stateful operators of them, each with its own threads.
    const double instances = static_cast<double>(tuning.slots) * std::max(1, profile.shuffles);
    const double per_instance = tuning.estimates.checkpoint_bandwidth / instances;
    const int threads =
        static_cast<int>(std::clamp(std::ceil(per_instance / policy.upload_bandwidth_per_thread), 4.0, 16.0));
    builder.add(
        "state.backend.rocksdb.checkpoint.transfer.thread.num", std::to_string(threads),
        fmt::format("per stateful operator instance: upload bandwidth / (slots × stateful operators) / {} "
                    "= {} / ({} × {}) / {}, at least Flink's default 4, at most 16; {} threads per "
                    "TaskManager in all",
                    builder.knob("upload_bandwidth_per_thread"),
                    format_rate(tuning.estimates.checkpoint_bandwidth), tuning.slots,
                    std::max(1, profile.shuffles), format_rate(policy.upload_bandwidth_per_thread),
                    plain_number(threads * instances, 0)),
        Basis::policy, "state");
    if (tuning.estimates.state_bytes_per_taskmanager > 0) {
        const double cached =
            static_cast<double>(tuning.taskmanager.managed) / tuning.estimates.state_bytes_per_taskmanager;
        builder.derive("RocksDB memory / state", plain_number(cached, 3),
                       fmt::format("managed memory / state per TaskManager = {} / {}{}",
                                   format_binary_bytes(tuning.taskmanager.managed),
                                   format_decimal_bytes(tuning.estimates.state_bytes_per_taskmanager),
                                   cached < 0.05 ? ": most reads go to disk" : ""));
    }
}

void configure_runtime(Builder& builder) {
    const Profile& profile = builder.profile();
    const Policy& policy = builder.policy();
    const Tuning& tuning = builder.tuning;
    const FlinkVersion version = profile.version;
    builder.add("heartbeat.interval", duration_value(version, "heartbeat.interval", 10),
                "Flink's default; a lost TaskManager is noticed after the timeout", Basis::fact, "cluster");
    const std::uint64_t heap = tuning.taskmanager.framework_heap + tuning.taskmanager.task_heap;
    const bool large = heap >= policy.large_heap;
    builder.add(
        "heartbeat.timeout",
        duration_value(version, "heartbeat.timeout", large ? policy.large_heap_heartbeat_timeout_s : 50),
        large ? fmt::format("JVM heap {} ≥ {}: full garbage collections of large heaps can pause longer than "
                            "Flink's 50 s default ({})",
                            format_binary_bytes(heap), format_binary_bytes(policy.large_heap),
                            builder.knob("large_heap_heartbeat_timeout"))
              : fmt::format("Flink's default: the JVM heap of {} stays below {} ({})",
                            format_binary_bytes(heap), format_binary_bytes(policy.large_heap),
                            builder.knob("large_heap")),
        large ? Basis::policy : Basis::fact, "cluster");
    const bool many = tuning.parallelism >= policy.large_parallelism;
    const std::string ask = option_key(version, {"pekko.ask.timeout", "akka.ask.timeout"});
    builder.add(
        ask, flink_duration(many ? policy.large_parallelism_ask_timeout_s : 10),
        many ? fmt::format("parallelism {} ≥ {}: deployments and checkpoints of many tasks answer slower "
                           "than Flink's 10 s default ({})",
                           tuning.parallelism, policy.large_parallelism,
                           builder.knob("large_parallelism_ask_timeout"))
             : fmt::format("Flink's default: parallelism {} is below {} ({})", tuning.parallelism,
                           policy.large_parallelism, builder.knob("large_parallelism")),
        many ? Basis::policy : Basis::fact, "cluster");
}

void check_jobmanager(Builder& builder) {
    const Profile& profile = builder.profile();
    Tuning& tuning = builder.tuning;
    const MemoryOptions options = memory_options(profile);
    const bool standalone = profile.deployment == Deployment::standalone;
    const std::uint64_t budget = profile.jm_memory / kMiB * kMiB;
    std::string key = standalone ? "jobmanager.memory.flink.size" : "jobmanager.memory.process.size";
    std::uint64_t value = budget;
    if (standalone) {
        std::uint64_t low = 1;
        std::uint64_t high = budget / kMiB;
        while (low < high) {
            const std::uint64_t middle = (low + high + 1) / 2;
            const auto result = derive_jobmanager_memory({{key, fmt::format("{}m", middle)}}, options);
            const auto* memory = std::get_if<JobManagerMemory>(&result);
            if (memory != nullptr && memory->total_process <= budget)
                low = middle;
            else
                high = middle - 1;
        }
        value = low * kMiB;
    }
    const auto result = derive_jobmanager_memory({{key, flink_size_mib(value)}}, options);
    if (const auto* error = std::get_if<MemoryError>(&result)) {
        builder.fail("cluster.jobmanager.memory",
                     fmt::format("`cluster.jobmanager.memory`: Flink cannot start a JobManager of {}: {}",
                                 format_binary_bytes(budget), error->message));
        return;
    }
    tuning.jobmanager = std::get<JobManagerMemory>(result);
    builder.add(key, flink_size_mib(value),
                standalone
                    ? fmt::format("largest total Flink memory whose JobManager process fits the {} budget",
                                  format_binary_bytes(budget))
                    : fmt::format("the {} budget of the JobManager container", format_binary_bytes(budget)),
                Basis::fact, "memory");
}

void configure_kubernetes(Builder& builder) {
    const Profile& profile = builder.profile();
    const std::string tm_memory = fmt::format("{}Mi", profile.tm_memory / kMiB);
    const std::string jm_memory = fmt::format("{}Mi", profile.jm_memory / kMiB);
    const std::string tm_cpu = plain_number(profile.tm_cpu_cores);
    const std::string jm_cpu = plain_number(profile.jm_cpu_cores);
    const std::string unit_note = "`Mi` means the same bytes to the operator and to Kubernetes";
    if (profile.deployment == Deployment::kubernetes_operator) {
        builder.add(
            option_key(profile.version, {"kubernetes.taskmanager.cpu.amount", "kubernetes.taskmanager.cpu"}),
            tm_cpu, "cluster.taskmanager.cpu_cores", Basis::fact, "kubernetes");
        builder.add(
            option_key(profile.version, {"kubernetes.jobmanager.cpu.amount", "kubernetes.jobmanager.cpu"}),
            jm_cpu, "cluster.jobmanager.cpu_cores", Basis::fact, "kubernetes");
        builder.add(
            "spec.taskManager.resource.memory", tm_memory,
            "cluster.taskmanager.memory; the operator writes it into taskmanager.memory.process.size; " +
                unit_note,
            Basis::fact, "kubernetes");
        builder.add("spec.taskManager.resource.cpu", tm_cpu, "cluster.taskmanager.cpu_cores", Basis::fact,
                    "kubernetes");
        builder.add(
            "spec.jobManager.resource.memory", jm_memory,
            "cluster.jobmanager.memory; the operator writes it into jobmanager.memory.process.size; " +
                unit_note,
            Basis::fact, "kubernetes");
        builder.add("spec.jobManager.resource.cpu", jm_cpu, "cluster.jobmanager.cpu_cores", Basis::fact,
                    "kubernetes");
    } else if (profile.deployment == Deployment::kubernetes_standalone) {
        const std::string limit =
            "requests = limits: the container gets exactly the memory Flink sizes its process for";
        builder.add("pod.taskmanager.resources.memory", tm_memory, limit, Basis::fact, "kubernetes");
        builder.add("pod.taskmanager.resources.cpu", tm_cpu, "cluster.taskmanager.cpu_cores", Basis::fact,
                    "kubernetes");
        builder.add("pod.jobmanager.resources.memory", jm_memory, limit, Basis::fact, "kubernetes");
        builder.add("pod.jobmanager.resources.cpu", jm_cpu, "cluster.jobmanager.cpu_cores", Basis::fact,
                    "kubernetes");
    }
}

}  // namespace flinklint::tuner::detail
