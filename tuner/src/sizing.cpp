// Slots, parallelism and TaskManager memory. Every layout is checked with Flink's own derivation
// (derive_taskmanager_memory), so the recommended process is exactly what Flink will start.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "flinklint/network_buffers.hpp"
#include "flinklint/tuner/units.hpp"
#include "steps.hpp"

namespace flinklint::tuner::detail {
namespace {

constexpr int kMaxParallelismCap = 32768;  // KeyGroupRangeAssignment.UPPER_BOUND_MAX_PARALLELISM

constexpr std::uint64_t kSegment = 32 * 1024;     // taskmanager.memory.segment-size default
constexpr std::uint64_t kNetworkMin = 64 * kMiB;  // taskmanager.memory.network.min default
constexpr std::uint64_t kFramework = 256 * kMiB;  // framework heap + framework off-heap defaults
// InputGateSpecUtils.DEFAULT_MAX_REQUIRED_BUFFERS_PER_GATE_FOR_BATCH: the cap Flink itself puts on
// batch gates, used for streaming gates in the high-parallelism mode.
constexpr std::int64_t kHighParallelismGateMax = 1000;

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

// Clamped below 2^62 bytes: a count of buffers from extreme profile figures must not overflow the cast.
std::uint64_t ceil_mib(double bytes) {
    return static_cast<std::uint64_t>(std::ceil(std::clamp(bytes, 0.0, 4e18) / kMiB)) * kMiB;
}

// A multiple of the parallelism (key groups are contiguous ranges: any other value gives some subtasks
// one key group more), by a highly composite multiplier so that rescaled parallelisms divide it too.
// A target that is itself a multiple of the parallelism steps the multiplier, so it divides evenly too.
int max_parallelism_for(int parallelism, int target, double wanted_multiple) {
    const int step = target % parallelism == 0 ? target / parallelism : 1;
    int multiple = step;
    for (const int candidate : {1, 2, 4, 6, 12, 24, 36, 48, 60, 120, 180, 240, 360, 720}) {
        multiple = step * candidate;
        if (multiple >= wanted_multiple) break;
    }
    const int cap = std::max(1, kMaxParallelismCap / parallelism);
    return parallelism * std::min(multiple, cap);
}

// How many more keys the busiest subtask gets than the average: ceil(m / p) / (m / p) - 1.
double key_group_skew(int max_parallelism, int parallelism) {
    if (parallelism <= 0 || max_parallelism <= 0) return 0;
    const double average = static_cast<double>(max_parallelism) / parallelism;
    return std::ceil(average) / average - 1;
}

}  // namespace

int target_parallelism(const Profile& profile, int parallelism) {
    // Clamped as a double: the factor can put the product past int's range.
    const double scaled = std::clamp(std::ceil(parallelism * profile.policy.rescale_factor), 1.0,
                                     static_cast<double>(kMaxParallelismCap));
    return std::max(parallelism, profile.max_parallelism_target.value_or(static_cast<int>(scaled)));
}

BufferSettings high_parallelism_buffers(FlinkVersion version) {
    BufferSettings settings;
    if (!option_key(version, {"taskmanager.network.memory.read-buffer.required-per-gate.max"}).empty())
        settings.max_required_per_gate = kHighParallelismGateMax;
    else
        settings.per_channel = 1;  // before 1.17: fewer exclusive buffers per channel instead
    return settings;
}

namespace {

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
    std::int64_t buffers = 0;
    bool high_parallelism = false;  // buffers counted with the per-gate cap, debloating on
    FlatConfig config;
    TaskManagerMemory memory;
};

// The observed job graph at the target parallelism: each vertex's parallelism scaled by target / the
// graph's largest (rounded up; a vertex of parallelism 1 stays 1, as a non-parallel source or a
// global window does).
std::vector<JobGraphVertex> scaled_job_graph(const std::vector<JobGraphVertex>& graph, int target) {
    std::int64_t largest = 1;
    for (const JobGraphVertex& v : graph) largest = std::max(largest, v.parallelism);
    std::vector<JobGraphVertex> scaled = graph;
    for (JobGraphVertex& v : scaled) {
        if (v.parallelism <= 1 || largest == target) continue;
        v.parallelism = std::max<std::int64_t>(
            1, static_cast<std::int64_t>(std::ceil(
                   static_cast<double>(v.parallelism) * target / static_cast<double>(largest) - 1e-9)));
    }
    return scaled;
}

// Buffers of one TaskManager: counted on the observed job graph when the snapshot had one, else
// estimated from workload.shuffles all-to-all exchanges.
JobGraphBuffers count_buffers(const Profile& profile, int target, int slots, const BufferSettings& settings) {
    if (!profile.measured_job_graph.empty())
        return job_graph_buffers(scaled_job_graph(profile.measured_job_graph, target), slots, settings);
    const TaskManagerBuffers tm = taskmanager_buffers(target, slots, std::max(1, profile.shuffles), settings);
    return {tm.required, tm.max, 0, 0};
}

// The buffers a TaskManager of `slots` needs at the target parallelism: every pool at its maximum,
// or, past the policy's share of total Flink memory, the required buffers with gates capped.
void size_network(Layout& layout, const Profile& profile, int target, std::uint64_t total_flink) {
    const Policy& policy = profile.policy;
    const auto bytes = [&](std::int64_t buffers) {
        return std::max(kNetworkMin,
                        ceil_mib(static_cast<double>(buffers) * kSegment * policy.network_buffer_headroom));
    };
    layout.buffers = count_buffers(profile, target, layout.slots, BufferSettings{}).max;
    layout.network = bytes(layout.buffers);
    layout.high_parallelism = false;
    if (static_cast<double>(layout.network) <= policy.network_max_share * static_cast<double>(total_flink))
        return;
    layout.high_parallelism = true;
    layout.buffers =
        count_buffers(profile, target, layout.slots, high_parallelism_buffers(profile.version)).required;
    layout.network = bytes(layout.buffers);
}

}  // namespace

std::uint64_t observed_metaspace(const Profile& profile) {
    if (!profile.measured_metaspace) return 0;
    return ceil_mib(static_cast<double>(*profile.measured_metaspace) *
                    (1 + profile.policy.memory_tuning_overhead));
}

namespace {

// The process budget: a container's memory, or on a standalone host what is left after the OS
// reserve (page cache, sshd, the kernel), and the options every derivation starts from.
struct Budget {
    std::uint64_t process = 0;
    std::uint64_t reserve = 0;
    std::string total_key;
    FlatConfig fixed;  // options besides the sizes: the JVM overhead cap for RocksDB containers
};

Budget process_budget(const Profile& profile) {
    Budget budget;
    const bool standalone = profile.deployment == Deployment::standalone;
    budget.total_key = standalone ? "taskmanager.memory.flink.size" : "taskmanager.memory.process.size";
    const std::uint64_t declared = profile.tm_memory / kMiB * kMiB;
    if (standalone) {
        const double share = profile.policy.os_reserve_fraction * static_cast<double>(declared);
        budget.reserve = std::min(ceil_mib(share), profile.policy.os_reserve_max / kMiB * kMiB);
        budget.reserve = std::min(budget.reserve, declared / 2);
    }
    budget.process = declared - budget.reserve;
    if (!standalone && profile.backend != Backend::hashmap)
        budget.fixed["taskmanager.memory.jvm-overhead.max"] =
            flink_size_mib(profile.policy.rocksdb_jvm_overhead_max);
    if (const std::uint64_t metaspace = observed_metaspace(profile); metaspace > kDefaultMetaspace)
        budget.fixed["taskmanager.memory.jvm-metaspace.size"] = flink_size_mib(metaspace);
    return budget;
}

FlatConfig with(const Budget& budget, FlatConfig config) {
    for (const auto& [key, value] : budget.fixed) config.emplace(key, value);
    return config;
}

// Standalone clusters size total Flink memory: the largest whose process fits the budget.
std::uint64_t total_size(const Budget& budget, const MemoryOptions& options, bool standalone) {
    if (!standalone) return budget.process;
    std::uint64_t low = 1;
    std::uint64_t high = budget.process / kMiB;
    while (low < high) {
        const std::uint64_t middle = (low + high + 1) / 2;
        const auto result = derive_taskmanager_memory(
            with(budget, {{budget.total_key, fmt::format("{}m", middle)}}), options);
        const auto* memory = std::get_if<TaskManagerMemory>(&result);
        if (memory != nullptr && memory->total_process <= budget.process)
            low = middle;
        else
            high = middle - 1;
    }
    return low * kMiB;
}

// The most slots (down from `wanted`) whose layout Flink accepts within the budget.
std::optional<Layout> choose_layout(const Profile& profile, const Budget& budget, std::uint64_t total,
                                    std::uint64_t total_flink, int wanted, bool& managed_lowered) {
    const Policy& policy = profile.policy;
    const MemoryOptions options = memory_options(profile);
    const bool managed_state = profile.backend != Backend::hashmap;
    for (int slots = wanted; slots >= 1; --slots) {
        Layout layout;
        layout.slots = slots;
        const int parallelism = slots * profile.taskmanagers;
        size_network(layout, profile, target_parallelism(profile, parallelism), total_flink);
        const double heap_needed =
            static_cast<double>(slots) * static_cast<double>(policy.min_task_heap_per_slot);
        const double room =
            static_cast<double>(total_flink) - kFramework - static_cast<double>(layout.network);
        managed_lowered = false;
        if (managed_state) {
            layout.managed = floor_mib(policy.rocksdb_managed_fraction * static_cast<double>(total_flink));
            if (static_cast<double>(layout.managed) > room - heap_needed) {
                // Managed memory yields to the task heap on small TaskManagers, never to the network.
                if (layout.network > kNetworkMin) continue;
                layout.managed = floor_mib(room - heap_needed);
                if (layout.managed < rocksdb_min_per_slot() * static_cast<std::uint64_t>(slots)) continue;
                managed_lowered = true;
            }
        } else if (room < heap_needed) {
            continue;
        }
        layout.config = with(budget, {{budget.total_key, flink_size_mib(total)},
                                      {"taskmanager.memory.managed.size", flink_size_mib(layout.managed)},
                                      {"taskmanager.memory.network.min", flink_size_mib(layout.network)},
                                      {"taskmanager.memory.network.max", flink_size_mib(layout.network)}});
        const auto result = derive_taskmanager_memory(layout.config, options);
        const auto* memory = std::get_if<TaskManagerMemory>(&result);
        if (memory == nullptr || memory->total_process > budget.process) continue;
        if (memory->task_heap / static_cast<std::uint64_t>(slots) < policy.min_task_heap_per_slot) continue;
        layout.memory = *memory;
        return layout;
    }
    return std::nullopt;
}

void report_parallelism(Builder& builder, const Layout& layout, int wanted_slots) {
    const Profile& profile = builder.profile();
    const Policy& policy = builder.policy();
    Tuning& tuning = builder.tuning;
    const std::string slot_reason =
        fmt::format("cpu_cores × {} = {} × {} (Flink docs: one slot per core is a good default)",
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
    const int p = tuning.parallelism;
    const double wanted = std::max(policy.max_parallelism_factor,
                                   static_cast<double>(tuning.target_parallelism) / static_cast<double>(p));
    const int max_parallelism = max_parallelism_for(p, tuning.target_parallelism, wanted);
    tuning.max_parallelism = max_parallelism;
    builder.add(
        "pipeline.max-parallelism", std::to_string(max_parallelism),
        fmt::format(
            "parallelism × the smallest of (target / parallelism when whole) × 1, 2, 4, 6, 12, 24, ... "
            "≥ max({}, target / parallelism) "
            "= {} × {}{}: key groups are contiguous ranges, so a multiple of the parallelism gives "
            "every subtask as many (key-group skew {}% at {}, {}% at the target {}); fixed once "
            "state exists (Flink's default would be {})",
            builder.knob("max_parallelism_factor"), p, max_parallelism / p,
            max_parallelism / p < wanted ? ", capped by Flink's 32768" : "",
            plain_number(key_group_skew(max_parallelism, p) * 100, 1), p,
            plain_number(key_group_skew(max_parallelism, tuning.target_parallelism) * 100, 1),
            tuning.target_parallelism, flink_default_max_parallelism(p)),
        Basis::policy, "parallelism");
    builder.derive("key-group skew", plain_number(key_group_skew(max_parallelism, p) * 100, 1) + "%",
                   fmt::format("ceil(max parallelism / parallelism) / (max parallelism / parallelism) − 1 = "
                               "ceil({} / {}) / ({} / {}) − 1",
                               max_parallelism, p, max_parallelism, p));
}

void report_network(Builder& builder, const Layout& layout, std::uint64_t total_flink) {
    const Profile& profile = builder.profile();
    const Tuning& tuning = builder.tuning;
    const int target = tuning.target_parallelism;
    const bool measured = !profile.measured_job_graph.empty();
    std::string count =
        layout.high_parallelism
            ? fmt::format("required buffers with gates capped at {} ({}, flinklint/network_buffers.hpp)",
                          kHighParallelismGateMax, measured ? "job_graph_buffers" : "taskmanager_buffers")
        : measured ? std::string(
                         "per job vertex, min(slots, parallelism) subtasks × (each input gate: channels × 2 "
                         "+ 8 floating; each result partition: subpartitions × 2 + 8), Flink's maximum "
                         "pool sizes")
                   : std::string(
                         "slots × exchanges × (gate: channels × 2 + 8 floating; partition: subpartitions × 2 "
                         "+ 8), Flink's maximum pool sizes");
    count += measured ? fmt::format(", measured from the job graph ({}, {} vertices)",
                                    profile.measured_job_graph_source, profile.measured_job_graph.size())
                      : fmt::format(", estimated from workload.shuffles ({})", std::max(1, profile.shuffles));
    const std::string reason = fmt::format(
        "{} at the target parallelism {} ({}) = {} buffers × 32 KiB × {} = {}{}; min = max pins it (the 0.1 "
        "fraction would take {}){}",
        count, target,
        profile.max_parallelism_target ? std::string("workload.max_parallelism_target")
                                       : fmt::format("parallelism × {}", builder.knob("rescale_factor")),
        layout.buffers, builder.knob("network_buffer_headroom"),
        format_binary_bytes(ceil_mib(static_cast<double>(layout.buffers) * kSegment *
                                     profile.policy.network_buffer_headroom)),
        layout.network == kNetworkMin ? ", raised to Flink's 64 MiB minimum" : "",
        format_binary_bytes(floor_mib(0.1 * static_cast<double>(total_flink))),
        layout.high_parallelism
            ? fmt::format("; every pool at its maximum would pass {} of total Flink memory: "
                          "high-parallelism mode",
                          builder.knob("network_max_share"))
            : "");
    builder.add("taskmanager.memory.network.min", flink_size_mib(layout.network), reason, Basis::policy,
                "network");
    builder.add("taskmanager.memory.network.max", flink_size_mib(layout.network), "same as network.min",
                Basis::policy, "network");
    if (!layout.high_parallelism) return;
    const double share = static_cast<double>(layout.network) / static_cast<double>(total_flink);
    if (share > profile.policy.network_max_share) {
        builder.warn(
            fmt::format("network memory is {}% of total Flink memory even in the high-parallelism mode: "
                        "every result partition requires one buffer per subpartition ({} at the target "
                        "parallelism); fewer slots per TaskManager or a smaller "
                        "taskmanager.memory.segment-size would lower it",
                        plain_number(share * 100, 0), target + 1));
    }
    const BufferSettings settings = high_parallelism_buffers(profile.version);
    if (settings.max_required_per_gate) {
        builder.add("taskmanager.network.memory.read-buffer.required-per-gate.max",
                    std::to_string(*settings.max_required_per_gate),
                    "high-parallelism mode: a gate needs at most this many buffers, the rest float (the "
                    "value Flink uses for batch gates, InputGateSpecUtils)",
                    Basis::policy, "network");
    } else {
        builder.add("taskmanager.network.memory.buffers-per-channel", "1",
                    "high-parallelism mode: one exclusive buffer per channel instead of 2 (no "
                    "read-buffer.required-per-gate.max before Flink 1.17)",
                    Basis::policy, "network");
    }
}

void report_memory(Builder& builder, const Layout& layout, const Budget& budget, std::uint64_t total,
                   std::uint64_t total_flink, bool managed_lowered) {
    const Profile& profile = builder.profile();
    const Policy& policy = builder.policy();
    const bool standalone = profile.deployment == Deployment::standalone;
    builder.add(
        budget.total_key, flink_size_mib(total),
        standalone
            ? fmt::format(
                  "largest total Flink memory whose process (+ metaspace + JVM overhead) fits the host's "
                  "{} less {} for the OS and page cache (min({} × memory, {})): {}",
                  format_binary_bytes(profile.tm_memory), format_binary_bytes(budget.reserve),
                  builder.knob("os_reserve_fraction"), builder.knob("os_reserve_max"),
                  format_binary_bytes(layout.memory.total_process))
            : fmt::format("the {} budget of the TaskManager container (containers size the process)",
                          format_binary_bytes(budget.process)),
        Basis::fact, "memory");
    if (budget.fixed.contains("taskmanager.memory.jvm-overhead.max")) {
        builder.add(
            "taskmanager.memory.jvm-overhead.max", budget.fixed.at("taskmanager.memory.jvm-overhead.max"),
            "RocksDB's native memory beyond the managed budget and glibc's malloc arenas live in the "
            "JVM overhead (Flink's memory troubleshooting guide, mem_trouble.md: container memory "
            "exceeded); " +
                builder.knob("rocksdb_jvm_overhead_max") + " lets the 0.1 fraction grow past Flink's 1g cap",
            Basis::policy, "memory");
    }
    if (budget.fixed.contains("taskmanager.memory.jvm-metaspace.size")) {
        builder.add(
            "taskmanager.memory.jvm-metaspace.size", budget.fixed.at("taskmanager.memory.jvm-metaspace.size"),
            fmt::format("measured metaspace use {} × (1 + {}), as the operator's memory tuning sizes it "
                        "(flink-autoscaler MemoryTuning, overhead 0.2); Flink's default is 256 MiB",
                        format_binary_bytes(*profile.measured_metaspace),
                        builder.knob("memory_tuning_overhead")),
            Basis::policy, "memory");
    }
    if (profile.backend != Backend::hashmap) {
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
                              to_string(profile.backend),
                              format_binary_bytes(layout.managed / static_cast<std::uint64_t>(layout.slots))),
            Basis::policy, "memory");
        if (managed_lowered)
            builder.warn("managed memory was lowered below the policy fraction to keep the task heap");
    } else {
        builder.add("taskmanager.memory.managed.size", "0m",
                    "the hashmap state backend keeps state on the JVM heap and streaming jobs use no managed "
                    "memory: 0 gives it all to the task heap",
                    Basis::fact, "memory");
    }
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
}

}  // namespace

bool size_cluster(Builder& builder) {
    const Profile& profile = builder.profile();
    const Policy& policy = builder.policy();
    Tuning& tuning = builder.tuning;
    const MemoryOptions options = memory_options(profile);
    const bool standalone = profile.deployment == Deployment::standalone;
    const Budget budget = process_budget(profile);
    const std::uint64_t total = total_size(budget, options, standalone);
    const auto base =
        derive_taskmanager_memory(with(budget, {{budget.total_key, flink_size_mib(total)}}), options);
    if (std::holds_alternative<MemoryError>(base)) {
        builder.fail("cluster.taskmanager.memory",
                     fmt::format("`cluster.taskmanager.memory`: Flink cannot start a TaskManager of {}: {}",
                                 format_binary_bytes(budget.process), std::get<MemoryError>(base).message));
        return false;
    }
    const std::uint64_t total_flink = std::get<TaskManagerMemory>(base).total_flink;
    if (profile.taskmanagers > kMaxParallelismCap) {
        builder.fail(
            "cluster.taskmanagers",
            fmt::format("`cluster.taskmanagers`: {} TaskManagers exceed Flink's largest parallelism, 32768",
                        profile.taskmanagers));
        return false;
    }
    const double by_cores = std::floor(profile.tm_cpu_cores * policy.slots_per_core);
    const int wanted_slots = static_cast<int>(
        std::clamp(by_cores, 1.0, static_cast<double>(kMaxParallelismCap / profile.taskmanagers)));
    if (by_cores > wanted_slots) {
        builder.warn(
            fmt::format("{} TaskManagers × {} slots would exceed Flink's largest parallelism: {} slots each",
                        profile.taskmanagers, plain_number(by_cores), wanted_slots));
    }
    bool managed_lowered = false;
    const auto chosen = choose_layout(profile, budget, total, total_flink, wanted_slots, managed_lowered);
    if (!chosen) {
        builder.fail("cluster.taskmanager.memory",
                     fmt::format("`cluster.taskmanager.memory`: {} leaves no slot {} of task heap{} (policy "
                                 "min_task_heap_per_slot, or the measured heap per slot with --observed)",
                                 format_binary_bytes(budget.process),
                                 format_binary_bytes(policy.min_task_heap_per_slot),
                                 profile.backend != Backend::hashmap
                                     ? " beside RocksDB's managed memory and the network buffers"
                                     : ""));
        return false;
    }
    const Layout& layout = *chosen;
    tuning.slots = layout.slots;
    tuning.parallelism = layout.slots * profile.taskmanagers;
    tuning.target_parallelism = target_parallelism(profile, tuning.parallelism);
    tuning.high_parallelism = layout.high_parallelism;
    tuning.taskmanager = layout.memory;
    tuning.os_reserve = budget.reserve;
    report_parallelism(builder, layout, wanted_slots);
    report_memory(builder, layout, budget, total, total_flink, managed_lowered);
    report_network(builder, layout, total_flink);
    return true;
}

}  // namespace flinklint::tuner::detail
