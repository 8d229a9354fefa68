// `tune --observed`: the job's measured heap, metaspace, GC time and vertex load against the plan.
// Sized like the operator's autotuning (flink-autoscaler MemoryTuning: use × (1 + overhead 0.2);
// JobVertexScaler: parallelism for a target utilisation of 0.7), each figure a policy knob.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "flinklint/tuner/units.hpp"
#include "steps.hpp"

namespace flinklint::tuner::detail {
namespace {

constexpr int kMaxParallelism = 32768;  // KeyGroupRangeAssignment.UPPER_BOUND_MAX_PARALLELISM
// A vertex back-pressured for longer than this share of its time waits on its consumers: its busy
// time shows their limit, not its own demand, so it is not scaled down.
constexpr double kBackPressured = 0.1;

// What the plan keeps of the measured heap: slots × per slot × (1 + overhead), within the JVM heap
// (apply_measured_heap made it the floor of the task heap per slot).
void check_heap(Builder& builder) {
    const Profile& profile = builder.profile();
    if (!profile.measured_heap_per_slot) return;
    const Tuning& t = builder.tuning;
    const double need =
        *profile.measured_heap_per_slot * t.slots * (1 + profile.policy.memory_tuning_overhead);
    builder.derive(
        "JVM heap the job needs", format_binary_bytes(static_cast<std::uint64_t>(need)),
        fmt::format("measured heap per slot {} × {} slots × (1 + {}), within the planned JVM heap {}",
                    format_binary_bytes(static_cast<std::uint64_t>(*profile.measured_heap_per_slot)), t.slots,
                    builder.knob("memory_tuning_overhead"),
                    format_binary_bytes(t.taskmanager.framework_heap + t.taskmanager.task_heap)));
}

void check_metaspace(Builder& builder) {
    const Profile& profile = builder.profile();
    if (!profile.measured_metaspace) return;
    const std::uint64_t wanted = observed_metaspace(profile);
    if (wanted > kDefaultMetaspace) return;  // recommended with the memory layout (sizing.cpp)
    builder.derive("metaspace the job needs", format_binary_bytes(wanted),
                   fmt::format("measured {} × (1 + {}): Flink's default 256 MiB holds it (never lowered: "
                               "a restart loads the job's classes again)",
                               format_binary_bytes(*profile.measured_metaspace),
                               builder.knob("memory_tuning_overhead")));
}

void check_gc(Builder& builder) {
    const Profile& profile = builder.profile();
    if (!profile.measured_gc_share || *profile.measured_gc_share < profile.policy.gc_time_warn_share) return;
    builder.warn(fmt::format(
        "the TaskManagers spent {}% of their time in garbage collection ({} {}): a heap too small for the "
        "job's objects or state (hashmap); more heap, or RocksDB for large state",
        plain_number(*profile.measured_gc_share * 100, 1), builder.knob("gc_time_warn_share"),
        plain_number(profile.policy.gc_time_warn_share)));
}

// The parallelism that brings the busiest subtask to the target utilisation.
int advised_parallelism(const Profile::VertexLoad& v, double target, std::string& why) {
    const int cap = v.max_parallelism > 0 ? v.max_parallelism : kMaxParallelism;
    const double raw = std::ceil(v.parallelism * v.busy / target - 1e-9);
    int wanted = static_cast<int>(std::clamp(raw, 1.0, static_cast<double>(cap)));
    why = fmt::format("ceil({} × busy {} / {})", v.parallelism, plain_number(v.busy), plain_number(target));
    if (raw > cap) why += fmt::format(", capped at its max parallelism {}", cap);
    if (wanted < v.parallelism && v.back_pressured > kBackPressured) {
        why += fmt::format(" = {}, kept at {}: back-pressured {}% of the time, it waits on its consumers",
                           wanted, v.parallelism, plain_number(v.back_pressured * 100, 0));
        wanted = v.parallelism;
    }
    return wanted;
}

void advise_parallelism(Builder& builder) {
    const Profile& profile = builder.profile();
    std::string overrides;
    int largest = 0;
    for (const Profile::VertexLoad& v : profile.measured_vertices) {
        std::string why;
        const int wanted = advised_parallelism(v, profile.policy.target_utilization, why);
        builder.derive("parallelism of " + v.name, std::to_string(wanted),
                       why + " (" + builder.knob("target_utilization") + ")");
        largest = std::max(largest, wanted);
        if (wanted != v.parallelism)
            overrides += fmt::format("{}{}:{}", overrides.empty() ? "" : ",", v.id, wanted);
    }
    if (overrides.empty()) return;
    const std::string key = option_key(profile.version, {"pipeline.jobvertex-parallelism-overrides"});
    if (key.empty()) {
        builder.warn("the measured load asks for other per-vertex parallelisms (derivations), and Flink " +
                     profile.version.str() +
                     " has no pipeline.jobvertex-parallelism-overrides: set them in the job");
    } else {
        builder.add(key, overrides,
                    fmt::format("per job vertex (JobVertexID:parallelism) from the measured busy time at {} "
                                "(the operator's autoscaler target); measured on the observed cluster",
                                builder.knob("target_utilization")),
                    Basis::policy, "parallelism");
    }
    if (largest > builder.tuning.parallelism)
        builder.warn(
            fmt::format("a vertex is advised parallelism {}, above the plan's {} slots: the job would "
                        "wait for slots",
                        largest, builder.tuning.parallelism));
}

}  // namespace

void apply_measured_heap(Builder& builder) {
    Profile& profile = builder.tuning.profile;
    if (!profile.measured_heap_per_slot) return;
    const double wanted = *profile.measured_heap_per_slot * (1 + profile.policy.memory_tuning_overhead);
    const auto need = static_cast<std::uint64_t>(std::ceil(wanted / kMiB)) * kMiB;
    if (need <= profile.policy.min_task_heap_per_slot) return;
    builder.derive(
        "min task heap per slot", format_binary_bytes(need),
        fmt::format("measured heap per slot {} × (1 + {}), in place of {} {}: managed memory, then "
                    "slots, yield to it",
                    format_binary_bytes(static_cast<std::uint64_t>(*profile.measured_heap_per_slot)),
                    builder.knob("memory_tuning_overhead"), builder.knob("min_task_heap_per_slot"),
                    format_binary_bytes(profile.policy.min_task_heap_per_slot)));
    profile.policy.min_task_heap_per_slot = need;
}

void check_observed(Builder& builder) {
    check_heap(builder);
    check_metaspace(builder);
    check_gc(builder);
    advise_parallelism(builder);
}

}  // namespace flinklint::tuner::detail
