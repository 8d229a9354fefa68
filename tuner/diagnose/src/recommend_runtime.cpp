// Causes and changes of the failures of a running job: containers killed for memory, RPC timeouts and
// frame sizes, missing slots, file handles, RocksDB write stalls, and the snapshot's checkpoint
// durations and back-pressure.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <variant>

#include "flinklint/catalog.hpp"
#include "flinklint/memory_model.hpp"
#include "flinklint/tuner/profile.hpp"
#include "flinklint/values.hpp"
#include "recommend.hpp"

namespace flinklint::diagnose {
namespace {

constexpr std::uint64_t kMiB = 1u << 20;
constexpr std::int64_t kMaxBytes = std::int64_t{1} << 50;  // larger sizes in a log are not memory
constexpr std::string_view kOverheadMin = "taskmanager.memory.jvm-overhead.min";
constexpr std::string_view kOverheadMax = "taskmanager.memory.jvm-overhead.max";
constexpr std::string_view kProcess = "taskmanager.memory.process.size";

// The RPC option of this version: Flink 1.18 renamed akka.* to pekko.* (the old keys stay deprecated).
std::string rpc_key(const Context& context, std::string_view suffix) {
    const std::string pekko = fmt::format("pekko.{}", suffix);
    return Catalog::for_version(context.version).find(pekko) ? pekko : fmt::format("akka.{}", suffix);
}

const TaskManagerMemory* taskmanager(const Context& context) {
    return context.config ? std::get_if<TaskManagerMemory>(&context.config->taskmanager()) : nullptr;
}

// YARN measured `observed` bytes against a `limit` that is the TaskManager's process size: the
// process grows to the usage seen (rounded up to whole MiB), and the JVM overhead, where native
// memory beyond Flink's budget lives, takes all of the growth; the memory model checks the result.
void plan_container(Diagnosis& d, const Fields& fields, const Context& context, const TaskManagerMemory& tm) {
    const std::uint64_t observed = static_cast<std::uint64_t>(*fields.observed);
    const std::uint64_t process =
        std::max<std::uint64_t>(tm.total_process, static_cast<std::uint64_t>(*fields.limit));
    const std::uint64_t grown = grown_process(observed, process);
    const std::uint64_t overhead = tm.jvm_overhead + (grown - tm.total_process);
    FlatConfig flat = context.config->flat();
    const std::vector<Change> changes = {
        {std::string(kProcess), format_memory_size(grown),
         fmt::format("at least the {} YARN measured", format_memory_size_human(observed))},
        {std::string(kOverheadMin), format_memory_size(overhead), "the JVM overhead takes all of the growth"},
        {std::string(kOverheadMax), format_memory_size(overhead),
         "the JVM overhead takes all of the growth"}};
    for (const Change& c : changes) flat[c.key] = c.value;
    flat.erase("taskmanager.memory.flink.size");
    const auto derived = derive_taskmanager_memory(flat, context.config->memory_options());
    if (const auto* error = std::get_if<MemoryError>(&derived)) {
        d.notes.push_back("flinklint's memory model refuses the grown process: " + error->message);
        return;
    }
    d.changes = changes;
    const auto& after = std::get<TaskManagerMemory>(derived);
    d.notes.push_back(
        fmt::format("with the change: process {}, JVM overhead {} (was {}), task heap {}, managed {}",
                    format_memory_size_human(after.total_process),
                    format_memory_size_human(after.jvm_overhead), format_memory_size_human(tm.jvm_overhead),
                    format_memory_size_human(after.task_heap), format_memory_size_human(after.managed)));
}

void explain_container(Diagnosis& d, const Fields& fields, const Context& context, bool yarn) {
    const TaskManagerMemory* tm = taskmanager(context);
    d.cause =
        yarn ? "YARN killed the container: its resident memory grew past the container's physical limit, "
               "which is the TaskManager's process size"
             : fmt::format(
                   "the kernel killed the container (exit code 137, SIGKILL{}): its memory grew past {}",
                   fields.word.empty() ? "" : ", reason " + fields.word,
                   container_limit_clause(fields.limit, tm ? std::optional(tm->total_process) : std::nullopt,
                                          false));
    d.notes.push_back(
        "the JVM stayed within its heap, direct and metaspace limits (no OutOfMemoryError): native memory "
        "outside Flink's budget (RocksDB beyond managed memory, thread stacks, glibc arenas) lives in the "
        "JVM "
        "overhead");
    if (tm == nullptr) return;
    d.notes.push_back(fmt::format("TaskManager in force: process {}, JVM overhead {}, managed {}",
                                  format_memory_size_human(tm->total_process),
                                  format_memory_size_human(tm->jvm_overhead),
                                  format_memory_size_human(tm->managed)));
    d.notes.push_back(describe(context, "state.backend.rocksdb.memory.managed"));
    if (yarn && has_container_usage(fields)) return plan_container(d, fields, context, *tm);
    if (!yarn && fields.limit &&
        compare_container_limit(d, context, static_cast<std::uint64_t>(*fields.limit), tm->total_process,
                                false))
        return;
    d.notes.push_back("the log carries no usage at the kill, so no size is computed: raise `" +
                      std::string(kOverheadMax) + "` and `" + std::string(kOverheadMin) + "` (and `" +
                      std::string(kProcess) + "` by as much)");
}

void explain_ask(Diagnosis& d, const Context& context) {
    const std::string key = rpc_key(context, "ask.timeout");
    d.cause = fmt::format(
        "an RPC got no answer within {}: the message was dropped (larger than the frame size, not "
        "serializable) or the recipient was stalled (GC pauses, an overloaded JobManager) or gone",
        key);
    if (!context.config) return;
    d.notes.push_back(describe(context, key));
    raise_to_default(d, context, key, "RPCs that take the default time already fail");
}

// The frame must hold the message that did not fit: its size rounded up to whole MiB.
void explain_frame(Diagnosis& d, const Fields& fields, const Context& context) {
    const std::string key = rpc_key(context, "framesize");
    d.cause =
        "an RPC message (a task's state handle, an accumulator, a large TaskDeploymentDescriptor) is larger "
        "than the RPC frame size, so it is never sent";
    if (context.config) d.notes.push_back(describe(context, key));
    if (!fields.observed || *fields.observed <= 0 || *fields.observed >= kMaxBytes) return;
    const std::uint64_t size = static_cast<std::uint64_t>(*fields.observed);
    const std::uint64_t frame = (size + kMiB - 1) / kMiB * kMiB;
    d.changes.push_back(
        {key, fmt::format("{}b", frame),
         fmt::format("the message was {} bytes ({}): the frame holds it, rounded up to whole MiB", size,
                     format_memory_size_human(size))});
}

void explain_slots(Diagnosis& d, const Context& context) {
    d.cause =
        "the job asked for more slots than the cluster offered within the timeout: TaskManagers missing "
        "or lost, fewer slots per TaskManager than assumed, or a parallelism above the slots";
    if (!context.config) return;
    for (const char* key : {"taskmanager.numberOfTaskSlots", "parallelism.default", "slot.request.timeout"})
        d.notes.push_back(describe(context, key));
}

void explain_files(Diagnosis& d, const Context& context) {
    d.cause =
        "the process reached its limit of open file descriptors (ulimit -n): RocksDB keeps every SST file "
        "open by default, and sockets and network files count too";
    d.notes.push_back(
        "raise the container's or host's nofile limit; a value computed from the log is not possible");
    if (context.config) d.notes.push_back(describe(context, "state.backend.rocksdb.files.open"));
}

void explain_stall(Diagnosis& d, const Fields& fields, const Context& context) {
    const bool level0 = fields.word == "level-0";
    d.cause =
        level0 ? "RocksDB slowed or stopped writes: level-0 files pile up faster than compaction merges them"
               : "RocksDB slowed or stopped writes: memtables fill faster than they are flushed";
    if (!context.config) return;
    const std::string_view key =
        level0 ? "state.backend.rocksdb.thread.num" : "state.backend.rocksdb.writebuffer.count";
    d.notes.push_back(describe(context, key));
    const auto in = in_force(context, key);
    if (!level0 && fields.limit && in && in->value != std::to_string(*fields.limit)) {
        d.notes.push_back(
            fmt::format("RocksDB's max_write_buffer_number is {}, not {}: the configuration in force "
                        "is not the one given",
                        *fields.limit, in->value));
    }
}

// The durations a snapshot's checkpoint history holds against its timeout.
void explain_durations(Diagnosis& d, const Fields& fields) {
    d.cause = "checkpoints take about as long as the checkpoint timeout allows, so the slower ones expire";
    if (!fields.observed || !fields.limit || *fields.observed <= 0) return;
    propose_checkpoint_timeout(d, *fields.observed, *fields.limit);
}

}  // namespace

// The tuner's timeout rule (tuner/src/checkpoints.cpp) with the observed duration for its estimate.
void propose_checkpoint_timeout(Diagnosis& d, std::int64_t longest_ms, std::int64_t timeout_ms) {
    if (longest_ms <= 0) return;
    const tuner::Policy policy;
    const double observed_s = static_cast<double>(longest_ms) / 1000.0;
    const double timeout_s =
        std::ceil(std::max(policy.min_checkpoint_timeout_s, policy.checkpoint_timeout_factor * observed_s) /
                  60) *
        60;
    if (timeout_s * 1000 <= static_cast<double>(timeout_ms)) return;
    d.changes.push_back(
        {"execution.checkpointing.timeout", fmt::format("{} min", timeout_s / 60),
         fmt::format("max({} s, {} x {} s, the longest checkpoint seen), in whole minutes: "
                     "the tuner's rule with a measured duration",
                     policy.min_checkpoint_timeout_s, policy.checkpoint_timeout_factor, observed_s)});
}

bool has_container_usage(const Fields& fields) {
    return fields.observed && fields.limit && *fields.limit > 0 && *fields.observed < kMaxBytes &&
           *fields.limit < kMaxBytes;
}

std::uint64_t grown_process(std::uint64_t observed, std::uint64_t process) {
    return (std::max(observed, process + kMiB) + kMiB - 1) / kMiB * kMiB;
}

void explain_runtime(Diagnosis& d, const Fields& fields, const Context& context) {
    const std::string_view id = d.id;
    if (id == "DG204") return explain_durations(d, fields);
    if (id == "DG404" || id == "DG405") return explain_container(d, fields, context, id == "DG405");
    if (id == "DG406") return explain_jobmanager_container(d, fields, context);
    if (id == "DG601") return explain_ask(d, context);
    if (id == "DG602") return explain_frame(d, fields, context);
    if (id == "DG701") return explain_slots(d, context);
    if (id == "DG801") return explain_files(d, context);
    if (id == "DG802") return explain_stall(d, fields, context);
    if (id == "DG901") {
        d.cause =
            "the vertex spends most of its time waiting for buffers downstream: a slower vertex after it "
            "is the bottleneck";
    }
}

}  // namespace flinklint::diagnose
