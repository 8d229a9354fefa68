// FL305 rocksdb-managed-memory: RocksDB's native memory is bounded by managed memory only when
// `state.backend.rocksdb.memory.managed` is true and each slot gets enough of it. Unbounded, RocksDB
// grows past the container limit; too small, RocksDB flushes its memtables constantly.
#include <fmt/format.h>

#include "rules/memory/memory_support.hpp"
#include "rules/process_roles.hpp"

namespace flinklint::rules {
namespace {

constexpr std::string_view kUseManaged = "state.backend.rocksdb.memory.managed";
constexpr std::string_view kWriteBufferSize = "state.backend.rocksdb.writebuffer.size";
constexpr std::string_view kWriteBufferRatio = "state.backend.rocksdb.memory.write-buffer-ratio";
// RocksDB's defaults as Flink ships them: 64 MiB write buffers, half of the memory for write buffers.
constexpr std::uint64_t kDefaultWriteBufferSize = 64 * kMiB;
constexpr double kDefaultWriteBufferRatio = 0.5;

// RocksDBMemoryControllerUtils: the write buffer manager gets 2/3 x ratio of a slot's memory, RocksDB
// flushes once 7/8 of that is in use, and one arena block (write buffer / 8, 4 KiB aligned) must fit
// below that mark. Returns the smallest per-slot memory that passes Flink's own sanity check.
std::uint64_t min_memory_per_slot(std::uint64_t write_buffer_size, double ratio) {
    const std::uint64_t arena = (write_buffer_size / 8 + 4095) / 4096 * 4096;
    std::uint64_t low = 0;
    std::uint64_t high = 1ULL << 50;
    auto passes = [&](std::uint64_t memory) {
        const auto capacity = static_cast<std::uint64_t>(2 * static_cast<double>(memory) * ratio / 3);
        return arena <= capacity * 7 / 8;
    };
    while (low < high) {
        const std::uint64_t middle = low + (high - low) / 2;
        if (passes(middle))
            high = middle;
        else
            low = middle + 1;
    }
    return low;
}

bool is_set(const EffectiveConfig& effective, std::string_view key) {
    return effective.contains(key);
}

std::optional<Span> config_span(const EffectiveConfig& effective, std::string_view key) {
    const auto origin = effective.origin(key);
    if (!origin || origin->kind != ValueOrigin::Kind::config) return std::nullopt;
    return origin->span;
}

}  // namespace

void check_rocksdb_managed_memory(const Model& model, Reporter& reporter) {
    for (const EffectiveConfig* effective : effective_configs(model)) {
        if (!effective->sizes_processes() || read_by_jobmanagers_only(model, *effective)) continue;
        const StateBackend backend = state_backend(*effective);
        if (backend.name != "rocksdb" || backend.entry == nullptr) continue;
        // A fixed per-slot or per-TaskManager budget replaces managed memory and is bounded too.
        if (is_set(*effective, "state.backend.rocksdb.memory.fixed-per-slot") ||
            is_set(*effective, "state.backend.rocksdb.memory.fixed-per-tm")) {
            continue;
        }
        const auto* memory = std::get_if<TaskManagerMemory>(&effective->taskmanager());

        const std::string use_managed = ascii_lower(trim(effective->value(kUseManaged).value_or("true")));
        if (use_managed == "false") {
            const auto span = config_span(*effective, kUseManaged);
            if (!span) continue;
            Finding finding = finding_at(*effective, *span, std::string(kUseManaged));
            finding.message = fmt::format(
                "`{}: false` leaves RocksDB's native memory unbounded: block cache, "
                "indexes and memtables of every state grow outside Flink's memory "
                "budget until the container is killed",
                kUseManaged);
            if (memory != nullptr && memory->managed > 0) {
                finding.message +=
                    fmt::format(", while the {} of managed memory sit unused", mib(memory->managed));
            }
            finding.help = fmt::format(
                "remove `{}` (true is the default) so that RocksDB lives within managed memory", kUseManaged);
            reporter.report(std::move(finding));
            continue;
        }
        if (memory == nullptr) continue;
        const auto slots = task_slots(*effective);
        if (!slots) continue;

        std::uint64_t write_buffer = kDefaultWriteBufferSize;
        if (const auto text = effective->value(kWriteBufferSize)) {
            if (const auto bytes = parse_memory_size(*text)) write_buffer = *bytes;
        }
        double ratio = kDefaultWriteBufferRatio;
        if (const auto text = effective->value(kWriteBufferRatio)) {
            if (const auto parsed = parse_java_double(*text); parsed && *parsed > 0 && *parsed <= 1)
                ratio = *parsed;
        }
        const std::uint64_t needed = min_memory_per_slot(write_buffer, ratio);
        const std::uint64_t per_slot = memory->managed / static_cast<std::uint64_t>(*slots);
        if (per_slot >= needed) continue;

        std::string key;
        for (const std::string_view candidate : {"taskmanager.memory.managed.size", "taskmanager.memory.size",
                                                 "taskmanager.memory.managed.fraction"}) {
            if (config_span(*effective, candidate)) {
                key = std::string(candidate);
                break;
            }
        }
        const Span span = key.empty() ? backend.entry->value_span : *config_span(*effective, key);
        Finding finding = finding_at(*effective, span, key.empty() ? backend.entry->key : key);
        if (memory->managed == 0) {
            finding.message =
                "RocksDB is the state backend but the TaskManager has no managed memory: RocksDB gets "
                "no block cache and no write buffer budget";
        } else {
            finding.message = fmt::format(
                "RocksDB gets {} of managed memory per slot ({} over {} slots), less than the {} at which "
                "one "
                "arena block of a {} write buffer fits its write buffer manager: Flink warns that RocksDB "
                "will flush "
                "memtables constantly, with high I/O and CPU",
                mib(per_slot), mib(memory->managed), *slots, mib(needed), mib(write_buffer));
        }
        const std::uint64_t total_needed = needed * static_cast<std::uint64_t>(*slots);
        finding.help = fmt::format(
            "give managed memory at least {} per TaskManager ({} per slot), e.g. a larger "
            "`taskmanager.memory.managed.fraction` or process size, or fewer slots",
            mib(total_needed), mib(needed));
        reporter.report(std::move(finding));
    }
}

}  // namespace flinklint::rules
