// FL401 network-memory-clamped: `taskmanager.memory.network.fraction` is set but does not decide the
// network memory: min and max are equal, the fraction's share is clamped to min or max, or network
// memory is what remains after explicitly sized components. (min > max is a start-up failure: FL301.)
#include <fmt/format.h>

#include "flinklint/memory_arithmetic.hpp"
#include "rules/memory/memory_support.hpp"
#include "rules/process_roles.hpp"

namespace flinklint::rules {
namespace {

// The key Flink reads for an option: the key itself, else its deprecated alias; empty when neither is set.
std::string read_key(const EffectiveConfig& effective, std::string_view key, std::string_view alias) {
    if (effective.contains(key)) return std::string(key);
    if (effective.contains(alias)) return std::string(alias);
    return {};
}

std::optional<std::uint64_t> size_or(const EffectiveConfig& effective, const std::string& key,
                                     std::uint64_t fallback) {
    if (key.empty()) return fallback;
    const auto bytes = parse_memory_size(*effective.value(key));
    if (!bytes) return std::nullopt;
    return *bytes;
}

// Network memory is the rest of a fixed total when task heap is set beside a total (or beside a managed
// size and total Flink memory); the legacy heap keys count as the total they are copied into.
bool network_is_rest(const EffectiveConfig& effective) {
    const bool legacy = effective.version().major < 2 && (effective.contains("taskmanager.heap.size") ||
                                                          effective.contains("taskmanager.heap.mb"));
    const bool standalone = effective.mode() == DeploymentMode::standalone;
    const bool flink_set = effective.contains("taskmanager.memory.flink.size") || (legacy && standalone);
    const bool process_set = effective.contains("taskmanager.memory.process.size") || (legacy && !standalone);
    const bool task_heap = effective.contains("taskmanager.memory.task.heap.size");
    const bool managed_size = effective.contains("taskmanager.memory.managed.size") ||
                              effective.contains("taskmanager.memory.size");
    if (task_heap && managed_size) return flink_set;
    return (flink_set || process_set) && task_heap;
}

}  // namespace

void check_network_memory_clamped(const Model& model, Reporter& reporter) {
    for (const EffectiveConfig* effective : effective_configs(model)) {
        if (!effective->sizes_processes() || read_by_jobmanagers_only(model, *effective)) continue;
        const std::string fraction_key = read_key(*effective, "taskmanager.memory.network.fraction",
                                                  "taskmanager.network.memory.fraction");
        const auto origin = fraction_key.empty() ? std::nullopt : effective->origin(fraction_key);
        if (!origin || origin->kind != ValueOrigin::Kind::config) continue;
        const auto fraction = parse_java_float(*effective->value(fraction_key));
        if (!fraction || !(*fraction >= 0 && *fraction < 1)) continue;  // FL102 / FL301 say why

        const std::string min_key =
            read_key(*effective, "taskmanager.memory.network.min", "taskmanager.network.memory.min");
        const std::string max_key =
            read_key(*effective, "taskmanager.memory.network.max", "taskmanager.network.memory.max");
        const std::uint64_t default_max =
            effective->version() < FlinkVersion{1, 17} ? 1024 * kMiB : memory::kMaxBytes;
        const auto min = size_or(*effective, min_key, 64 * kMiB);
        const auto max = size_or(*effective, max_key, default_max);
        if (!min || !max || *min > *max) continue;

        Finding finding = finding_at(*effective, origin->span, fraction_key);
        const std::string fraction_text =
            quoted(fraction_key + ": " + written_text(*effective, fraction_key));
        if (*min == *max) {
            finding.message = fmt::format(
                "{} has no effect: network min and max are both {}, which fixes the network "
                "memory of every TaskManager",
                fraction_text, mib_and_bytes(*min));
            finding.help = "remove the fraction; min = max alone sizes network memory";
            reporter.report(std::move(finding));
            continue;
        }
        const auto* memory = std::get_if<TaskManagerMemory>(&effective->taskmanager());
        if (memory == nullptr) continue;
        if (network_is_rest(*effective)) {
            finding.message = fmt::format(
                "{} has no effect: task heap and the total size are set, so network memory "
                "is whatever remains: {}",
                fraction_text, mib_and_bytes(memory->network));
            finding.help = "remove the fraction, or stop setting the task heap beside the total size";
            reporter.report(std::move(finding));
            continue;
        }
        // What the fraction alone asks for: of total Flink memory, or (parts given) of the other parts.
        const memory::RangeFraction unbounded{0, memory::kMaxBytes, static_cast<double>(*fraction)};
        const bool from_parts = effective->contains("taskmanager.memory.task.heap.size");
        const auto share = from_parts ? memory::derive_with_inverse_fraction(
                                            memory->total_flink - memory->network, unbounded)
                                      : memory::derive_with_fraction(memory->total_flink, unbounded);
        if (!share || *share == memory->network) continue;
        const bool capped = *share > memory->network;
        const std::string& bound_key = capped ? max_key : min_key;
        finding.message =
            fmt::format("{} asks for {} of network memory, but the network {} {} clamps it to {}",
                        fraction_text, mib_and_bytes(*share), capped ? "maximum" : "minimum",
                        bound_key.empty() ? fmt::format("(default {})", mib(capped ? default_max : 64 * kMiB))
                                          : quoted(bound_key + ": " + written_text(*effective, bound_key)),
                        mib_and_bytes(memory->network));
        const std::string bound =
            bound_key.empty() ? (capped ? "taskmanager.memory.network.max" : "taskmanager.memory.network.min")
                              : bound_key;
        const std::uint64_t share_mib = capped ? (*share + kMiB - 1) / kMiB : *share / kMiB;
        finding.help = fmt::format(
            "to get the fraction's share, {} {} to `{}m`; to keep {}, remove the fraction and "
            "set min and max to it",
            capped ? "raise" : "lower", quoted(bound), share_mib, mib(memory->network));
        reporter.report(std::move(finding));
    }
}

}  // namespace flinklint::rules
