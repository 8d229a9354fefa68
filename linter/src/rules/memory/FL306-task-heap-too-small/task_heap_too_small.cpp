// FL306 task-heap-too-small: the task heap Flink derives, shared by the slots of a TaskManager, leaves
// each slot less than kMinTaskHeapPerSlot for user code, records, serializers and connector clients.
#include <fmt/format.h>

#include "rules/memory/memory_fix_search.hpp"
#include "rules/process_roles.hpp"

namespace flinklint::rules {
namespace {

// A judgement, documented in task-heap-too-small.md: one Kafka source per slot already holds up to
// 50 MiB (consumer fetch.max.bytes) of heap before any record is processed.
constexpr std::uint64_t kMinTaskHeapPerSlot = 64 * kMiB;
// Flink's float fractions truncate a few bytes off round sizes: 128 MiB can come out as 128 MiB - 4 B.
constexpr std::uint64_t kTruncationSlack = 1024;

bool per_slot_enough(const EffectiveConfig& effective, const ConfigChange& change, std::int32_t slots) {
    const auto result = probe_taskmanager_memory(effective.flat(), change, effective.memory_options());
    const auto* memory = std::get_if<TaskManagerMemory>(&result);
    return memory != nullptr &&
           memory->task_heap / static_cast<std::uint64_t>(slots) + kTruncationSlack >= kMinTaskHeapPerSlot;
}

}  // namespace

void check_task_heap_too_small(const Model& model, Reporter& reporter) {
    for (const EffectiveConfig* effective : effective_configs(model)) {
        if (!effective->sizes_processes() || read_by_jobmanagers_only(model, *effective)) continue;
        const auto* memory = std::get_if<TaskManagerMemory>(&effective->taskmanager());
        const auto slots = task_slots(*effective);
        if (memory == nullptr || !slots) continue;
        const std::uint64_t per_slot = memory->task_heap / static_cast<std::uint64_t>(*slots);
        if (per_slot + kTruncationSlack >= kMinTaskHeapPerSlot) continue;

        // The size that decides the task heap: its own key, else the total, else the slot count.
        std::optional<std::pair<Span, std::string>> place =
            first_written(*effective, {"taskmanager.memory.task.heap.size", "taskmanager.memory.process.size",
                                       "taskmanager.memory.flink.size", "taskmanager.heap.size",
                                       "taskmanager.numberOfTaskSlots"});
        const Span span = place ? place->first : whole_config_span(*effective);
        Finding finding =
            finding_at(*effective, span, place ? place->second : "taskmanager.memory.task.heap.size");
        const std::string who =
            *slots == 1 ? std::string("the only slot") : fmt::format("each of the {} slots", *slots);
        finding.message = fmt::format(
            "{} gets {} of task heap ({} in total), less than {}: user code, records in "
            "flight and connector clients share it, so tasks fail with OutOfMemoryError or "
            "spend their time in garbage collection",
            who, mib_and_bytes(per_slot), mib(memory->task_heap), mib(kMinTaskHeapPerSlot));
        if (memory->managed > memory->task_heap) {
            finding.message += fmt::format(" (managed memory takes {})", mib(memory->managed));
        }

        // The smallest total that gives every slot enough heap, found with the model.
        std::string help;
        for (const char* key : {"taskmanager.memory.task.heap.size", "taskmanager.memory.flink.size",
                                "taskmanager.memory.process.size"}) {
            if (!effective->contains(key)) continue;
            const auto current = parse_memory_size(*effective->value(key));
            if (!current) break;
            const auto found = search_mib(key, *current, true, [&](const ConfigChange& change) {
                return per_slot_enough(*effective, change, *slots);
            });
            if (found) {
                help = fmt::format("raise {} to at least {} ({} bytes)", key_label(*effective, key),
                                   quoted(size_literal(*effective, key, *found)), *found * kMiB);
            }
            break;
        }
        const auto fewer = static_cast<std::int32_t>(memory->task_heap / kMinTaskHeapPerSlot);
        if (fewer >= 1) {
            help += fmt::format("{}use at most {} slot{} per TaskManager", help.empty() ? "" : "; or ", fewer,
                                fewer == 1 ? "" : "s");
        }
        finding.help = help.empty() ? "give the TaskManager more memory or fewer slots" : help;
        reporter.report(std::move(finding));
    }
}

}  // namespace flinklint::rules
