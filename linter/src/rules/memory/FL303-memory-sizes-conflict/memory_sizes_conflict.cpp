// FL303 memory-sizes-conflict: memory sizes set more than one way. Flink then derives one size as
// "the rest" and refuses to start as soon as the rest leaves its range, or a legacy heap key is
// silently copied into (or shadowed by) a new option depending on how the process is started.
#include <fmt/format.h>

#include <span>

#include "flinklint/memory_arithmetic.hpp"
#include "rules/memory/memory_support.hpp"

namespace flinklint::rules {
namespace {

std::string shown(const EffectiveConfig& effective, std::string_view key) {
    const auto origin = effective.origin(key);
    std::string text =
        fmt::format("{} ({})", key_label(effective, key), quoted(written_text(effective, key)));
    if (origin && origin->kind == ValueOrigin::Kind::image_default)
        text += " from the Flink image's config file";
    return text;
}

// The value span of `key`, or its spec field; nullopt for image defaults.
std::optional<Span> span_of(const EffectiveConfig& effective, std::string_view key) {
    const auto origin = effective.origin(key);
    if (!origin || origin->kind == ValueOrigin::Kind::image_default) return std::nullopt;
    return origin->span;
}

const MemoryError* failure(const EffectiveConfig& effective, Process process) {
    if (process == Process::taskmanager) return std::get_if<MemoryError>(&effective.taskmanager());
    return std::get_if<MemoryError>(&effective.jobmanager());
}

void check_both_totals(const EffectiveConfig& effective, Process process, Reporter& reporter) {
    const std::string prefix(key_prefix(process));
    const std::string process_key = prefix + "memory.process.size";
    const std::string flink_key = prefix + "memory.flink.size";
    if (!effective.contains(process_key) || !effective.contains(flink_key)) return;
    const auto span = span_of(effective, flink_key);
    if (!span) return;
    std::string state;
    if (const MemoryError* error = failure(effective, process)) {
        state = error->category == "process-less-than-flink-plus-metaspace" ||
                        error->category == "overhead-out-of-range"
                    ? fmt::format("they contradict each other and the {} does not start (FL30{})",
                                  process_name(process), process == Process::taskmanager ? 1 : 2)
                    : "Flink derives the JVM overhead as whatever the process size leaves";
    } else {
        const std::uint64_t overhead = process == Process::taskmanager
                                           ? std::get<TaskManagerMemory>(effective.taskmanager()).jvm_overhead
                                           : std::get<JobManagerMemory>(effective.jobmanager()).jvm_overhead;
        state = fmt::format(
            "they agree today only because the JVM overhead, derived as the rest ({}), stays "
            "inside its range; changing either one alone can stop the {} from starting",
            mib(overhead), process_name(process));
    }
    Finding finding = finding_at(effective, *span, flink_key);
    finding.message = fmt::format("{} and {} are both set: {}", shown(effective, flink_key),
                                  shown(effective, process_key), state);
    finding.help = fmt::format("set only one total: {} for containers, {} for standalone clusters",
                               key_label(effective, process_key), quoted(flink_key));
    reporter.report(std::move(finding));
}

void check_parts_and_total(const EffectiveConfig& effective, Process process, Reporter& reporter) {
    const bool tm = process == Process::taskmanager;
    const std::string prefix(key_prefix(process));
    const std::string heap_key = prefix + (tm ? "memory.task.heap.size" : "memory.heap.size");
    if (!effective.contains(heap_key)) return;
    const bool managed = effective.contains("taskmanager.memory.managed.size") ||
                         effective.contains("taskmanager.memory.size");
    if (tm && !managed) return;
    std::string total_key;
    for (const char* suffix : {"memory.flink.size", "memory.process.size"}) {
        const auto origin = effective.origin(prefix + suffix);
        if (origin && origin->kind != ValueOrigin::Kind::image_default) {
            total_key = prefix + suffix;
            break;
        }
    }
    const auto span = span_of(effective, heap_key);
    if (total_key.empty() || !span) return;
    std::string rest;
    if (tm) {
        rest = "network memory is only what is left";
        if (const auto* memory = std::get_if<TaskManagerMemory>(&effective.taskmanager())) {
            rest += fmt::format(" ({})", mib(memory->network));
        }
        rest += " and must stay inside the network min/max";
    } else {
        rest = "off-heap memory and JVM overhead become what is left";
    }
    Finding finding = finding_at(effective, *span, heap_key);
    finding.message = fmt::format(
        "{}{} and the total {} are {} set: {}; any later change to one of them can stop "
        "the {} from starting",
        shown(effective, heap_key), tm ? ", the managed memory size" : "", shown(effective, total_key),
        tm ? "all" : "both", rest, process_name(process));
    finding.help =
        fmt::format("set either the total ({}) or the parts, not both", key_label(effective, total_key));
    reporter.report(std::move(finding));
}

void check_legacy_heap(const EffectiveConfig& effective, Process process, Reporter& reporter) {
    if (effective.version().major >= 2 || effective.config() == nullptr) return;  // FL202: removed in 2.0
    const bool tm = process == Process::taskmanager;
    const std::string prefix(key_prefix(process));
    const ConfigEntry* legacy = effective.config()->get(prefix + "heap.size");
    if (legacy == nullptr) legacy = effective.config()->get(prefix + "heap.mb");
    if (legacy == nullptr) return;
    // The options of the memory model (1.10+) that size the process; pre-1.10 keys such as
    // `taskmanager.memory.preallocate` share the prefix but size nothing.
    static constexpr std::string_view kTaskManagerSizes[] = {
        "process.size", "flink.size",          "task.heap.size",          "managed.size",
        "size",         "framework.heap.size", "framework.off-heap.size", "task.off-heap.size"};
    static constexpr std::string_view kJobManagerSizes[] = {"process.size", "flink.size", "heap.size",
                                                            "off-heap.size"};
    std::vector<std::string> new_keys;
    for (const std::string_view suffix : tm ? std::span<const std::string_view>(kTaskManagerSizes)
                                            : std::span<const std::string_view>(kJobManagerSizes)) {
        const std::string key = prefix + "memory." + std::string(suffix);
        if (effective.contains(key)) new_keys.push_back(key);
    }
    if (new_keys.empty()) return;

    const bool standalone = effective.mode() == DeploymentMode::standalone;
    const std::string target =
        prefix + (standalone ? (tm ? "memory.flink.size" : "memory.heap.size") : "memory.process.size");
    const std::string how =
        standalone ? "the standalone start scripts" : "the active resource manager (YARN, native Kubernetes)";
    std::string meaning;
    if (effective.contains(target)) {
        meaning = fmt::format("under {} it would set {}, which is already set, so it is ignored", how,
                              quoted(target));
    } else {
        std::string others;
        for (const std::string& key : new_keys)
            others += (others.empty() ? "" : ", ") + shown(effective, key);
        meaning = fmt::format("under {} Flink copies it into {}, beside {}", how, quoted(target), others);
    }
    Finding finding = finding_at(effective, legacy->key_span, legacy->key);
    finding.message = fmt::format("legacy key {} ({}) is set beside `{}memory.*` options: {}",
                                  quoted(legacy->key), quoted(legacy->value), prefix, meaning);
    finding.help = fmt::format("remove {} and size the {} with the `{}memory.*` options only",
                               quoted(legacy->key), process_name(process), prefix);
    reporter.report(std::move(finding));
}

// The key Flink reads for an option written in the configuration (not an image default): the key, else
// its deprecated alias; empty when neither is written.
std::string written_key(const EffectiveConfig& effective, std::string_view key, std::string_view alias) {
    for (const std::string_view k : {key, alias}) {
        const auto origin = k.empty() ? std::nullopt : effective.origin(k);
        if (origin && origin->kind != ValueOrigin::Kind::image_default) return std::string(k);
    }
    return {};
}

void report_ignored_fraction(const EffectiveConfig& effective, const std::string& fraction_key,
                             const std::string& reason, Reporter& reporter) {
    const auto span = span_of(effective, fraction_key);
    if (!span) return;
    Finding finding = finding_at(effective, *span, fraction_key);
    finding.message = fmt::format(
        "{} has no effect: {}", quoted(fraction_key + ": " + written_text(effective, fraction_key)), reason);
    finding.help = "remove the fraction; the sizes alone decide this memory";
    reporter.report(std::move(finding));
}

// Fractions Flink never reads because sizes decide the component (the network fraction's twin is FL401's):
// - the managed memory fraction beside a managed size: TaskExecutorFlinkMemoryUtils
//   #deriveManagedMemoryAbsoluteOrWithFraction takes the size whenever it is set (1.10 to 2.x);
// - the JVM overhead fraction when min and max are equal: ProcessMemoryUtils#deriveWithFraction and
//   #deriveWithInverseFraction clamp the fraction's share into [min, max].
void check_fraction_overridden(const EffectiveConfig& effective, Process process, Reporter& reporter) {
    const std::string prefix(key_prefix(process));
    if (process == Process::taskmanager) {
        const std::string fraction =
            written_key(effective, "taskmanager.memory.managed.fraction", "taskmanager.memory.fraction");
        const std::string size =
            written_key(effective, "taskmanager.memory.managed.size", "taskmanager.memory.size");
        // A size Flink cannot read, or the `-1` that meant "unset" before 1.10, leaves the fraction in
        // charge.
        std::uint64_t bytes = 0;
        if (!size.empty()) {
            const auto parsed = parse_memory_size(*effective.value(size));
            bytes = parsed ? *parsed : 0;
        }
        if (!fraction.empty() && bytes > 0)
            report_ignored_fraction(effective, fraction,
                                    fmt::format("{} is set, and Flink sizes managed memory by the size alone",
                                                shown(effective, size)),
                                    reporter);
    }
    const std::string fraction = written_key(effective, prefix + "memory.jvm-overhead.fraction", "");
    const std::string min_key = written_key(effective, prefix + "memory.jvm-overhead.min", "");
    const std::string max_key = written_key(effective, prefix + "memory.jvm-overhead.max", "");
    if (fraction.empty() || min_key.empty() || max_key.empty()) return;
    const auto min = parse_memory_size(*effective.value(min_key));
    const auto max = parse_memory_size(*effective.value(max_key));
    if (!min || !max || *min != *max) return;
    report_ignored_fraction(
        effective, fraction,
        fmt::format("JVM overhead min and max are both {}, which fixes the {}'s JVM overhead",
                    mib_and_bytes(*min), process_name(process)),
        reporter);
}

}  // namespace

void check_memory_sizes_conflict(const Model& model, Reporter& reporter) {
    for (const EffectiveConfig* effective : effective_configs(model)) {
        if (!effective->sizes_processes()) continue;
        for (const Process process : {Process::taskmanager, Process::jobmanager}) {
            check_both_totals(*effective, process, reporter);
            check_parts_and_total(*effective, process, reporter);
            check_legacy_heap(*effective, process, reporter);
            check_fraction_overridden(*effective, process, reporter);
        }
    }
}

}  // namespace flinklint::rules
