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

        const auto parallelism_setting = find_setting(*effective, {"parallelism.default"});
        std::int64_t parallelism = 1;
        std::string source;
        if (profile != nullptr && profile->parallelism) {
            parallelism = *profile->parallelism;
            source = fmt::format("parallelism {} (declared in the profile)", parallelism);
        } else if (const auto reactive = reactive_parallelism(model, *effective, *slots)) {
            parallelism = std::min<std::int64_t>(*reactive, std::numeric_limits<std::int32_t>::max());
            source = fmt::format("reactive mode (parallelism {}: every slot of the TaskManager replicas)",
                                 parallelism);
        } else if (parallelism_setting) {
            const auto parsed = parse_java_int(trim(parallelism_setting->value));
            if (parsed) parallelism = *parsed;
            source = parallelism_setting->shown();
        }
        if (parallelism <= 1) continue;
        const std::int64_t exchanges = profile != nullptr && profile->shuffles ? *profile->shuffles : 1;
        if (exchanges <= 0) continue;
        // 2.x hard-codes 2 buffers per channel; 1.x reads the (since removed) option.
        std::int64_t per_channel = kDefaultBuffersPerChannel;
        if (effective->version().major < 2) {
            per_channel = int_setting(*effective, {"taskmanager.network.memory.buffers-per-channel"})
                              .value_or(kDefaultBuffersPerChannel);
            if (per_channel < 0) continue;
        }
        BufferSettings settings;
        settings.per_channel = per_channel;
        if (const auto max_per_gate =
                int_setting(*effective, {"taskmanager.network.memory.read-buffer.required-per-gate.max"});
            max_per_gate && *max_per_gate >= 1) {
            settings.max_required_per_gate = *max_per_gate;
        }
        const TaskManagerBuffers buffers = taskmanager_buffers(parallelism, *slots, exchanges, settings);
        const std::int64_t slots_used = buffers.slots_used;
        const std::int64_t remote = parallelism - slots_used;
        const std::int64_t gate = buffers.per_exchange.gate_required;
        const std::int64_t partition = buffers.per_exchange.partition_required;
        const std::int64_t required = buffers.required;
        const std::uint64_t available = memory->network / *segment;
        if (required <= 0 || static_cast<std::uint64_t>(required) <= available) continue;

        std::optional<Setting> at = parallelism_setting;
        if (source.rfind("reactive", 0) == 0) at = find_setting(*effective, {"scheduler-mode"});
        if (!at) at = find_setting(*effective, {"taskmanager.numberOfTaskSlots"});
        Finding finding = at ? finding_for(*effective, *at)
                             : finding_at(*effective, whole_config_span(*effective), "parallelism.default");
        const std::string exchanges_text =
            exchanges == 1
                ? "one all-to-all exchange (the assumption: a keyBy or rebalance between two stages)"
                : fmt::format("{} all-to-all exchanges (declared in the profile)", exchanges);
        finding.message = fmt::format(
            "{} with {} slot{} per TaskManager needs at least {} network buffers per TaskManager for {}: "
            "{} x {}(input gate: {} remote channels x {} + 1 = {}; output: {} subpartitions + 1 = {}), but "
            "the {} "
            "of network memory hold only {} buffers of {}: tasks fail to deploy with \"Insufficient number "
            "of "
            "network buffers\"",
            source, *slots, *slots == 1 ? "" : "s", required, exchanges_text, slots_used,
            exchanges == 1 ? "" : fmt::format("{} x ", exchanges), remote, per_channel, gate, parallelism,
            partition, mib(memory->network), available, format_memory_size(*segment));
        const std::int64_t needed = saturating_mul(required, static_cast<std::int64_t>(*segment));
        const auto mebibyte = static_cast<std::int64_t>(kMiB);
        const std::int64_t needed_mib = needed / mebibyte + (needed % mebibyte != 0 ? 1 : 0);
        finding.help = fmt::format(
            "give the network at least {} MiB: set `taskmanager.memory.network.min` and `.max` to `{}m` "
            "(taken "
            "from the same process size), or lower the parallelism or the slots per TaskManager",
            needed_mib, needed_mib);
        reporter.report(std::move(finding));
    }
}

}  // namespace flinklint::rules
