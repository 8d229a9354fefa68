// `tune --observed DIR`: measurements of a `flinklint observe` snapshot in place of the profile's
// estimates. Field names are those of Flink's REST messages (CheckpointingStatistics,
// CheckpointStatistics, TaskManagersInfo; metric values in observed_metrics.cpp); from Flink 1.15 a
// checkpoint's `state_size` is its full size and `checkpointed_size` what it uploaded.
#include "flinklint/diagnose/observed.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "flinklint/diagnose/observe.hpp"
#include "flinklint/tuner/units.hpp"
#include "flinklint/version.hpp"
#include "observed_metrics.hpp"
#include "observed_plan.hpp"
#include "snapshot_files.hpp"

namespace flinklint::diagnose {
namespace {

namespace fs = std::filesystem;

// The longest end-to-end duration of a completed checkpoint, in ms: the history Flink keeps and the
// summary over every completed checkpoint it counted.
std::int64_t longest_completed(const Json& stats, std::size_t& completed) {
    std::int64_t longest = 0;
    for (const Json& c : array_of(stats, "history")) {
        if (!c.is_object() || text_of(c, "status") != "COMPLETED") continue;
        longest = std::max(longest, int_of(c, "end_to_end_duration"));
        ++completed;
    }
    const Json& summary = object_at(object_at(stats, "summary"), "end_to_end_duration");
    longest = std::max(longest, static_cast<std::int64_t>(number_of(summary, "max")));
    return longest;
}

void measure_checkpoints(const fs::path& root, const std::string& job, tuner::Profile& profile,
                         std::vector<std::string>& notes) {
    const std::string file = "jobs/" + job + "/checkpoints.json";
    const Json stats = read_snapshot_json(root / file);
    if (!stats.is_object()) {
        notes.push_back(
            fmt::format("{}: missing or unreadable: checkpoints are estimated from the profile", file));
        return;
    }
    const Json& latest = object_at(object_at(stats, "latest"), "completed");
    if (const std::int64_t size = int_of(latest, "state_size"); size > 0) {
        std::string source =
            fmt::format("{}: latest.completed.state_size (checkpoint {})", file, int_of(latest, "id"));
        if (profile.state_size && *profile.state_size != static_cast<std::uint64_t>(size))
            source += fmt::format(", in place of workload.state_size {}",
                                  tuner::format_binary_bytes(*profile.state_size));
        profile.state_size = static_cast<std::uint64_t>(size);
        profile.measurements.push_back(
            {"state size", tuner::format_binary_bytes(profile.state_size.value()), source});
    }
    std::size_t completed = 0;
    if (const std::int64_t longest = longest_completed(stats, completed); longest > 0) {
        profile.measured_checkpoint_duration_s = static_cast<double>(longest) / 1000;
        profile.measurements.push_back(
            {"checkpoint duration", tuner::human_duration(*profile.measured_checkpoint_duration_s),
             fmt::format(
                 "{}: the longest completed checkpoint (end_to_end_duration; summary and {} in the history)",
                 file, completed)});
    }
    if (profile.measurements.empty())
        notes.push_back(
            fmt::format("{}: no completed checkpoint: nothing measured replaces the profile", file));
}

// The cluster the snapshot saw against the one the profile plans for: said, not changed (the
// profile declares the hardware to plan for).
void compare_cluster(const Json& info, const tuner::Profile& profile, std::vector<std::string>& notes) {
    if (!info.is_object()) return;
    const std::size_t running = array_of(info, "taskmanagers").size();
    if (running > 0 && running != static_cast<std::size_t>(profile.taskmanagers))
        notes.push_back(
            fmt::format("taskmanagers.json: the cluster ran {} TaskManager(s); the plan is for the "
                        "profile's {}",
                        running, profile.taskmanagers));
}

}  // namespace

Expected<std::vector<std::string>> apply_observed(const std::string& dir, tuner::Profile& profile) {
    const fs::path root(dir);
    const Json manifest = read_snapshot_json(root / kManifestName);
    if (!manifest.is_object() || text_of(manifest, "format") != kSnapshotFormat)
        return Error{fmt::format("{}: not a snapshot written by `flinklint observe` (no readable {})", dir,
                                 kManifestName)};
    const std::vector<std::string> jobs = snapshot_jobs(manifest);
    if (jobs.empty()) return Error{fmt::format("{}: the snapshot holds no job to measure", dir)};
    std::vector<std::string> notes;
    if (jobs.size() > 1)
        notes.push_back(fmt::format("the snapshot holds {} jobs: the measurements are of the first, {}",
                                    jobs.size(), jobs.front()));
    const Json config = read_snapshot_json(root / "config.json");
    const auto version = FlinkVersion::parse(config.is_object() ? text_of(config, "flink-version") : "");
    if (version && *version < FlinkVersion{1, 15})
        return Error{
            fmt::format("{}: Flink {} reports a checkpoint's uploaded size as its state size; "
                        "measurements need Flink 1.15 or later",
                        dir, version->str())};
    measure_checkpoints(root, jobs.front(), profile, notes);
    measure_job_graph(root, jobs.front(), profile, notes);
    const Json taskmanagers = read_snapshot_json(root / "taskmanagers.json");
    measure_metrics(root, manifest, jobs.front(), taskmanagers, profile, notes);
    compare_cluster(taskmanagers, profile, notes);
    return notes;
}

}  // namespace flinklint::diagnose
