// TaskManager memory (TaskExecutorProcessUtils + TaskExecutorFlinkMemoryUtils), step by step in
// Flink's order, so that the first failure Flink would hit is the one reported.
#include <fmt/format.h>

#include <cmath>

#include "flinklint/network_buffers.hpp"
#include "model/memory_process.hpp"

namespace flinklint {
namespace memory {
namespace {

constexpr std::uint64_t kMiB = kMebibyte;
constexpr std::string_view kNumberOfBuffersKey = "taskmanager.network.numberOfBuffers";
constexpr std::string_view kCpuCoresKey = "taskmanager.cpu.cores";
constexpr std::string_view kSlotsKey = "taskmanager.numberOfTaskSlots";
constexpr LegacyHeapKeys kLegacyHeap{"FLINK_TM_HEAP", "taskmanager.heap.size", "taskmanager.heap.mb"};

struct TaskManagerOptions {
    ProcessOptions process;
    SizeOption framework_heap, framework_off_heap, task_heap, task_off_heap;
    SizeOption managed_size, network_min, network_max, segment_size;
    FractionOption managed_fraction, network_fraction;
};

TaskManagerOptions options_for(FlinkVersion version) {
    // FLINK-30472 (1.17) made the network maximum unbounded; before it was 1 GiB.
    const std::uint64_t network_max = version < FlinkVersion{1, 17} ? 1024 * kMiB : kMaxBytes;
    return TaskManagerOptions{
        ProcessOptions{
            {"taskmanager.memory.flink.size", {}, std::nullopt},
            {"taskmanager.memory.process.size", {}, std::nullopt},
            {"taskmanager.memory.jvm-metaspace.size", {}, 256 * kMiB},
            {"taskmanager.memory.jvm-overhead.min", {}, 192 * kMiB},
            {"taskmanager.memory.jvm-overhead.max", {}, 1024 * kMiB},
            {"taskmanager.memory.jvm-overhead.fraction", {}, 0.1F},
        },
        {"taskmanager.memory.framework.heap.size", {}, 128 * kMiB},
        {"taskmanager.memory.framework.off-heap.size", {}, 128 * kMiB},
        {"taskmanager.memory.task.heap.size", {}, std::nullopt},
        {"taskmanager.memory.task.off-heap.size", {}, 0},
        {"taskmanager.memory.managed.size", "taskmanager.memory.size", std::nullopt},
        {"taskmanager.memory.network.min", "taskmanager.network.memory.min", 64 * kMiB},
        {"taskmanager.memory.network.max", "taskmanager.network.memory.max", network_max},
        {"taskmanager.memory.segment-size", {}, 32 * 1024},
        {"taskmanager.memory.managed.fraction", {}, 0.4F},
        {"taskmanager.memory.network.fraction", "taskmanager.network.memory.fraction", 0.1F},
    };
}

struct FlinkParts {
    std::uint64_t framework_heap = 0, framework_off_heap = 0, task_heap = 0, task_off_heap = 0;
    std::uint64_t network = 0, managed = 0;
};

struct Unit {};

class TaskManagerDerivation {
public:
    TaskManagerDerivation(const MemoryConfig& config, const TaskManagerOptions& options, FlinkVersion version)
        : config_(config), options_(options), version_(version) {}

    // Path A: task heap and managed size both set.
    Checked<FlinkParts> from_fine_grained();
    // Paths B and C: total Flink memory known; `total_keys` are the written keys behind it.
    Checked<FlinkParts> from_total_flink(std::uint64_t total_flink, const KeyList& total_keys);

private:
    bool uses_legacy_network() const;
    Checked<std::uint64_t> legacy_network_size() const;
    Checked<std::uint64_t> page_size() const;
    Checked<std::uint64_t> managed_size_or_fraction(std::uint64_t total_flink) const;
    Checked<Unit> check_network_rest(std::uint64_t network, KeyList keys) const;
    KeyList component_keys() const;

    const MemoryConfig& config_;
    const TaskManagerOptions& options_;
    FlinkVersion version_;
};

bool TaskManagerDerivation::uses_legacy_network() const {
    if (version_.major >= 2) return false;  // numberOfBuffers was removed in 2.0
    const bool any_network = config_.contains(options_.network_min) ||
                             config_.contains(options_.network_max) ||
                             config_.contains(options_.network_fraction);
    return !any_network && config_.contains(kNumberOfBuffersKey);
}

Checked<std::uint64_t> TaskManagerDerivation::page_size() const {
    const auto& option = options_.segment_size;
    const auto bytes = config_.size(option);
    if (!bytes.ok()) return bytes.error();
    if (!is_valid_page_size(*bytes)) {
        return make_error("invalid-value",
                          fmt::format("`{}` is {}; a memory segment must be a power of two of at least 4 KiB "
                                      "and below 2 GiB.",
                                      config_.written_key(option.key), human(*bytes)),
                          config_.written({keys_of(option)}));
    }
    return *bytes;
}

Checked<std::uint64_t> TaskManagerDerivation::legacy_network_size() const {
    const auto buffers = config_.integer(kNumberOfBuffersKey, 2048);
    if (!buffers.ok()) return buffers.error();
    const auto page = page_size();
    if (!page.ok()) return page.error();
    if (*buffers < 0) {
        return make_error("invalid-value",
                          fmt::format("`{}: {}` is negative; the network memory size would be negative.",
                                      kNumberOfBuffersKey, *buffers),
                          {kNumberOfBuffersKey});
    }
    return static_cast<std::uint64_t>(*buffers) * *page;
}

Checked<std::uint64_t> TaskManagerDerivation::managed_size_or_fraction(std::uint64_t total_flink) const {
    if (config_.contains(options_.managed_size)) return config_.size(options_.managed_size);
    const auto range =
        check_range_fraction(config_, 0, kMaxBytes, options_.managed_fraction, {}, "managed memory");
    if (!range.ok()) return range.error();
    const auto managed = derive_with_fraction(total_flink, *range);
    if (!managed)
        return overflow_error("managed memory", config_.written({keys_of(options_.managed_fraction)}));
    return *managed;
}

KeyList TaskManagerDerivation::component_keys() const {
    return config_.written({keys_of(options_.framework_heap), keys_of(options_.framework_off_heap),
                            keys_of(options_.task_heap), keys_of(options_.task_off_heap),
                            keys_of(options_.managed_size), keys_of(options_.managed_fraction)});
}

// Network memory is "the rest" when total Flink and task heap (and/or managed) are fixed:
// it must still fit the configured range (or equal the legacy buffer count times page size).
Checked<Unit> TaskManagerDerivation::check_network_rest(std::uint64_t network, KeyList keys) const {
    if (uses_legacy_network()) {
        const auto configured = legacy_network_size();
        if (!configured.ok()) return configured.error();
        if (*configured != network) {
            merge_keys(keys, config_.written({{kNumberOfBuffersKey, {}}, keys_of(options_.segment_size)}));
            return config_.failure("legacy-network-buffers-mismatch", keys, [&] {
                return fmt::format(
                    "Total Flink memory minus the other components leaves {} of network memory, "
                    "but `{}` times the segment size asks for {}.",
                    human(network), kNumberOfBuffersKey, human(*configured));
            });
        }
        return Unit{};
    }
    const auto range = read_range_fraction(config_, options_.network_min, options_.network_max,
                                           options_.network_fraction, "network memory");
    if (!range.ok()) return range.error();
    if (network < range->min || network > range->max) {
        merge_keys(keys, config_.written({keys_of(options_.network_min), keys_of(options_.network_max),
                                          keys_of(options_.network_fraction)}));
        return config_.failure("network-out-of-range", keys, [&] {
            return fmt::format(
                "Total Flink memory minus the explicitly sized components leaves {} of network "
                "memory, outside the network range [{}, {}]. Size fewer components explicitly or "
                "widen the range.",
                human(network), human(range->min), human(range->max));
        });
    }
    return Unit{};
}

// Sum of the parts, failing like Math.addExact on overflow.
Checked<std::uint64_t> sum_of(std::initializer_list<std::uint64_t> parts, const KeyList& keys) {
    std::uint64_t total = 0;
    for (const auto part : parts) {
        const auto next = add_bytes(total, part);
        if (!next) return overflow_error("sum of the memory components", keys);
        total = *next;
    }
    return total;
}

std::string exceed_message(const FlinkParts& parts, bool with_task_heap, std::uint64_t sum,
                           std::uint64_t total) {
    std::string text = fmt::format(
        "The explicitly sized or derived components add up to {}, more than the total Flink memory {}: "
        "framework "
        "heap {}, framework off-heap {}",
        human(sum), human(total), human(parts.framework_heap), human(parts.framework_off_heap));
    if (with_task_heap) text += fmt::format(", task heap {}", human(parts.task_heap));
    text += fmt::format(", task off-heap {}, managed {}", human(parts.task_off_heap), human(parts.managed));
    if (!with_task_heap) text += fmt::format(", network {}", human(parts.network));
    text += ".";
    return text;
}

Checked<FlinkParts> TaskManagerDerivation::from_fine_grained() {
    FlinkParts parts;
    for (auto [target, option] :
         {std::pair{&parts.task_heap, &options_.task_heap}, std::pair{&parts.managed, &options_.managed_size},
          std::pair{&parts.framework_heap, &options_.framework_heap},
          std::pair{&parts.framework_off_heap, &options_.framework_off_heap},
          std::pair{&parts.task_off_heap, &options_.task_off_heap}}) {
        const auto bytes = config_.size(*option);
        if (!bytes.ok()) return bytes.error();
        *target = *bytes;
    }
    auto keys = component_keys();
    const auto without_network = sum_of(
        {parts.framework_heap, parts.framework_off_heap, parts.task_heap, parts.task_off_heap, parts.managed},
        keys);
    if (!without_network.ok()) return without_network.error();

    const auto& flink_option = options_.process.total_flink;
    if (config_.contains(flink_option)) {
        const auto total = config_.size(flink_option);
        if (!total.ok()) return total.error();
        merge_keys(keys, config_.written({keys_of(flink_option)}));
        if (*without_network > *total) {
            return config_.failure("components-exceed-total-flink", keys,
                                   [&] { return exceed_message(parts, true, *without_network, *total); });
        }
        parts.network = *total - *without_network;
        const auto checked = check_network_rest(parts.network, keys);
        if (!checked.ok()) return checked.error();
        return parts;
    }

    if (uses_legacy_network()) {
        const auto network = legacy_network_size();
        if (!network.ok()) return network.error();
        parts.network = *network;
    } else {
        const auto range = read_range_fraction(config_, options_.network_min, options_.network_max,
                                               options_.network_fraction, "network memory");
        if (!range.ok()) return range.error();
        const auto network = derive_with_inverse_fraction(*without_network, *range);
        if (!network) return overflow_error("network memory", keys);
        parts.network = *network;
    }
    const auto total = sum_of({*without_network, parts.network}, keys);
    if (!total.ok()) return total.error();
    return parts;
}

Checked<FlinkParts> TaskManagerDerivation::from_total_flink(std::uint64_t total_flink,
                                                            const KeyList& total_keys) {
    FlinkParts parts;
    for (auto [target, option] : {std::pair{&parts.framework_heap, &options_.framework_heap},
                                  std::pair{&parts.framework_off_heap, &options_.framework_off_heap},
                                  std::pair{&parts.task_off_heap, &options_.task_off_heap}}) {
        const auto bytes = config_.size(*option);
        if (!bytes.ok()) return bytes.error();
        *target = *bytes;
    }
    auto keys = total_keys;
    merge_keys(keys, component_keys());

    if (config_.contains(options_.task_heap)) {
        const auto task_heap = config_.size(options_.task_heap);
        if (!task_heap.ok()) return task_heap.error();
        parts.task_heap = *task_heap;
        const auto managed = managed_size_or_fraction(total_flink);
        if (!managed.ok()) return managed.error();
        parts.managed = *managed;
        const auto without_network = sum_of({parts.framework_heap, parts.framework_off_heap, parts.task_heap,
                                             parts.task_off_heap, parts.managed},
                                            keys);
        if (!without_network.ok()) return without_network.error();
        if (*without_network > total_flink) {
            return config_.failure("components-exceed-total-flink", keys, [&] {
                return exceed_message(parts, true, *without_network, total_flink);
            });
        }
        parts.network = total_flink - *without_network;
        const auto checked = check_network_rest(parts.network, keys);
        if (!checked.ok()) return checked.error();
        return parts;
    }

    const auto managed = managed_size_or_fraction(total_flink);
    if (!managed.ok()) return managed.error();
    parts.managed = *managed;
    if (uses_legacy_network()) {
        const auto network = legacy_network_size();
        if (!network.ok()) return network.error();
        parts.network = *network;
        merge_keys(keys, config_.written({{kNumberOfBuffersKey, {}}}));
    } else {
        const auto range = read_range_fraction(config_, options_.network_min, options_.network_max,
                                               options_.network_fraction, "network memory");
        if (!range.ok()) return range.error();
        const auto network = derive_with_fraction(total_flink, *range);
        if (!network) return overflow_error("network memory", keys);
        parts.network = *network;
        merge_keys(keys, config_.written({keys_of(options_.network_min), keys_of(options_.network_max),
                                          keys_of(options_.network_fraction)}));
    }
    const auto without_task_heap = sum_of(
        {parts.framework_heap, parts.framework_off_heap, parts.task_off_heap, parts.managed, parts.network},
        keys);
    if (!without_task_heap.ok()) return without_task_heap.error();
    if (*without_task_heap > total_flink) {
        return config_.failure("components-exceed-total-flink", keys,
                               [&] { return exceed_message(parts, false, *without_task_heap, total_flink); });
    }
    parts.task_heap = total_flink - *without_task_heap;
    return parts;
}

// getCpuCoresWithFallback, evaluated by Flink after the memory derivation succeeded.
Checked<double> cpu_cores(const MemoryConfig& config) {
    double cores = 0;
    std::string_view key;
    if (config.contains(kCpuCoresKey)) {
        const auto value = config.real(kCpuCoresKey, 0);
        if (!value.ok()) return value.error();
        cores = *value;
        key = kCpuCoresKey;
    } else {
        const auto slots = config.integer(kSlotsKey, 1);
        if (!slots.ok()) return slots.error();
        cores = *slots;
        key = kSlotsKey;
    }
    if (cores <= 0) {
        return make_error(
            "non-positive-cpu-cores",
            fmt::format("A TaskManager needs a positive number of CPU cores, but `{}` gives {}; set "
                        "`taskmanager.cpu.cores` to a positive number.",
                        key, java_double_text(cores)),
            config.written({{key, {}}}));
    }
    if (!std::isfinite(cores)) {
        // NaN passes the sign check but Flink's CPUResource cannot hold it.
        return make_error("invalid-value",
                          fmt::format("`{}` is {}, not a finite number.", key, java_double_text(cores)),
                          config.written({{key, {}}}));
    }
    // The slot count is read next, even when the cores came from taskmanager.cpu.cores.
    const auto slots = config.integer(kSlotsKey, 1);
    if (!slots.ok()) return slots.error();
    return cores;
}

TaskManagerResult derive(MemoryConfig config, const MemoryOptions& options) {
    const TaskManagerOptions tm = options_for(options.version);
    const ProcessOptions& process = tm.process;
    const SizeOption& legacy_target =
        options.mode == DeploymentMode::standalone ? process.total_flink : process.total_process;
    if (auto error = map_legacy_heap(config, options, kLegacyHeap, legacy_target)) return *error;

    TaskManagerDerivation derivation(config, tm, options.version);
    FlinkParts parts;
    JvmMetaspaceAndOverhead jvm;
    if (config.contains(tm.task_heap) && config.contains(tm.managed_size)) {
        const auto derived = derivation.from_fine_grained();
        if (!derived.ok()) return derived.error();
        parts = *derived;
        const std::uint64_t total = parts.framework_heap + parts.framework_off_heap + parts.task_heap +
                                    parts.task_off_heap + parts.managed + parts.network;
        auto flink_keys = config.written({keys_of(tm.task_heap), keys_of(tm.managed_size),
                                          keys_of(tm.framework_heap), keys_of(tm.framework_off_heap),
                                          keys_of(tm.task_off_heap), keys_of(process.total_flink)});
        const auto derived_jvm = derive_jvm_from_total_flink(config, process, total, flink_keys);
        if (!derived_jvm.ok()) return derived_jvm.error();
        jvm = *derived_jvm;
    } else if (config.contains(process.total_flink)) {
        const auto total = config.size(process.total_flink);
        if (!total.ok()) return total.error();
        const auto keys = config.written({keys_of(process.total_flink)});
        const auto derived = derivation.from_total_flink(*total, keys);
        if (!derived.ok()) return derived.error();
        parts = *derived;
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
        const auto derived = derivation.from_total_flink(*total_process - jvm.metaspace - jvm.overhead, keys);
        if (!derived.ok()) return derived.error();
        parts = *derived;
    } else {
        return make_error(
            "not-configured",
            "No TaskManager memory size is set. Set `taskmanager.memory.process.size` (containers), "
            "`taskmanager.memory.flink.size` (standalone), or both "
            "`taskmanager.memory.task.heap.size` and `taskmanager.memory.managed.size`.",
            config.written({keys_of(tm.task_heap), keys_of(tm.managed_size)}));
    }

    const auto cores = cpu_cores(config);
    if (!cores.ok()) return cores.error();

    TaskManagerMemory memory;
    memory.framework_heap = parts.framework_heap;
    memory.task_heap = parts.task_heap;
    memory.framework_off_heap = parts.framework_off_heap;
    memory.task_off_heap = parts.task_off_heap;
    memory.network = parts.network;
    memory.managed = parts.managed;
    memory.jvm_metaspace = jvm.metaspace;
    memory.jvm_overhead = jvm.overhead;
    memory.total_flink = parts.framework_heap + parts.framework_off_heap + parts.task_heap +
                         parts.task_off_heap + parts.managed + parts.network;
    memory.total_process = memory.total_flink + jvm.metaspace + jvm.overhead;
    memory.jvm_heap = parts.framework_heap + parts.task_heap;
    memory.jvm_direct = parts.framework_off_heap + parts.task_off_heap + parts.network;
    memory.jvm_args = jvm_parameters(memory.jvm_heap, memory.jvm_direct, memory.jvm_metaspace);
    memory.cpu_cores = *cores;
    return memory;
}

}  // namespace
}  // namespace memory

TaskManagerResult derive_taskmanager_memory(const FlatConfig& flat, const MemoryOptions& options) {
    return memory::derive(memory::MemoryConfig(flat), options);
}

TaskManagerResult probe_taskmanager_memory(const FlatConfig& flat, const ConfigChange& change,
                                           const MemoryOptions& options) {
    return memory::derive(memory::MemoryConfig(flat, &change, false), options);
}

}  // namespace flinklint
