// `flinklint diagnose`: recognises Flink's own failure texts in JobManager and TaskManager logs,
// tells root causes from their consequences, and computes the configuration change through
// flinklint's models (memory model, network buffers) when the configuration is known.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "flinklint/diagnostic.hpp"
#include "flinklint/effective_config.hpp"
#include "flinklint/version.hpp"

namespace flinklint::diagnose {

enum class Role { root_cause, consequence };

// One key to set, with the value computed for it and why.
struct Change {
    std::string key;
    std::string value;
    std::string reason;
};

struct Diagnosis {
    std::string id;    // "DG001"
    std::string name;  // "insufficient-network-buffers"
    Category category = Category::network;
    Severity severity = Severity::error;
    std::string path;      // the log file
    std::size_t line = 0;  // 1-based line of the first occurrence
    std::string evidence;  // that line, without kubectl/docker prefixes (at most kMaxEvidence bytes)
    std::size_t occurrences = 1;
    Role role = Role::root_cause;
    std::optional<std::size_t> caused_by;  // index of the root cause in Result::diagnoses
    std::string cause;                     // one sentence
    std::vector<Change> changes;           // empty when the evidence and configuration fix no value
    std::vector<std::string> notes;        // values in force, contradictions, what to look at next
};

inline constexpr std::size_t kMaxEvidence = 512;

struct LogSummary {
    std::string path;
    std::size_t lines = 0;
    std::uint64_t bytes = 0;  // uncompressed
    bool gzip = false;
    std::string error;      // not readable: nothing else is set
    bool snapshot = false;  // a `flinklint observe` directory; lines counts the files read
};

struct Result {
    std::vector<LogSummary> logs;
    std::vector<Diagnosis> diagnoses;  // per log in file order, then by first line
};

struct Options {
    const EffectiveConfig* config = nullptr;  // --config: enables computed changes
    std::optional<FlinkVersion> version;      // --flink-version; else the config's, else the default
};

// Reads each log streaming (plain or gzip; lines of `kubectl logs --prefix --timestamps`,
// `docker logs -t` and `docker compose logs` are read through their prefixes).
Result diagnose_logs(const std::vector<std::string>& paths, const Options& options);

// The same on text in memory, named `name` (tests, standard input).
Result diagnose_text(std::string_view name, std::string_view text, const Options& options);

// Logs and snapshot directories written by `flinklint observe` (they hold manifest.json): a
// snapshot's exceptions, checkpoint history and back-pressure are read as evidence, each finding
// citing the snapshot file it rests on.
Result diagnose_evidence(const std::vector<std::string>& paths, const Options& options);

bool is_snapshot(const std::string& path);

// The configuration a snapshot holds (jobmanager/config.json, with the first job's checkpoint
// configuration over it, as `key: value` lines that `flinklint check` reads as a legacy
// flink-conf.yaml) and the Flink version it reports.
struct SnapshotConfig {
    std::string path;     // the file it came from
    std::string text;     // key: value lines; masked values left out
    std::string version;  // "1.15.4", from config.json
    std::string error;    // unreadable: nothing else is set
};
SnapshotConfig snapshot_config(const std::string& dir);

// What diagnose recognises: one row per diagnosis kind (docs/diagnose.md).
struct RecogniserInfo {
    std::string_view id;
    std::string_view name;
    Category category;
    Severity severity;
    std::string_view flink_text;  // the text Flink writes, as in its source
    std::string_view source;      // the Flink class that writes it
    std::string_view versions;    // "1.15-2.2"
};
std::span<const RecogniserInfo> recognisers();

// A log line without the prefixes `kubectl logs --prefix/--timestamps`, `docker logs -t` and
// `docker compose logs` put before Flink's own text.
std::string_view strip_log_prefixes(std::string_view line);

}  // namespace flinklint::diagnose
