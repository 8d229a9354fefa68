#include "recognisers.hpp"

#include <algorithm>
#include <array>
#include <charconv>

namespace flinklint::diagnose {
namespace {

// The first decimal number after `label` in `text`.
std::optional<std::int64_t> number_after(std::string_view text, std::string_view label) {
    const std::size_t at = text.find(label);
    if (at == std::string_view::npos) return std::nullopt;
    const char* begin = text.data() + at + label.size();
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(begin, text.data() + text.size(), value);
    if (ec != std::errc() || end == begin) return std::nullopt;
    return value;
}

// The text between `open` and the next `close` after it.
std::string between(std::string_view text, std::string_view open, std::string_view close) {
    const std::size_t at = text.find(open);
    if (at == std::string_view::npos) return {};
    const std::size_t begin = at + open.size();
    const std::size_t end = text.find(close, begin);
    return end == std::string_view::npos ? std::string() : std::string(text.substr(begin, end - begin));
}

// NetworkBufferPool: "Insufficient number of network buffers: required %d, but only %d available.
// The total number of network buffers is currently set to %d of %d bytes each. ..."
void extract_buffers(std::string_view rest, Fields& fields) {
    fields.required = number_after(rest, "required ");
    fields.available = number_after(rest, "but only ");
    constexpr std::string_view kTotal = "currently set to ";
    const std::size_t at = rest.find(kTotal);
    if (at == std::string_view::npos) return;
    const std::string_view tail = rest.substr(at + kTotal.size());
    fields.total = number_after(tail, "");
    fields.segment_size = number_after(tail, " of ");
}

void extract_peer(std::string_view rest, Fields& fields) {
    fields.word = between(rest, "with id ", " timed out");
}

void extract_scheme(std::string_view rest, Fields& fields) {
    fields.word = between(rest, "scheme '", "'");
    // Newer versions name the plugins that provide the scheme: "...following plugin(s): a, b. Please"
    const std::string plugins = between(rest, ": ", ". Please ensure");
    if (!plugins.empty() && rest.find("directly supported by Flink through") != std::string_view::npos)
        fields.word += " " + plugins;
}

// RocksDB's column_family.cc: "[cf] Stalling writes because we have %d immutable memtables (waiting
// for flush), max_write_buffer_number is set to %d rate %d" and "... %d level-0 files rate %d";
// "Stopping writes" when the limit is reached.
void extract_stall(std::string_view rest, Fields& fields) {
    fields.observed = number_after(rest, "because we have ");
    fields.word = rest.find("level-0 files") != std::string_view::npos ? "level-0" : "memtables";
    fields.limit = number_after(rest, "max_write_buffer_number is set to ");
}

// KubernetesPod.getTerminatedDiagnostics: "[name(exitCode=%d, reason=%s, message=%s)]".
void extract_termination(std::string_view rest, Fields& fields) {
    fields.word = between(rest, "reason=", ",");
}

// A size as Hadoop prints it (StringUtils.TraditionalBinaryPrefix): "2.1 GB", "512 MB".
std::optional<std::int64_t> hadoop_size(std::string_view text) {
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end == text.data()) return std::nullopt;
    std::string_view unit(end, static_cast<std::size_t>(text.data() + text.size() - end));
    while (unit.starts_with(' ')) unit.remove_prefix(1);
    constexpr std::string_view kUnits = "BKMGT";
    const std::size_t power = unit.empty() ? std::string_view::npos : kUnits.find(unit.front());
    if (power == std::string_view::npos) return std::nullopt;
    const double bytes = value * static_cast<double>(std::int64_t{1} << (10 * power));
    if (!(bytes >= 0 && bytes < 0x1p60)) return std::nullopt;  // no memory is that large (or negative)
    return static_cast<std::int64_t>(bytes);
}

// YARN's ContainersMonitorImpl: "... Current usage: 2.1 GB of 2 GB physical memory used; ...".
void extract_usage(std::string_view rest, Fields& fields) {
    const std::string usage = between(rest, "Current usage: ", " physical memory used");
    const std::size_t of = usage.find(" of ");
    if (of == std::string::npos) return;
    fields.observed = hadoop_size(std::string_view(usage).substr(0, of));
    fields.limit = hadoop_size(std::string_view(usage).substr(of + 4));
}

// "The rpc invocation size %d exceeds the maximum akka framesize." (AkkaInvocationHandler), or the
// remoting layer's "Discarding oversized payload sent to %s: max allowed size %d bytes, actual size
// of encoded %s was %d bytes."
void extract_frame(std::string_view rest, Fields& fields) {
    fields.observed = number_after(rest, "invocation size ");
    if (!fields.observed) fields.observed = number_after(rest, " was ");
    fields.limit = number_after(rest, "max allowed size ");
}

constexpr std::array<std::string_view, 3> kOutOfMemory = {"DG401", "DG402", "DG403"};
// The JobManager's own loss: an OutOfMemoryError or its container killed.
constexpr std::array<std::string_view, 4> kJobManagerLost = {"DG401", "DG402", "DG403", "DG406"};
constexpr std::array<std::string_view, 5> kProcessLost = {"DG401", "DG402", "DG403", "DG404", "DG405"};
constexpr std::array<std::string_view, 4> kAskCauses = {"DG602", "DG401", "DG403", "DG404"};
constexpr std::array<std::string_view, 5> kSlotsLost = {"DG101", "DG404", "DG405", "DG401", "DG403"};
constexpr std::array<std::string_view, 1> kBackpressure = {"DG901"};
constexpr std::array<std::string_view, 2> kCheckpointFailures = {"DG201", "DG202"};

constexpr std::string_view kVersions = "1.15-2.2";

const std::array<Recogniser, 24> kTable = {{
    {{"DG001", "insufficient-network-buffers", Category::network, Severity::error,
      "Insufficient number of network buffers: required %d, but only %d available. The total number of "
      "network "
      "buffers is currently set to %d of %d bytes each.",
      "NetworkBufferPool", kVersions},
     "Insufficient number of network buffers: required ",
     "",
     {},
     false,
     extract_buffers},
    {{"DG002", "buffer-pool-destroyed", Category::network, Severity::warning, "Buffer pool is destroyed.",
      "LocalBufferPool, NetworkBufferPool", kVersions},
     "Buffer pool is destroyed",
     "",
     {},
     true,
     nullptr},
    {{"DG101", "taskmanager-heartbeat-timeout", Category::heartbeat, Severity::error,
      "Heartbeat of TaskManager with id %s timed out. / The heartbeat of TaskManager with id %s timed out.",
      "JobMaster, ResourceManager", kVersions},
     "eartbeat of TaskManager with id ",
     " timed out",
     kProcessLost,
     false,
     extract_peer},
    {{"DG102", "jobmanager-heartbeat-timeout", Category::heartbeat, Severity::error,
      "The heartbeat of JobManager with id %s timed out.", "TaskExecutor, ResourceManager", kVersions},
     "eartbeat of JobManager with id ",
     " timed out",
     kJobManagerLost,
     false,
     extract_peer},
    {{"DG103", "resourcemanager-heartbeat-timeout", Category::heartbeat, Severity::error,
      "The heartbeat of ResourceManager with id %s timed out.", "TaskExecutor, JobMaster", kVersions},
     "eartbeat of ResourceManager with id ",
     " timed out",
     kOutOfMemory,
     false,
     extract_peer},
    // Before DG201: from Flink 1.17 the threshold's message names the latest checkpoint's failure
    // ("... The latest checkpoint failed due to Checkpoint expired before completing., view ..."),
    // CheckpointFailureManager.
    {{"DG203", "checkpoint-tolerable-failures-exceeded", Category::checkpoint, Severity::error,
      "Exceeded checkpoint tolerable failure threshold.", "CheckpointFailureManager", kVersions},
     "Exceeded checkpoint tolerable failure threshold",
     "",
     kCheckpointFailures,
     false,
     nullptr},
    {{"DG201", "checkpoint-expired", Category::checkpoint, Severity::warning,
      "Checkpoint %d of job %s expired before completing. / Checkpoint expired before completing.",
      "CheckpointCoordinator, CheckpointFailureReason", kVersions},
     "expired before completing",
     "",
     kBackpressure,
     false,
     nullptr},
    {{"DG204", "checkpoint-duration-near-timeout", Category::checkpoint, Severity::warning,
      "(a snapshot's checkpoint history: durations against the timeout)", "/jobs/:id/checkpoints", kVersions},
     "",
     "",
     {},
     false,
     nullptr},
    {{"DG202", "checkpoint-declined", Category::checkpoint, Severity::warning, "Checkpoint was declined.",
      "CheckpointFailureReason", kVersions},
     "Checkpoint was declined",
     "",
     kOutOfMemory,
     false,
     nullptr},
    {{"DG301", "taskmanager-memory-configuration", Category::memory, Severity::error,
      "TaskManager memory configuration failed: %s", "TaskExecutorProcessUtils", kVersions},
     "TaskManager memory configuration failed: ",
     "",
     {},
     false,
     nullptr},
    {{"DG302", "jobmanager-memory-configuration", Category::memory, Severity::error,
      "JobManager memory configuration failed: %s", "JobManagerProcessUtils", kVersions},
     "JobManager memory configuration failed: ",
     "",
     {},
     false,
     nullptr},
    {{"DG401", "heap-out-of-memory", Category::memory, Severity::error,
      "java.lang.OutOfMemoryError: Java heap space",
      "the JVM (Flink appends its advice: TaskManagerExceptionUtils, ClusterEntryPointExceptionUtils)",
      kVersions},
     "java.lang.OutOfMemoryError: Java heap space",
     "",
     {},
     false,
     nullptr},
    {{"DG402", "direct-out-of-memory", Category::memory, Severity::error,
      "java.lang.OutOfMemoryError: Direct buffer memory", "the JVM (Flink appends its advice)", kVersions},
     "java.lang.OutOfMemoryError: Direct buffer memory",
     "",
     {},
     false,
     nullptr},
    {{"DG403", "metaspace-out-of-memory", Category::memory, Severity::error,
      "java.lang.OutOfMemoryError: Metaspace", "the JVM (Flink appends its advice)", kVersions},
     "java.lang.OutOfMemoryError: Metaspace",
     "",
     {},
     false,
     nullptr},
    {{"DG404", "container-killed-for-memory", Category::memory, Severity::error,
      "Pod terminated, container termination statuses: [%s(exitCode=137, reason=OOMKilled, message=%s)]",
      "KubernetesPod", kVersions},
     "Pod terminated, container termination statuses: [",
     "exitCode=137",
     {},
     false,
     extract_termination},
    {{"DG405", "yarn-physical-memory-exceeded", Category::memory, Severity::error,
      "Container [pid=%d,containerID=%s] is running beyond physical memory limits. Current usage: %s of %s "
      "physical memory used; ...",
      "YARN ContainersMonitorImpl, in Flink's container diagnostics", kVersions},
     "is running ",
     "physical memory used",
     {},
     false,
     extract_usage},
    {{"DG406", "jobmanager-container-killed-for-memory", Category::memory, Severity::error,
      "(the JobManager's container killed: OOMKilled / exit code 137, or YARN's physical memory limit of "
      "container ..._000001; its log ends without \"Shutting %s down with application status\")",
      "Kubernetes ContainerStateTerminated, docker; YARN ContainersMonitorImpl; ClusterEntrypoint",
      kVersions},
     "",
     "",
     {},
     false,
     nullptr},
    {{"DG601", "rpc-ask-timeout", Category::heartbeat, Severity::error,
      "Invocation of [%s] at recipient [%s] timed out. ... you can try to increase akka.ask.timeout / "
      "pekko.ask.timeout. / Ask timed out on [%s] after [%d ms]",
      "AkkaInvocationHandler, PekkoInvocationHandler, AskTimeoutException", kVersions},
     "Invocation of [",
     "] timed out",
     kAskCauses,
     false,
     nullptr,
     "Ask timed out on ["},
    {{"DG602", "rpc-frame-size-exceeded", Category::network, Severity::error,
      "The rpc invocation size %d exceeds the maximum akka framesize. / Discarding oversized payload sent to "
      "%s: max allowed size %d bytes, actual size of encoded %s was %d bytes.",
      "AkkaInvocationHandler (1.15-1.17), Akka/Pekko remoting", kVersions},
     "The rpc invocation size ",
     "exceeds the maximum akka framesize",
     {},
     false,
     extract_frame,
     "Discarding oversized payload sent to "},
    {{"DG701", "insufficient-slots", Category::kubernetes, Severity::error,
      "Could not acquire the minimum required resources. / Slot request bulk is not fulfillable! Could not "
      "allocate the required slot within slot request timeout",
      "DeclarativeSlotPoolBridge, PhysicalSlotRequestBulkCheckerImpl", kVersions},
     "Could not acquire the minimum required resources",
     "",
     kSlotsLost,
     false,
     nullptr,
     "Slot request bulk is not fulfillable"},
    {{"DG801", "too-many-open-files", Category::state, Severity::error, "Too many open files",
      "the operating system (EMFILE), through the JVM or RocksDB", kVersions},
     "Too many open files",
     "",
     {},
     false,
     nullptr},
    {{"DG802", "rocksdb-write-stall", Category::state, Severity::warning,
      "Stalling writes because we have %d level-0 files / %d immutable memtables (waiting for flush), "
      "max_write_buffer_number is set to %d / Stopping writes because we have ...",
      "RocksDB column_family.cc (its LOG file, or Flink's log with state.backend.rocksdb.log.*)", kVersions},
     "ing writes because we have ",
     "",
     {},
     false,
     extract_stall},
    {{"DG901", "vertex-backpressured", Category::network, Severity::warning,
      "(a snapshot's back-pressure: backpressure-level high)", "/jobs/:id/vertices/:vid/backpressure",
      kVersions},
     "",
     "",
     {},
     false,
     nullptr},
    {{"DG501", "missing-file-system", Category::checkpoint, Severity::error,
      "Could not find a file system implementation for scheme '%s'.", "FileSystem", kVersions},
     "Could not find a file system implementation for scheme '",
     "",
     {},
     false,
     extract_scheme},
}};

}  // namespace

void read_completed_checkpoint(std::string_view rest, Fields& fields) {
    const auto bytes = number_after(rest, " (");
    const auto duration = number_after(rest, "checkpointDuration=");
    if (!bytes || !duration || *bytes < 0 || *duration < 0) return;
    ++fields.completed;
    fields.longest_ms = std::max(fields.longest_ms.value_or(0), *duration);
    fields.largest_bytes = std::max(fields.largest_bytes.value_or(0), *bytes);
}

std::span<const Recogniser> recogniser_table() {
    return kTable;
}

const Recogniser* find_row(std::string_view id) {
    for (const Recogniser& row : kTable) {
        if (row.info.id == id) return &row;
    }
    return nullptr;
}

const Recogniser* recognise(std::string_view line, std::size_t& at) {
    for (const Recogniser& row : kTable) {
        if (row.anchor.empty()) continue;
        std::size_t found = line.find(row.anchor);
        if (found == std::string_view::npos && !row.alt_anchor.empty()) {
            found = line.find(row.alt_anchor);
            if (found != std::string_view::npos) {
                at = found;
                return &row;
            }
        }
        if (found == std::string_view::npos) continue;
        if (!row.after.empty() && line.find(row.after, found + row.anchor.size()) == std::string_view::npos)
            continue;
        at = found;
        return &row;
    }
    return nullptr;
}

}  // namespace flinklint::diagnose
