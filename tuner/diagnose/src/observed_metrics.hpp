// `tune --observed`: the metric values of a snapshot (`/taskmanagers/metrics?get=...` and each
// vertex's `/subtasks/metrics?get=...`, AggregatedMetricsResponseBody) as measurements of the profile.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "flinklint/tuner/profile.hpp"
#include "json_fields.hpp"

namespace flinklint::diagnose {

// Heap, metaspace, GC time and network segments of the TaskManagers, busy and back-pressured time of
// the job's vertices, RocksDB's block cache hit ratio: what the snapshot holds goes into `profile`
// (and profile.measurements, with its file and field); `notes` say what is missing or alarming.
// `taskmanagers` is the snapshot's taskmanagers.json (null when it has none).
void measure_metrics(const std::filesystem::path& root, const Json& manifest, const std::string& job,
                     const Json& taskmanagers, tuner::Profile& profile, std::vector<std::string>& notes);

}  // namespace flinklint::diagnose
