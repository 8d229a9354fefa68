// DG404 / DG406 from `kubectl describe pod`: the container's memory limit against the process size.
// Flink's native Kubernetes integration sets the limit to the process size times
// kubernetes.{jobmanager,taskmanager}.memory.limit-factor (1.0 by default, KubernetesConfigOptions;
// KubernetesUtils#getResourceRequirements); a manifest written by hand can set any limit. A limit
// below the process size lets the JVM and native memory grow past what the container holds.
#include <fmt/format.h>

#include <variant>

#include "flinklint/memory_model.hpp"
#include "flinklint/values.hpp"
#include "recommend.hpp"

namespace flinklint::diagnose {
namespace {

constexpr std::uint64_t kMiB = 1u << 20;

// The memory model on the changed configuration: an error message, or what it derives.
std::variant<std::string, MemoryError> derive(const FlatConfig& flat, const MemoryOptions& options,
                                              bool jobmanager) {
    if (jobmanager) {
        const auto jm = derive_jobmanager_memory(flat, options);
        if (const auto* error = std::get_if<MemoryError>(&jm)) return *error;
        return describe_jobmanager_memory(std::get<JobManagerMemory>(jm));
    }
    const auto tm = derive_taskmanager_memory(flat, options);
    if (const auto* error = std::get_if<MemoryError>(&tm)) return *error;
    const auto& m = std::get<TaskManagerMemory>(tm);
    return fmt::format("process {}, task heap {}, managed {}, network {}, JVM overhead {}",
                       format_memory_size_human(m.total_process), format_memory_size_human(m.task_heap),
                       format_memory_size_human(m.managed), format_memory_size_human(m.network),
                       format_memory_size_human(m.jvm_overhead));
}

}  // namespace

std::string container_limit_clause(std::optional<std::int64_t> limit, std::optional<std::uint64_t> process,
                                   bool jobmanager) {
    const std::string key = jobmanager ? "jobmanager.memory.process.size" : "taskmanager.memory.process.size";
    if (!limit || *limit <= 0)
        return jobmanager ? "the container's limit, which is " + key
                          : "the pod's limit, which is the TaskManager's process size";
    const auto bytes = static_cast<std::uint64_t>(*limit);
    std::string clause = fmt::format("the container's memory limit of {}", format_memory_size(bytes));
    if (!process) return clause;
    return clause + fmt::format(", which is {} `{}` ({})", bytes < *process ? "below" : "at least", key,
                                format_memory_size(*process));
}

bool compare_container_limit(Diagnosis& d, const Context& context, std::uint64_t limit, std::uint64_t process,
                             bool jobmanager) {
    const std::string key = jobmanager ? "jobmanager.memory.process.size" : "taskmanager.memory.process.size";
    d.notes.push_back(
        fmt::format("the container's memory limit is {} (`Limits: memory`); the process Flink "
                    "sizes is {} (`{}` in force)",
                    format_memory_size_human(limit), format_memory_size_human(process), key));
    if (limit >= process) {
        d.notes.push_back(
            "the limit holds the process Flink sizes: memory outside Flink's budget grew past it");
        return false;
    }
    d.notes.push_back(
        "the limit is below the process Flink sizes: the JVM and native memory may grow past what the "
        "container holds (raise the limit to the process size, or make the process the limit)");
    if (context.config == nullptr) return true;
    const std::uint64_t size = limit / kMiB * kMiB;
    FlatConfig flat = context.config->flat();
    flat[key] = format_memory_size(size);
    const auto derived = derive(flat, context.config->memory_options(), jobmanager);
    if (const auto* error = std::get_if<MemoryError>(&derived)) {
        d.notes.push_back(fmt::format("flinklint's memory model refuses a process of {}: {}",
                                      format_memory_size_human(size), error->message));
        return true;
    }
    d.changes.push_back(
        {key, format_memory_size(size),
         "the container's memory limit (whole MiB): the process Flink sizes fits the container"});
    d.notes.push_back("with the change: " + std::get<std::string>(derived));
    return true;
}

}  // namespace flinklint::diagnose
