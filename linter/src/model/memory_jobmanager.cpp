// JobManager memory (JobManagerProcessUtils + JobManagerFlinkMemoryUtils), in Flink's order.
#include "model/memory_process.hpp"

#include <fmt/format.h>

namespace flinklint {
namespace memory {
namespace {

constexpr std::uint64_t kMiB = kMebibyte;
constexpr std::string_view kDirectLimitKey = "jobmanager.memory.enable-jvm-direct-memory-limit";
constexpr LegacyHeapKeys kLegacyHeap{"FLINK_JM_HEAP", "jobmanager.heap.size", "jobmanager.heap.mb"};

struct JobManagerOptions {
    ProcessOptions process;
    SizeOption heap, off_heap;
};

const JobManagerOptions& job_manager_options() {
    static const JobManagerOptions options{
        ProcessOptions{
            {"jobmanager.memory.flink.size", {}, std::nullopt},
            {"jobmanager.memory.process.size", {}, std::nullopt},
            {"jobmanager.memory.jvm-metaspace.size", {}, 256 * kMiB},
            {"jobmanager.memory.jvm-overhead.min", {}, 192 * kMiB},
            {"jobmanager.memory.jvm-overhead.max", {}, 1024 * kMiB},
            {"jobmanager.memory.jvm-overhead.fraction", {}, 0.1F},
        },
        {"jobmanager.memory.heap.size", {}, std::nullopt},
        {"jobmanager.memory.off-heap.size", {}, 128 * kMiB},
    };
    return options;
}

struct HeapAndOffHeap {
    std::uint64_t heap = 0;
    std::uint64_t off_heap = 0;
};

// Path A: the heap size is set; off-heap is its setting, or the rest of a set total Flink size.
Checked<HeapAndOffHeap> from_heap(const MemoryConfig& config, const JobManagerOptions& jm) {
    const auto heap = config.size(jm.heap);
    if (!heap.ok()) return heap.error();
    const auto off_heap = config.size(jm.off_heap);
    if (!off_heap.ok()) return off_heap.error();
    if (!config.contains(jm.process.total_flink)) {
        if (!add_bytes(*heap, *off_heap)) {
            return overflow_error("total Flink memory",
                                  config.written({keys_of(jm.heap), keys_of(jm.off_heap)}));
        }
        return HeapAndOffHeap{*heap, *off_heap};
    }
    const auto total = config.size(jm.process.total_flink);
    if (!total.ok()) return total.error();
    if (config.contains(jm.off_heap)) {
        const auto sum = add_bytes(*heap, *off_heap);
        const auto keys =
            config.written({keys_of(jm.heap), keys_of(jm.off_heap), keys_of(jm.process.total_flink)});
        if (!sum) return overflow_error("JVM heap plus off-heap memory", keys);
        if (*sum != *total) {
            return config.failure("jm-heap-plus-offheap-mismatch", keys, [&] {
                return fmt::format(
                    "JVM heap {} plus off-heap memory {} is {}, but the total Flink memory is set "
                    "to {}. Make them add up, or set only one of heap and total Flink memory.",
                    human(*heap), human(*off_heap), human(*sum), human(*total));
            });
        }
        return HeapAndOffHeap{*heap, *off_heap};
    }
    // Off-heap not set: the 128 MiB default is ignored and off-heap takes the rest.
    if (*total < *heap) {
        const auto keys = config.written({keys_of(jm.heap), keys_of(jm.process.total_flink)});
        return config.failure("jm-heap-exceeds-total-flink", keys, [&] {
            return fmt::format(
                "The JVM heap {} is larger than the total Flink memory {}. Set only one of them, "
                "or make the total larger.",
                human(*heap), human(*total));
        });
    }
    return HeapAndOffHeap{*heap, *total - *heap};
}

// Paths B and C: heap is total Flink memory minus off-heap, which must leave something.
Checked<HeapAndOffHeap> from_total_flink(const MemoryConfig& config, const JobManagerOptions& jm,
                                         std::uint64_t total_flink, KeyList keys) {
    const auto off_heap = config.size(jm.off_heap);
    if (!off_heap.ok()) return off_heap.error();
    if (total_flink <= *off_heap) {
        merge_keys(keys, config.written({keys_of(jm.off_heap)}));
        return config.failure("jm-total-flink-not-greater-than-offheap", keys, [&] {
            return fmt::format(
                "The total Flink memory {} is not larger than the off-heap memory {}, so nothing "
                "is left for the JVM heap.",
                human(total_flink), human(*off_heap));
        });
    }
    return HeapAndOffHeap{total_flink - *off_heap, *off_heap};
}

JobManagerResult derive(MemoryConfig config, const MemoryOptions& options) {
    const JobManagerOptions& jm = job_manager_options();
    const ProcessOptions& process = jm.process;
    const SizeOption& legacy_target =
        options.mode == DeploymentMode::standalone ? jm.heap : process.total_process;
    if (auto error = map_legacy_heap(config, options, kLegacyHeap, legacy_target)) return *error;

    HeapAndOffHeap flink;
    JvmMetaspaceAndOverhead jvm;
    if (config.contains(jm.heap)) {
        const auto derived = from_heap(config, jm);
        if (!derived.ok()) return derived.error();
        flink = *derived;
        const auto keys =
            config.written({keys_of(jm.heap), keys_of(jm.off_heap), keys_of(process.total_flink)});
        const auto derived_jvm =
            derive_jvm_from_total_flink(config, process, flink.heap + flink.off_heap, keys);
        if (!derived_jvm.ok()) return derived_jvm.error();
        jvm = *derived_jvm;
    } else if (config.contains(process.total_flink)) {
        const auto total = config.size(process.total_flink);
        if (!total.ok()) return total.error();
        const auto keys = config.written({keys_of(process.total_flink)});
        const auto derived = from_total_flink(config, jm, *total, keys);
        if (!derived.ok()) return derived.error();
        flink = *derived;
        const auto derived_jvm = derive_jvm_from_total_flink(config, process, *total, keys);
        if (!derived_jvm.ok()) return derived_jvm.error();
        jvm = *derived_jvm;
    } else if (config.contains(process.total_process)) {
        const auto total_process = config.size(process.total_process);
        if (!total_process.ok()) return total_process.error();
        const auto derived_jvm = derive_jvm_with_total_process(config, process, *total_process);
        if (!derived_jvm.ok()) return derived_jvm.error();
        jvm = *derived_jvm;
        const auto keys = config.written({keys_of(process.total_process), keys_of(process.metaspace),
                                          keys_of(process.overhead_min), keys_of(process.overhead_max),
                                          keys_of(process.overhead_fraction)});
        const auto derived =
            from_total_flink(config, jm, *total_process - jvm.metaspace - jvm.overhead, keys);
        if (!derived.ok()) return derived.error();
        flink = *derived;
    } else {
        return make_error(
            "not-configured",
            "No JobManager memory size is set. Set `jobmanager.memory.process.size` (containers), "
            "`jobmanager.memory.flink.size`, or `jobmanager.memory.heap.size`.",
            config.written({keys_of(jm.off_heap)}));
    }

    // Read after the derivation, when Flink builds the JVM flags.
    const auto direct_limit = config.boolean(kDirectLimitKey, false);
    if (!direct_limit.ok()) return direct_limit.error();

    JobManagerMemory memory;
    memory.jvm_heap = flink.heap;
    memory.off_heap = flink.off_heap;
    memory.jvm_metaspace = jvm.metaspace;
    memory.jvm_overhead = jvm.overhead;
    memory.total_flink = flink.heap + flink.off_heap;
    memory.total_process = memory.total_flink + jvm.metaspace + jvm.overhead;
    memory.jvm_args = jvm_parameters(
        memory.jvm_heap, *direct_limit ? std::optional(memory.off_heap) : std::nullopt, memory.jvm_metaspace);
    return memory;
}

}  // namespace
}  // namespace memory

JobManagerResult derive_jobmanager_memory(const FlatConfig& flat, const MemoryOptions& options) {
    return memory::derive(memory::MemoryConfig(flat), options);
}

JobManagerResult probe_jobmanager_memory(const FlatConfig& flat, const ConfigChange& change,
                                         const MemoryOptions& options) {
    return memory::derive(memory::MemoryConfig(flat, &change, false), options);
}

}  // namespace flinklint
