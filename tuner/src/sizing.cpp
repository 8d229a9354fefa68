// Slots, parallelism and TaskManager memory. Every layout is checked with Flink's own derivation
// (derive_taskmanager_memory), so the recommended process is exactly what Flink will start.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "flinklint/tuner/units.hpp"
#include "steps.hpp"

namespace flinklint::tuner::detail {
namespace {

constexpr std::uint64_t kSegment = 32 * 1024;     // taskmanager.memory.segment-size default
constexpr std::uint64_t kNetworkMin = 64 * kMiB;  // taskmanager.memory.network.min default
constexpr std::uint64_t kFramework = 256 * kMiB;  // framework heap + framework off-heap defaults
constexpr int kBuffersPerChannel = 2;             // exclusive buffers per channel
constexpr int kFloatingPerGate = 8;               // floating buffers per gate

// RocksDBMemoryControllerUtils: with the default 64 MiB write buffer and write-buffer ratio 0.5, one
// arena block (8 MiB) must fit in 7/8 of the write buffer manager's 2/3 × ratio share of a slot.
std::uint64_t rocksdb_min_per_slot() {
    const std::uint64_t arena = 8 * kMiB;
    std::uint64_t memory = kMiB;
    while (static_cast<std::uint64_t>(2.0 * static_cast<double>(memory) * 0.5 / 3) * 7 / 8 < arena)
        memory += kMiB;
    return memory;
}

std::uint64_t floor_mib(double bytes) {
    return bytes <= 0 ? 0 : static_cast<std::uint64_t>(bytes / kMiB) * kMiB;
}

std::uint64_t ceil_mib(double bytes) {
    return static_cast<std::uint64_t>(std::ceil(bytes / kMiB)) * kMiB;
}

// The highly composite values the operator's autoscaler docs suggest, so that many parallelisms divide them.
int max_parallelism_for(int parallelism, double factor) {
    const double wanted = std::max<double>(parallelism, std::ceil(parallelism * factor));
    for (const int candidate : {120, 180, 240, 360, 720, 1260, 2520, 5040, 10080, 20160}) {
        if (candidate >= wanted) return candidate;
    }
    return 32768;
}

int flink_default_max_parallelism(int parallelism) {
    long long value = 1;
    const long long wanted = parallelism + parallelism / 2;
    while (value < wanted) value *= 2;
    return static_cast<int>(std::min<long long>(std::max<long long>(value, 128), 32768));
}

struct Layout {
    int slots = 1;
    std::uint64_t managed = 0;
    std::uint64_t network = 0;
    long long buffers = 0;
    FlatConfig config;
    TaskManagerMemory memory;
};

}  // namespace

bool size_cluster(Builder& builder) {
    const Profile& profile = builder.profile();
    const Policy& policy = builder.policy();
    Tuning& tuning = builder.tuning;
    const MemoryOptions options = memory_options(profile);
    const bool standalone = profile.deployment == Deployment::standalone;
    const std::string total_key =
        standalone ? "taskmanager.memory.flink.size" : "taskmanager.memory.process.size";
    const std::uint64_t budget = profile.tm_memory / kMiB * kMiB;

    // Total Flink memory: the process budget minus metaspace and overhead, as Flink derives them.
    std::uint64_t total = budget;
    if (standalone) {
        // Standalone clusters size total Flink memory; find the largest that keeps the process in budget.
        std::uint64_t low = 1;
        std::uint64_t high = budget / kMiB;
        while (low < high) {
            const std::uint64_t middle = (low + high + 1) / 2;
            const auto result = derive_taskmanager_memory({{total_key, fmt::format("{}m", middle)}}, options);
            const auto* memory = std::get_if<TaskManagerMemory>(&result);
            if (memory != nullptr && memory->total_process <= budget)
                low = middle;
            else
                high = middle - 1;
        }
        total = low * kMiB;
    }
    const auto base = derive_taskmanager_memory({{total_key, flink_size_mib(total)}}, options);
    if (std::holds_alternative<MemoryError>(base)) {
        builder.fail("cluster.taskmanager.memory",
                     fmt::format("`cluster.taskmanager.memory`: Flink cannot start a "
                                 "TaskManager of {}: {}",
                                 format_binary_bytes(budget), std::get<MemoryError>(base).message));
        return false;
    }
    const std::uint64_t total_flink = std::get<TaskManagerMemory>(base).total_flink;

    // Flink caps parallelism (and max parallelism) at 32768.
    constexpr int kMaxParallelism = 32768;
    if (profile.taskmanagers > kMaxParallelism) {
        builder.fail("cluster.taskmanagers",
                     fmt::format("`cluster.taskmanagers`: {} TaskManagers exceed Flink's largest "
                                 "parallelism, 32768",
                                 profile.taskmanagers));
        return false;
    }
    const double by_cores = std::floor(profile.tm_cpu_cores * policy.slots_per_core);
    const int wanted_slots = static_cast<int>(
        std::clamp(by_cores, 1.0, static_cast<double>(kMaxParallelism / profile.taskmanagers)));
    if (by_cores > wanted_slots) {
        builder.warn(
            fmt::format("{} TaskManagers × {} slots would exceed Flink's largest parallelism: {} slots each",
                        profile.taskmanagers, plain_number(by_cores), wanted_slots));
    }
    const bool managed_state = profile.backend != Backend::hashmap;
    const std::uint64_t rocksdb_min = rocksdb_min_per_slot();
    std::optional<Layout> chosen;
    bool managed_lowered = false;
    for (int slots = wanted_slots; slots >= 1 && !chosen; --slots) {
        Layout layout;
        layout.slots = slots;
        const int parallelism = slots * profile.taskmanagers;
        // Per task and exchange: an input gate and a result partition of `parallelism` channels, each
        // holding up to 2 buffers per channel + 8 floating (Flink's network memory tuning guide).
        const long long per_exchange = 2LL * (kBuffersPerChannel * parallelism + kFloatingPerGate);
        layout.buffers = static_cast<long long>(slots) * std::max(1, profile.shuffles) * per_exchange;
        layout.network = std::max(kNetworkMin, ceil_mib(static_cast<double>(layout.buffers) * kSegment *
                                                        policy.network_buffer_headroom));
        const double heap_needed =
            static_cast<double>(slots) * static_cast<double>(policy.min_task_heap_per_slot);
        const double room =
            static_cast<double>(total_flink) - kFramework - static_cast<double>(layout.network);
        if (managed_state) {
            layout.managed = floor_mib(policy.rocksdb_managed_fraction * static_cast<double>(total_flink));
            if (static_cast<double>(layout.managed) > room - heap_needed) {
                layout.managed = floor_mib(room - heap_needed);
                if (layout.managed < rocksdb_min * static_cast<std::uint64_t>(slots)) continue;
                managed_lowered = true;
            }
        } else if (room < heap_needed) {
            continue;
        }
        layout.config = {{total_key, flink_size_mib(total)},
                         {"taskmanager.memory.managed.size", flink_size_mib(layout.managed)},
                         {"taskmanager.memory.network.min", flink_size_mib(layout.network)},
                         {"taskmanager.memory.network.max", flink_size_mib(layout.network)}};
        const auto result = derive_taskmanager_memory(layout.config, options);
        const auto* memory = std::get_if<TaskManagerMemory>(&result);
        if (memory == nullptr || memory->total_process > profile.tm_memory) continue;
        if (memory->task_heap / static_cast<std::uint64_t>(slots) < policy.min_task_heap_per_slot) continue;
        layout.memory = *memory;
        chosen = layout;
    }
    if (!chosen) {
        builder.fail(
            "cluster.taskmanager.memory",
            fmt::format("`cluster.taskmanager.memory`: {} leaves no slot {} of task heap{} (policy "
                        "min_task_heap_per_slot)",
                        format_binary_bytes(budget), format_binary_bytes(policy.min_task_heap_per_slot),
                        managed_state ? " beside RocksDB's minimum managed memory" : ""));
        return false;
    }
    const Layout& layout = *chosen;
    tuning.slots = layout.slots;
    tuning.parallelism = layout.slots * profile.taskmanagers;
    tuning.taskmanager = layout.memory;

    const std::string slot_reason = fmt::format(
        "cpu_cores × {} = {} × {} (Flink docs: one slot per core is a good "
        "default)",
        builder.knob("slots_per_core"), plain_number(profile.tm_cpu_cores),
        plain_number(policy.slots_per_core));
    builder.add(
        "taskmanager.numberOfTaskSlots", std::to_string(layout.slots),
        layout.slots == wanted_slots
            ? slot_reason
            : fmt::format("{} = {}, lowered to {} so that each slot keeps {} of task heap", slot_reason,
                          wanted_slots, layout.slots, format_binary_bytes(policy.min_task_heap_per_slot)),
        Basis::policy, "parallelism");
    if (layout.slots < wanted_slots) {
        builder.warn(
            fmt::format("only {} of {} cores get a slot: the TaskManager memory is too small for more",
                        layout.slots, wanted_slots));
    }
    builder.add("parallelism.default", std::to_string(tuning.parallelism),
                fmt::format("TaskManagers × slots = {} × {}: every slot runs one subtask of each operator",
                            profile.taskmanagers, layout.slots),
                Basis::policy, "parallelism");
    const int max_parallelism = max_parallelism_for(tuning.parallelism, policy.max_parallelism_factor);
    builder.add(
        "pipeline.max-parallelism", std::to_string(max_parallelism),
        fmt::format("smallest of 120, 180, 240, 360, 720, 1260, ... (divisible by many parallelisms) ≥ {} × "
                    "parallelism = {}; fixed once state exists (Flink's default would be {})",
                    builder.knob("max_parallelism_factor"),
                    plain_number(std::ceil(tuning.parallelism * policy.max_parallelism_factor)),
                    flink_default_max_parallelism(tuning.parallelism)),
        Basis::policy, "parallelism");

    builder.add(
        total_key, flink_size_mib(total),
        standalone
            ? fmt::format("largest total Flink memory whose process (+ metaspace + JVM overhead) fits "
                          "the {} budget: {} (standalone clusters size Flink memory)",
                          format_binary_bytes(budget), format_binary_bytes(layout.memory.total_process))
            : fmt::format("the {} budget of the TaskManager container (containers size the process)",
                          format_binary_bytes(budget)),
        Basis::fact, "memory");
    if (managed_state) {
        builder.add(
            "taskmanager.memory.managed.size", flink_size_mib(layout.managed),
            managed_lowered
                ? fmt::format(
                      "total Flink memory − framework − network − slots × min task heap = {} − 256 MiB "
                      "− {} − {} × {} ({} × total Flink memory would starve the task heap)",
                      format_binary_bytes(total_flink), format_binary_bytes(layout.network), layout.slots,
                      format_binary_bytes(policy.min_task_heap_per_slot),
                      builder.knob("rocksdb_managed_fraction"))
                : fmt::format("{} × total Flink memory = {} × {}: {} bounds its block cache and memtables by "
                              "managed memory, {} per slot (Flink's 0.4 is conservative for multi-GB "
                              "TaskManagers)",
                              builder.knob("rocksdb_managed_fraction"),
                              plain_number(policy.rocksdb_managed_fraction), format_binary_bytes(total_flink),
                              to_string(profile.backend), format_binary_bytes(layout.managed / layout.slots)),
            Basis::policy, "memory");
        if (managed_lowered)
            builder.warn("managed memory was lowered below the policy fraction to keep the task heap");
    } else {
        builder.add(
            "taskmanager.memory.managed.size", "0m",
            "the hashmap state backend keeps state on the JVM heap and streaming jobs use no managed memory: "
            "0 gives it all to the task heap",
            Basis::fact, "memory");
    }
    const int parallelism = tuning.parallelism;
    const std::string network_reason = fmt::format(
        "slots × exchanges × 2 × (2 buffers × {} channels + 8 floating) = {} × {} × {} = {} buffers × 32 KiB "
        "× {} = "
        "{}{} (min = max pins it; the 0.1 fraction would take {})",
        parallelism, layout.slots, std::max(1, profile.shuffles),
        2 * (kBuffersPerChannel * parallelism + kFloatingPerGate), layout.buffers,
        builder.knob("network_buffer_headroom"),
        format_binary_bytes(
            ceil_mib(static_cast<double>(layout.buffers) * kSegment * policy.network_buffer_headroom)),
        layout.network == kNetworkMin ? ", raised to Flink's 64 MiB minimum" : "",
        format_binary_bytes(floor_mib(0.1 * static_cast<double>(total_flink))));
    builder.add("taskmanager.memory.network.min", flink_size_mib(layout.network), network_reason,
                Basis::policy, "network");
    builder.add("taskmanager.memory.network.max", flink_size_mib(layout.network), "same as network.min",
                Basis::policy, "network");

    const TaskManagerMemory& m = layout.memory;
    builder.derive(
        "task heap per slot", format_binary_bytes(m.task_heap / static_cast<std::uint64_t>(layout.slots)),
        fmt::format("task heap / slots = {} / {}", format_binary_bytes(m.task_heap), layout.slots));
    builder.derive(
        "TaskManager process", format_binary_bytes(m.total_process),
        fmt::format("Flink's derivation: heap {} + managed {} + network {} + framework off-heap {} + "
                    "metaspace {} + JVM overhead {}",
                    format_binary_bytes(m.framework_heap + m.task_heap), format_binary_bytes(m.managed),
                    format_binary_bytes(m.network),
                    format_binary_bytes(m.framework_off_heap + m.task_off_heap),
                    format_binary_bytes(m.jvm_metaspace), format_binary_bytes(m.jvm_overhead)));
    if (profile.backend == Backend::hashmap) {
        const double needed = tuning.estimates.state_bytes_per_taskmanager * policy.heap_state_expansion;
        if (needed > static_cast<double>(m.task_heap)) {
            builder.warn(
                fmt::format("the hashmap backend keeps about {} of state objects on each TaskManager's heap "
                            "({} state × {}), more than its {} task heap: use rocksdb or more TaskManagers",
                            format_decimal_bytes(needed),
                            format_decimal_bytes(tuning.estimates.state_bytes_per_taskmanager),
                            plain_number(policy.heap_state_expansion), format_binary_bytes(m.task_heap)));
        }
    }
    return true;
}

}  // namespace flinklint::tuner::detail
