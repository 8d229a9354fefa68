// A `flinklint observe` directory as evidence: the failure texts in exceptions and failed checkpoints
// go through the same recognisers as log lines; checkpoint durations and back-pressure become
// findings of their own. Each finding cites the snapshot file it rests on.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>

#include "flinklint/diagnose/observe.hpp"
#include "flinklint/masking.hpp"
#include "flinklint/read_file.hpp"
#include "json_fields.hpp"
#include "log_reader.hpp"
#include "scan.hpp"
#include "snapshot_files.hpp"

namespace flinklint::diagnose {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

// A snapshot file as JSON, counted in the summary; discarded when missing or unreadable (the manifest
// says why).
Json read_json(const fs::path& path, LogSummary& summary) {
    std::optional<std::uint64_t> bytes;
    Json json = read_snapshot_json(path, &bytes);
    if (bytes) {
        ++summary.lines;
        summary.bytes += *bytes;
    }
    return json;
}

// Every failure text of /jobs/:id/exceptions: the root exception and the history with its concurrent
// exceptions (Flink 1.15 to 2.x shapes).
std::vector<std::string> exception_texts(const Json& json) {
    std::vector<std::string> texts{text_of(json, "root-exception")};
    for (const Json& e : array_of(json, "all-exceptions"))
        if (e.is_object()) texts.push_back(text_of(e, "exception"));
    const auto history = json.find("exceptionHistory");
    if (history == json.end() || !history->is_object()) return texts;
    for (const Json& entry : array_of(*history, "entries")) {
        if (!entry.is_object()) continue;
        texts.push_back(text_of(entry, "stacktrace"));
        for (const Json& c : array_of(entry, "concurrentExceptions"))
            if (c.is_object()) texts.push_back(text_of(c, "stacktrace"));
    }
    return texts;
}

// The texts' lines through the recognisers, cited as line 1 of `file` (Flink's JSON is one line).
void scan_texts(const std::string& file, const std::vector<std::string>& texts, std::vector<Pending>& out) {
    Scanner scanner;
    for (const std::string& text : texts)
        split_lines(text, [&](std::size_t, std::string_view line) { scanner.line(1, line); });
    add_hits(file, scanner.take(), out);
}

// Completed durations against the timeout of /jobs/:id/checkpoints/config.
void scan_checkpoints(const fs::path& job, const std::string& name, LogSummary& summary,
                      std::vector<Pending>& out) {
    const Json stats = read_json(job / "checkpoints.json", summary);
    if (!stats.is_object()) return;
    std::vector<std::string> failures;
    std::int64_t longest = 0;
    std::size_t completed = 0;
    for (const Json& c : array_of(stats, "history")) {
        if (!c.is_object()) continue;
        if (text_of(c, "status") == "FAILED") failures.push_back(text_of(c, "failure_message"));
        if (text_of(c, "status") == "COMPLETED") {
            longest = std::max(longest, int_of(c, "end_to_end_duration"));
            ++completed;
        }
    }
    const std::string file = name + "/checkpoints.json";
    scan_texts(file, failures, out);
    const Json config = read_json(job / "checkpoints" / "config.json", summary);
    const std::int64_t timeout = config.is_object() ? int_of(config, "timeout") : 0;
    // Within a fifth of the timeout (written without a product that could overflow).
    if (completed == 0 || timeout <= 0 || longest < timeout - timeout / 5) return;
    Fields fields;
    fields.observed = longest;
    fields.limit = timeout;
    out.push_back(
        pending_for("DG204", file, 1,
                    fmt::format("the longest of {} completed checkpoints took {} ms, the timeout is {} ms "
                                "({} failed of {})",
                                completed, longest, timeout, failures.size(), completed + failures.size()),
                    fields));
}

// Vertices whose back-pressure level is high, named from /jobs/:id; the busiest vertex that is not
// back-pressured is named as the likely bottleneck.
void scan_backpressure(const fs::path& job, const std::string& name, const Json& details, LogSummary& summary,
                       std::vector<Pending>& out) {
    std::string busiest;
    double busiest_ratio = -1;
    std::vector<Pending> found;
    for (const Json& vertex : array_of(details, "vertices")) {
        if (!vertex.is_object()) continue;
        const std::string id = text_of(vertex, "id");
        const fs::path file = job / "vertices" / id / "backpressure.json";
        const Json bp = read_json(file, summary);
        if (id.empty() || !bp.is_object()) continue;
        double ratio = 0, busy = 0;
        for (const Json& s : array_of(bp, "subtasks")) {
            if (!s.is_object()) continue;
            ratio = std::max(ratio, number_of(s, "ratio"));
            busy = std::max(busy, number_of(s, "busyRatio"));
        }
        const std::string vertex_name = text_of(vertex, "name");
        if (text_of(bp, "backpressure-level") != "high") {
            if (busy > busiest_ratio) {
                busiest = vertex_name;
                busiest_ratio = busy;
            }
            continue;
        }
        found.push_back(
            pending_for("DG901", fmt::format("{}/vertices/{}/backpressure.json", name, id), 1,
                        fmt::format("{}: backpressure-level high, back-pressured up to {:.0f}% of the time",
                                    vertex_name, ratio * 100),
                        {}));
    }
    for (Pending& p : found) {
        if (busiest_ratio >= 0)
            p.diagnosis.notes.push_back(
                fmt::format("busiest vertex that is not back-pressured: {} (busy {:.0f}% of "
                            "the time): raise its parallelism or make it cheaper",
                            busiest, busiest_ratio * 100));
        out.push_back(std::move(p));
    }
}

}  // namespace

bool scan_exceptions_file(const std::string& path, LogSummary& summary, std::vector<Pending>& pending) {
    LogSummary read;
    const Json json = read_json(path, read);
    if (!json.is_object() || !(json.contains("root-exception") || json.contains("exceptionHistory")))
        return false;
    summary.bytes = read.bytes;
    const std::vector<std::string> texts = exception_texts(json);
    for (const std::string& text : texts)
        summary.lines += split_lines(text, [](std::size_t, std::string_view) {});
    scan_texts(path, texts, pending);
    return true;
}

bool is_snapshot(const std::string& path) {
    std::error_code ec;
    return fs::is_directory(path, ec) && fs::is_regular_file(fs::path(path) / kManifestName, ec);
}

void scan_snapshot(const std::string& dir, LogSummary& summary, std::vector<Pending>& pending) {
    const fs::path root(dir);
    const Json manifest = read_json(root / kManifestName, summary);
    if (!manifest.is_object() || text_of(manifest, "format") != kSnapshotFormat) {
        summary.error = fmt::format("{} is not a snapshot written by `flinklint observe`", kManifestName);
        return;
    }
    for (const std::string& id : snapshot_jobs(manifest)) {
        const fs::path path = root / "jobs" / id;
        const std::string name = (fs::path(dir) / "jobs" / id).string();
        const Json exceptions = read_json(path / "exceptions.json", summary);
        if (exceptions.is_object())
            scan_texts(name + "/exceptions.json", exception_texts(exceptions), pending);
        scan_checkpoints(path, name, summary, pending);
        const Json details = read_json(root / "jobs" / (id + ".json"), summary);
        if (details.is_object()) scan_backpressure(path, name, details, summary, pending);
    }
}

namespace {

// The first job's checkpoint configuration (/jobs/:id/checkpoints/config, CheckpointConfigInfo) as the
// options that set it: what is in force for the job, over the cluster's defaults. Durations are in ms.
// The job is the manifest's first that is a Flink id (snapshot_jobs): the manifest is user input, and
// an id such as "../x" would read a file outside the snapshot.
void add_checkpoint_config(const fs::path& root, std::string_view version,
                           std::map<std::string, std::string>& out) {
    LogSummary ignored;
    const std::vector<std::string> jobs = snapshot_jobs(read_json(root / kManifestName, ignored));
    if (jobs.empty()) return;
    const Json c = read_json(root / "jobs" / jobs.front() / "checkpoints" / "config.json", ignored);
    if (!c.is_object()) return;
    const std::string prefix = "execution.checkpointing.";
    for (const auto& [field, key] : {std::pair{"interval", "interval"}, std::pair{"timeout", "timeout"},
                                     std::pair{"min_pause", "min-pause"},
                                     std::pair{"aligned_checkpoint_timeout", "aligned-checkpoint-timeout"}}) {
        if (c.contains(field) && c[field].is_number_integer())
            out[prefix + key] = fmt::format("{} ms", int_of(c, field));
    }
    if (c.contains("max_concurrent") && c["max_concurrent"].is_number_integer())
        out[prefix + "max-concurrent-checkpoints"] = std::to_string(int_of(c, "max_concurrent"));
    if (c.contains("tolerable_failed_checkpoints") && c["tolerable_failed_checkpoints"].is_number_integer())
        out[prefix + "tolerable-failed-checkpoints"] =
            std::to_string(int_of(c, "tolerable_failed_checkpoints"));
    // Flink writes the mode in lower case (CheckpointConfigInfo.ProcessingModeSerializer).
    std::string mode = text_of(c, "mode");
    std::ranges::transform(mode, mode.begin(),
                           [](char ch) { return ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch; });
    if (mode == "EXACTLY_ONCE" || mode == "AT_LEAST_ONCE") out[prefix + "mode"] = mode;
    if (c.contains("unaligned_checkpoints") && c["unaligned_checkpoints"].is_boolean()) {
        // Flink 1.20 renamed execution.checkpointing.unaligned to unaligned.enabled.
        const bool renamed = !(version.starts_with("1.1") || version.starts_with("1.15"));
        out[prefix + (renamed ? "unaligned.enabled" : "unaligned")] =
            c["unaligned_checkpoints"].get<bool>() ? "true" : "false";
    }
}

}  // namespace

SnapshotConfig snapshot_config(const std::string& dir) {
    LogSummary ignored;
    SnapshotConfig out;
    out.path = (fs::path(dir) / "jobmanager" / "config.json").string();
    const Json entries = read_json(out.path, ignored);
    if (!entries.is_array()) {
        out.error = "no readable jobmanager/config.json in the snapshot";
        return out;
    }
    const Json config = read_json(fs::path(dir) / "config.json", ignored);
    if (config.is_object()) out.version = text_of(config, "flink-version");
    std::map<std::string, std::string> values;
    for (const Json& entry : entries) {
        if (!entry.is_object()) continue;
        const std::string key = text_of(entry, "key");
        const std::string value = text_of(entry, "value");
        // Masked values and lines the flat format cannot hold are left out.
        if (key.empty() || value == kSecretMask || key.find_first_of(":\n#") != std::string::npos ||
            value.find('\n') != std::string::npos)
            continue;
        values[key] = value;
    }
    add_checkpoint_config(dir, out.version, values);
    for (const auto& [key, value] : values) out.text += key + ": " + value + "\n";
    return out;
}

Json read_snapshot_json(const std::filesystem::path& path, std::optional<std::uint64_t>* read_bytes) {
    constexpr std::uintmax_t kMaxSnapshotFile = 64u << 20;
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return Json(Json::value_t::discarded);
    FileRead read = read_file_limited(path.string(), kMaxSnapshotFile);
    if (!read.bytes) return Json(Json::value_t::discarded);
    if (read_bytes != nullptr) *read_bytes = read.bytes->size();
    return Json::parse(*read.bytes, nullptr, false);
}

std::vector<std::string> snapshot_jobs(const Json& manifest) {
    std::vector<std::string> jobs;
    for (const Json& job : array_of(manifest, "jobs")) {
        const std::string id = job.is_string() ? job.get<std::string>() : std::string();
        if (is_flink_id(id)) jobs.push_back(id);
    }
    return jobs;
}

}  // namespace flinklint::diagnose
