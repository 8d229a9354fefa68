#include "network_plan.hpp"

#include <fmt/format.h>

#include <variant>

#include "flinklint/catalog.hpp"
#include "flinklint/memory_model.hpp"
#include "flinklint/values.hpp"

namespace flinklint::diagnose {
namespace {

constexpr std::uint64_t kMiB = 1u << 20;
constexpr std::string_view kNetworkMin = "taskmanager.memory.network.min";
constexpr std::string_view kNetworkMax = "taskmanager.memory.network.max";

std::string value_or_default(const EffectiveConfig& config, std::string_view key, FlinkVersion version) {
    if (auto value = config.value(key)) return *value;
    const OptionInfo* option = Catalog::for_version(version).find(key);
    return option ? std::string(option->default_value) : std::string();
}

// The total key this configuration sizes the TaskManager with, if any.
std::optional<std::string_view> total_key(const EffectiveConfig& config) {
    for (std::string_view key : {"taskmanager.memory.process.size", "taskmanager.memory.flink.size"}) {
        if (config.contains(key)) return key;
    }
    return std::nullopt;
}

struct Plan {
    std::vector<Change> changes;
    FlatConfig flat;
};

// Network memory of at least `needed` bytes: min (and max when it is lower) raised; when the model
// then refuses the configuration because the fixed total no longer fits, the total grows as well.
std::variant<TaskManagerMemory, MemoryError> plan_network(const EffectiveConfig& config, FlinkVersion version,
                                                          std::uint64_t needed, std::uint64_t current,
                                                          Plan& plan) {
    plan.flat = config.flat();
    const std::string size = format_memory_size(needed);
    plan.flat[std::string(kNetworkMin)] = size;
    plan.changes.push_back(
        {std::string(kNetworkMin), size, "network memory never below what the pool was asked for"});
    const auto max = parse_memory_size(value_or_default(config, kNetworkMax, version));
    if (max && *max < needed) {
        plan.flat[std::string(kNetworkMax)] = size;
        plan.changes.push_back({std::string(kNetworkMax), size, "the maximum was below the new minimum"});
    }
    const MemoryOptions options = config.memory_options();
    auto result = derive_taskmanager_memory(plan.flat, options);
    const auto key = total_key(config);
    if (std::holds_alternative<TaskManagerMemory>(result) || !key || needed <= current) return result;
    const auto total = parse_memory_size(*config.value(*key));
    if (!total) return result;
    const std::string grown = format_memory_size(*total + (needed - current));
    plan.flat[std::string(*key)] = grown;
    plan.changes.push_back({std::string(*key), grown, "the other components keep their size"});
    return derive_taskmanager_memory(plan.flat, options);
}

void with_config(Diagnosis& d, const Fields& fields, const EffectiveConfig& config, FlinkVersion version) {
    const auto* tm = std::get_if<TaskManagerMemory>(&config.taskmanager());
    if (tm == nullptr) {
        d.notes.push_back("the configuration given does not start a TaskManager: " +
                          std::get<MemoryError>(config.taskmanager()).message);
        return;
    }
    const auto segment =
        parse_memory_size(value_or_default(config, "taskmanager.memory.segment-size", version));
    if (!segment || *segment == 0) return;
    const auto buffers = static_cast<std::int64_t>(tm->network / *segment);
    if (fields.segment_size && *fields.segment_size != static_cast<std::int64_t>(*segment))
        d.notes.push_back(
            fmt::format("the log's buffers are of {} bytes, the configuration's of {}: the "
                        "configuration in force is not the one given",
                        *fields.segment_size, *segment));
    if (fields.total && *fields.total != buffers)
        d.notes.push_back(
            fmt::format("the log's pool holds {} buffers, the configuration gives {} ({} of network "
                        "memory): the configuration in force is not the one given",
                        *fields.total, buffers, format_memory_size_human(tm->network)));
    // The pool must hold what others already took (total - available) plus this request.
    const std::int64_t total = fields.total.value_or(buffers);
    const std::int64_t taken = fields.available ? total - *fields.available : 0;
    const std::int64_t needed_buffers = taken + *fields.required;
    const std::uint64_t bytes = static_cast<std::uint64_t>(needed_buffers) * *segment;
    const std::uint64_t needed = (bytes + kMiB - 1) / kMiB * kMiB;
    Plan plan;
    const auto result = plan_network(config, version, needed, tm->network, plan);
    if (const auto* error = std::get_if<MemoryError>(&result)) {
        d.notes.push_back(
            fmt::format("{} of network memory ({} buffers) does not fit this configuration in "
                        "flinklint's memory model: {}",
                        format_memory_size_human(needed), needed_buffers, error->message));
        return;
    }
    const auto& after = std::get<TaskManagerMemory>(result);
    d.changes = std::move(plan.changes);
    d.notes.push_back(
        fmt::format("with these values Flink {} derives {} of network memory: {} buffers of {} bytes (needed "
                    "{}); task heap {}, "
                    "managed memory {}, process {}",
                    version.str(), format_memory_size_human(after.network), after.network / *segment,
                    *segment, needed_buffers, format_memory_size_human(after.task_heap),
                    format_memory_size_human(after.managed), format_memory_size_human(after.total_process)));
    d.notes.push_back(
        "this covers the request that failed; later requests of the same deployment may need more: "
        "`flinklint check --profile` counts the whole job's buffers (FL411)");
}

}  // namespace

void explain_network_buffers(Diagnosis& d, const Fields& fields, const EffectiveConfig* config,
                             FlinkVersion version) {
    if (!fields.required) {
        d.cause = "a task asked the TaskManager's network buffer pool for more buffers than were free";
        return;
    }
    d.cause = fmt::format(
        "a task asked the TaskManager's network buffer pool for {} buffers but only {} were free{}: the "
        "network memory "
        "is too small for the job's parallelism and exchanges",
        *fields.required, fields.available.value_or(0),
        fields.total ? fmt::format(" of {}", *fields.total) : std::string());
    if (config) with_config(d, fields, *config, version);
}

}  // namespace flinklint::diagnose
