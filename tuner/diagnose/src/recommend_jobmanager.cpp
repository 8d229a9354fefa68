// DG406: the JobManager's container killed for memory. As for a TaskManager's (recommend_runtime.cpp),
// the JVM stayed within its limits and native memory outside Flink's budget grew: the JVM overhead
// takes the growth, and the JobManager's memory model (derive_jobmanager_memory) checks the result.
#include <fmt/format.h>

#include <algorithm>
#include <variant>

#include "flinklint/memory_model.hpp"
#include "flinklint/values.hpp"
#include "recommend.hpp"

namespace flinklint::diagnose {
namespace {

constexpr std::string_view kProcess = "jobmanager.memory.process.size";
constexpr std::string_view kOverheadMin = "jobmanager.memory.jvm-overhead.min";
constexpr std::string_view kOverheadMax = "jobmanager.memory.jvm-overhead.max";

// YARN measured `observed` bytes against the container's limit: the process grows to the usage seen
// (whole MiB, and at least 1 MiB more than the limit), the JVM overhead takes all of the growth.
void plan_jobmanager(Diagnosis& d, const Fields& fields, const Context& context, const JobManagerMemory& jm) {
    const auto observed = static_cast<std::uint64_t>(*fields.observed);
    const std::uint64_t process =
        std::max<std::uint64_t>(jm.total_process, static_cast<std::uint64_t>(*fields.limit));
    const std::uint64_t grown = grown_process(observed, process);
    const std::uint64_t overhead = jm.jvm_overhead + (grown - jm.total_process);
    const std::string growth = "the JVM overhead takes all of the growth";
    const std::vector<Change> changes = {
        {std::string(kProcess), format_memory_size(grown),
         fmt::format("at least the {} YARN measured", format_memory_size_human(observed))},
        {std::string(kOverheadMin), format_memory_size(overhead), growth},
        {std::string(kOverheadMax), format_memory_size(overhead), growth}};
    FlatConfig flat = context.config->flat();
    for (const Change& c : changes) flat[c.key] = c.value;
    flat.erase("jobmanager.memory.flink.size");  // with the process fixed, Flink derives it
    const auto derived = derive_jobmanager_memory(flat, context.config->memory_options());
    if (const auto* error = std::get_if<MemoryError>(&derived)) {
        d.notes.push_back("flinklint's memory model refuses the grown JobManager: " + error->message);
        return;
    }
    d.changes = changes;
    d.notes.push_back("with the change: " + describe_jobmanager_memory(std::get<JobManagerMemory>(derived)));
}

}  // namespace

void explain_jobmanager_container(Diagnosis& d, const Fields& fields, const Context& context) {
    const bool yarn = has_container_usage(fields);
    const auto* jm = context.config ? std::get_if<JobManagerMemory>(&context.config->jobmanager()) : nullptr;
    d.cause =
        yarn ? "YARN killed the JobManager's container (the application master's, ..._000001): its "
               "resident memory grew past the container's physical limit, which is "
               "jobmanager.memory.process.size"
             : fmt::format("the JobManager's container was killed ({}{}): its memory grew past {}",
                           fields.word.empty() ? "exit code 137" : fields.word,
                           fields.word == "OOMKilled" ? "" : ", SIGKILL, which the kernel's OOM killer sends",
                           container_limit_clause(
                               fields.limit, jm ? std::optional(jm->total_process) : std::nullopt, true));
    d.notes.push_back(
        "no OutOfMemoryError: the JVM stayed within its heap, direct and metaspace limits; native memory "
        "outside them (thread stacks, the JVM's own, libraries) lives in the JVM overhead");
    if (jm == nullptr) return;
    d.notes.push_back("JobManager in force: " + describe_jobmanager_memory(*jm));
    if (yarn) return plan_jobmanager(d, fields, context, *jm);
    if (fields.limit && compare_container_limit(d, context, static_cast<std::uint64_t>(*fields.limit),
                                                jm->total_process, true))
        return;
    d.notes.push_back("the evidence carries no usage at the kill, so no size is computed: raise `" +
                      std::string(kOverheadMax) + "` and `" + std::string(kOverheadMin) + "` (and `" +
                      std::string(kProcess) + "` by as much)");
}

std::string describe_jobmanager_memory(const JobManagerMemory& jm) {
    return fmt::format("process {}, JVM heap {}, off-heap {}, metaspace {}, JVM overhead {}",
                       format_memory_size_human(jm.total_process), format_memory_size_human(jm.jvm_heap),
                       format_memory_size_human(jm.off_heap), format_memory_size_human(jm.jvm_metaspace),
                       format_memory_size_human(jm.jvm_overhead));
}

}  // namespace flinklint::diagnose
