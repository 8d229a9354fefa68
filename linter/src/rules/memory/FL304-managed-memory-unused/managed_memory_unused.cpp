// FL304 managed-memory-unused: managed memory is reserved (by default 40 % of total Flink memory)
// while the state backend keeps state on the JVM heap. Streaming jobs on the hashmap backend use no
// managed memory, so the reservation is off-heap memory nothing touches while the task heap is short.
#include <fmt/format.h>

#include "rules/memory/memory_support.hpp"
#include "rules/process_roles.hpp"

namespace flinklint::rules {
namespace {

constexpr std::string_view kManagedSize = "taskmanager.memory.managed.size";
constexpr std::string_view kManagedSizeAlias = "taskmanager.memory.size";
constexpr std::string_view kManagedFraction = "taskmanager.memory.managed.fraction";

// Batch (and AUTOMATIC, which runs bounded jobs as batch) sorts and joins in managed memory; so do
// Python workers.
bool managed_memory_may_be_used(const EffectiveConfig& effective) {
    const std::string mode =
        ascii_lower(trim(effective.value("execution.runtime-mode").value_or("streaming")));
    if (mode != "streaming") return true;
    for (const auto& [key, value] : effective.flat()) {
        (void)value;
        if (key.rfind("python.", 0) == 0) return true;
    }
    return false;
}

}  // namespace

void check_managed_memory_unused(const Model& model, Reporter& reporter) {
    for (const EffectiveConfig* effective : effective_configs(model)) {
        if (!effective->sizes_processes()) continue;
        if (read_by_jobmanagers_only(model, *effective)) continue;
        const StateBackend backend = state_backend(*effective);
        if (backend.name != "hashmap" || backend.entry == nullptr) continue;
        const auto* memory = std::get_if<TaskManagerMemory>(&effective->taskmanager());
        if (memory == nullptr || memory->managed == 0 || managed_memory_may_be_used(*effective)) continue;

        // Point at the setting that reserves it, else at the backend that leaves it unused.
        std::string size_key;
        for (const std::string_view key : {kManagedSize, kManagedSizeAlias, kManagedFraction}) {
            const auto origin = effective->origin(key);
            if (origin && origin->kind == ValueOrigin::Kind::config) {
                size_key = std::string(key);
                break;
            }
        }
        Finding finding = size_key.empty()
                              ? finding_at(*effective, backend.entry->value_span, backend.entry->key)
                              : finding_at(*effective, effective->origin(size_key)->span, size_key);
        const std::string reserved =
            size_key.empty()
                ? "the default managed fraction 0.4 reserves"
                : fmt::format("{} reserves", quoted(size_key + ": " + written_text(*effective, size_key)));
        finding.message = fmt::format(
            "{} {} of managed memory per TaskManager, but the {} state backend ({}) keeps "
            "state on the JVM heap: streaming jobs leave the managed memory unused while the "
            "task heap gets {}",
            reserved, mib_and_bytes(memory->managed), backend.name,
            quoted(backend.entry->key + ": " + backend.entry->value), mib(memory->task_heap));

        // What the same process looks like without the reservation.
        const FlatConfig& flat = effective->flat();
        const bool sized = flat.contains(kManagedSize) || flat.contains(kManagedSizeAlias);
        const ConfigChange without{flat.contains(kManagedSize)        ? kManagedSize
                                   : flat.contains(kManagedSizeAlias) ? kManagedSizeAlias
                                                                      : kManagedFraction,
                                   "0"};
        const std::string change =
            sized ? "set the managed size to `0`" : fmt::format("set `{}: 0`", kManagedFraction);
        const auto result = probe_taskmanager_memory(flat, without, effective->memory_options());
        if (const auto* after = std::get_if<TaskManagerMemory>(&result)) {
            finding.help = after->total_process == memory->total_process
                               ? fmt::format("{}: the task heap grows from {} to {}", change,
                                             mib(memory->task_heap), mib(after->task_heap))
                               : fmt::format("{}: the process shrinks from {} to {}", change,
                                             mib(memory->total_process), mib(after->total_process));
        } else {
            finding.help = fmt::format("{} (and check the other sizes still add up)", change);
        }
        if (!sized && size_key == std::string(kManagedFraction) && effective->config() != nullptr) {
            if (const ConfigEntry* entry = effective->config()->get(kManagedFraction)) {
                finding.fix = replace_value_fix(*entry, *effective->config(), "0", FixSafety::unsafe);
            }
        }
        reporter.report(std::move(finding));
    }
}

}  // namespace flinklint::rules
