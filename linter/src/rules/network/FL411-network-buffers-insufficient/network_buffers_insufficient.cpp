// FL411 network-buffers-insufficient: the buffers the tasks of one TaskManager require at deployment,
// for one all-to-all exchange at the configured parallelism, exceed the buffers its network memory
// holds; Flink then fails the deployment with "Insufficient number of network buffers".
//
// The required buffers per TaskManager are Flink's (flinklint/network_buffers.hpp, shared with the
// tuner); available: floor(network memory / segment size).
#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "flinklint/network_buffers.hpp"
#include "flinklint/text_util.hpp"
#include "flinklint/values.hpp"
#include "rules/memory/memory_support.hpp"
#include "rules/runtime_support.hpp"

namespace flinklint::rules {
namespace {

constexpr std::int64_t kDefaultBuffersPerChannel = 2;

std::optional<std::uint64_t> segment_size(const EffectiveConfig& effective) {
    const auto setting = find_setting(effective, {"taskmanager.memory.segment-size"});
    if (!setting) return 32 * 1024;
    const auto bytes = parse_memory_size(trim(setting->value));
    if (!bytes || !is_valid_page_size(*bytes)) return std::nullopt;
    return *bytes;  // invalid sizes are FL412's
}

// Reactive mode runs every job at the parallelism of all slots: TaskManager replicas x slots. The
// TaskManagers are the workloads of the files that mount this ConfigMap and run `taskmanager`.
std::optional<std::int64_t> reactive_parallelism(const Model& model, const EffectiveConfig& effective,
                                                 std::int64_t slots) {
    if (ascii_lower(trim(effective.value("scheduler-mode").value_or(""))) != "reactive") return std::nullopt;
    const K8sObject* owner = effective.owner();
    if (owner == nullptr || owner->kind != "ConfigMap" || !owner->name) return std::nullopt;
    std::int64_t replicas = 0;
    for (const Model::ObjectRef& ref : model.objects()) {
        const K8sObject& object = *ref.object;
        if (!object.pod || !object.replicas || *object.replicas <= 0) continue;
        bool mounts_config = false;
        for (const Volume& volume : object.pod->volumes)
            mounts_config = mounts_config || volume.config_map_name.value == owner->name.value;
        bool taskmanager = false;
        for (const Container& container : object.pod->containers) {
            for (const Located& arg : container.args) taskmanager = taskmanager || arg.value == "taskmanager";
        }
        if (mounts_config && taskmanager) replicas = saturating_add(replicas, *object.replicas);
    }
    if (replicas == 0) return std::nullopt;
    return saturating_mul(replicas, slots);
}

// The parallelism the check assumes, and where it comes from.
struct Parallelism {
    std::int64_t value = 1;
    std::string source;              // "parallelism.default: 64", "reactive mode (...)", ...
    std::optional<Setting> setting;  // parallelism.default, when set
    bool reactive = false;
};

Parallelism job_parallelism(const Model& model, const EffectiveConfig& effective, std::int64_t slots) {
    Parallelism p;
    p.setting = find_setting(effective, {"parallelism.default"});
    const ProfileFacts* profile = model.profile();
    if (profile != nullptr && profile->parallelism) {
        p.value = *profile->parallelism;
        p.source = fmt::format("parallelism {} (declared in the profile)", p.value);
    } else if (const auto reactive = reactive_parallelism(model, effective, slots)) {
        p.value = std::min<std::int64_t>(*reactive, std::numeric_limits<std::int32_t>::max());
        p.source =
            fmt::format("reactive mode (parallelism {}: every slot of the TaskManager replicas)", p.value);
        p.reactive = true;
    } else if (p.setting) {
        const auto parsed = parse_java_int(trim(p.setting->value));
        if (parsed) p.value = *parsed;
        p.source = p.setting->shown();
    }
    return p;
}

// The buffer settings Flink reads; nullopt for a negative buffers-per-channel (not judged here).
std::optional<BufferSettings> buffer_settings(const EffectiveConfig& effective) {
    // 2.x hard-codes 2 buffers per channel; 1.x reads the (since removed) option.
    std::int64_t per_channel = kDefaultBuffersPerChannel;
    if (effective.version().major < 2) {
        per_channel = int_setting(effective, {"taskmanager.network.memory.buffers-per-channel"})
                          .value_or(kDefaultBuffersPerChannel);
        if (per_channel < 0) return std::nullopt;
    }
    BufferSettings settings;
    settings.per_channel = per_channel;
    if (const auto max_per_gate =
            int_setting(effective, {"taskmanager.network.memory.read-buffer.required-per-gate.max"});
        max_per_gate && *max_per_gate >= 1) {
        settings.max_required_per_gate = *max_per_gate;
    }
    return settings;
}

struct Shortage {
    Parallelism parallelism;
    std::int64_t slots = 0;
    std::int64_t exchanges = 1;
    std::int64_t per_channel = 0;
    TaskManagerBuffers buffers;
    std::uint64_t network = 0;  // bytes of network memory
    std::uint64_t segment = 0;
    std::uint64_t available = 0;  // buffers the network memory holds
};

void report_shortage(const EffectiveConfig& effective, const Shortage& s, Reporter& reporter) {
    const std::int64_t parallelism = s.parallelism.value;
    const std::int64_t required = s.buffers.required;
    std::optional<Setting> at = s.parallelism.setting;
    if (s.parallelism.reactive) at = find_setting(effective, {"scheduler-mode"});
    if (!at) at = find_setting(effective, {"taskmanager.numberOfTaskSlots"});
    Finding finding = at ? finding_for(effective, *at)
                         : finding_at(effective, whole_config_span(effective), "parallelism.default");
    const std::string exchanges_text =
        s.exchanges == 1 ? "one all-to-all exchange (the assumption: a keyBy or rebalance between two stages)"
                         : fmt::format("{} all-to-all exchanges (declared in the profile)", s.exchanges);
    finding.message = fmt::format(
        "{} with {} slot{} per TaskManager needs at least {} network buffers per TaskManager for {}: "
        "{} x {}(input gate: {} remote channels x {} + 1 = {}; output: {} subpartitions + 1 = {}), but "
        "the {} "
        "of network memory hold only {} buffers of {}: tasks fail to deploy with \"Insufficient number "
        "of "
        "network buffers\"",
        s.parallelism.source, s.slots, s.slots == 1 ? "" : "s", required, exchanges_text,
        s.buffers.slots_used, s.exchanges == 1 ? "" : fmt::format("{} x ", s.exchanges),
        parallelism - s.buffers.slots_used, s.per_channel, s.buffers.per_exchange.gate_required, parallelism,
        s.buffers.per_exchange.partition_required, mib(s.network), s.available,
        format_memory_size(s.segment));
    const std::int64_t needed = saturating_mul(required, static_cast<std::int64_t>(s.segment));
    const auto mebibyte = static_cast<std::int64_t>(kMiB);
    const std::int64_t needed_mib = needed / mebibyte + (needed % mebibyte != 0 ? 1 : 0);
    finding.help = fmt::format(
        "give the network at least {} MiB: set `taskmanager.memory.network.min` and `.max` to `{}m` "
        "(taken "
        "from the same process size), or lower the parallelism or the slots per TaskManager",
        needed_mib, needed_mib);
    reporter.report(std::move(finding));
}

}  // namespace

void check_network_buffers_insufficient(const Model& model, Reporter& reporter) {
    const ProfileFacts* profile = model.profile();
    for (const EffectiveConfig* effective : effective_configs(model)) {
        if (!effective->sizes_processes()) continue;
        const auto* memory = std::get_if<TaskManagerMemory>(&effective->taskmanager());
        if (memory == nullptr) continue;  // FL301
        // Batch jobs do not run all stages at once and read blocking partitions: other buffer counts.
        if (ascii_lower(trim(effective->value("execution.runtime-mode").value_or("streaming"))) == "batch")
            continue;
        const auto segment = segment_size(*effective);
        const auto slots = task_slots(*effective);
        if (!segment || !slots) continue;
        Shortage s{.parallelism = job_parallelism(model, *effective, *slots), .slots = *slots};
        if (s.parallelism.value <= 1) continue;
        s.exchanges = profile != nullptr && profile->shuffles ? *profile->shuffles : 1;
        if (s.exchanges <= 0) continue;
        const auto settings = buffer_settings(*effective);
        if (!settings) continue;
        s.per_channel = settings->per_channel;
        s.buffers = taskmanager_buffers(s.parallelism.value, *slots, s.exchanges, *settings);
        s.network = memory->network;
        s.segment = *segment;
        s.available = memory->network / *segment;
        if (s.buffers.required <= 0 || static_cast<std::uint64_t>(s.buffers.required) <= s.available)
            continue;
        report_shortage(*effective, s, reporter);
    }
}

}  // namespace flinklint::rules
