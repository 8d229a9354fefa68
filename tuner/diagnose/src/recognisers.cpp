#include "recognisers.hpp"

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

constexpr std::array<std::string_view, 3> kOutOfMemory = {"DG401", "DG402", "DG403"};
constexpr std::array<std::string_view, 2> kCheckpointFailures = {"DG201", "DG202"};

constexpr std::string_view kVersions = "1.15-2.2";

const std::array<Recogniser, 14> kTable = {{
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
     kOutOfMemory,
     false,
     extract_peer},
    {{"DG102", "jobmanager-heartbeat-timeout", Category::heartbeat, Severity::error,
      "The heartbeat of JobManager with id %s timed out.", "TaskExecutor, ResourceManager", kVersions},
     "eartbeat of JobManager with id ",
     " timed out",
     kOutOfMemory,
     false,
     extract_peer},
    {{"DG103", "resourcemanager-heartbeat-timeout", Category::heartbeat, Severity::error,
      "The heartbeat of ResourceManager with id %s timed out.", "TaskExecutor, JobMaster", kVersions},
     "eartbeat of ResourceManager with id ",
     " timed out",
     kOutOfMemory,
     false,
     extract_peer},
    {{"DG201", "checkpoint-expired", Category::checkpoint, Severity::warning,
      "Checkpoint %d of job %s expired before completing. / Checkpoint expired before completing.",
      "CheckpointCoordinator, CheckpointFailureReason", kVersions},
     "expired before completing",
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
    {{"DG203", "checkpoint-tolerable-failures-exceeded", Category::checkpoint, Severity::error,
      "Exceeded checkpoint tolerable failure threshold.", "CheckpointFailureManager", kVersions},
     "Exceeded checkpoint tolerable failure threshold",
     "",
     kCheckpointFailures,
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
    {{"DG501", "missing-file-system", Category::checkpoint, Severity::error,
      "Could not find a file system implementation for scheme '%s'.", "FileSystem", kVersions},
     "Could not find a file system implementation for scheme '",
     "",
     {},
     false,
     extract_scheme},
}};

}  // namespace

std::span<const Recogniser> recogniser_table() {
    return kTable;
}

const Recogniser* recognise(std::string_view line, std::size_t& at) {
    for (const Recogniser& row : kTable) {
        const std::size_t found = line.find(row.anchor);
        if (found == std::string_view::npos) continue;
        if (!row.after.empty() && line.find(row.after, found + row.anchor.size()) == std::string_view::npos)
            continue;
        at = found;
        return &row;
    }
    return nullptr;
}

}  // namespace flinklint::diagnose
