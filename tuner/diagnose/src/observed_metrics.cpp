// Field names are those of Flink's REST messages: AggregatedMetric (id, min, max, avg, sum),
// TaskManagersInfo (slotsNumber), JobDetailsInfo (vertices: id, name, parallelism, maxParallelism,
// and the job's duration in ms). A metric's value is the one at the moment of the snapshot.
#include "observed_metrics.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>

#include "flinklint/tuner/units.hpp"
#include "metric_names.hpp"
#include "snapshot_files.hpp"

namespace flinklint::diagnose {
namespace {

namespace fs = std::filesystem;
using tuner::format_binary_bytes;
using tuner::plain_number;

struct Saved {
    Json metric;
    std::string file;
};
using Metrics = std::map<std::string, Saved, std::less<>>;

// Every AggregatedMetric of the files the manifest saved for `endpoint`?get=...; a file the
// manifest names outside the snapshot is not read.
Metrics saved_metrics(const fs::path& root, const Json& manifest, const std::string& endpoint) {
    Metrics out;
    for (const Json& e : array_of(manifest, "endpoints")) {
        if (!e.is_object() || !text_of(e, "endpoint").starts_with(endpoint + "?")) continue;
        const std::string file = text_of(e, "file");
        if (!is_safe_snapshot_file(file)) continue;
        const Json values = read_snapshot_json(root / file);
        if (!values.is_array()) continue;
        for (const Json& metric : values) {
            const std::string id = metric.is_object() ? text_of(metric, "id") : std::string();
            if (!id.empty()) out.emplace(id, Saved{metric, file});
        }
    }
    return out;
}

// The aggregate `agg` of metric `id`, when saved as a number of at least zero.
std::optional<double> value(const Metrics& metrics, std::string_view id, const char* agg = "max") {
    const auto it = metrics.find(id);
    if (it == metrics.end()) return std::nullopt;
    const auto field = it->second.metric.find(agg);
    if (field == it->second.metric.end() || !field->is_number() || field->get<double>() < 0)
        return std::nullopt;
    return field->get<double>();
}

std::string source(const Metrics& metrics, std::string_view id, std::string_view what) {
    return fmt::format("{}: {} {}", metrics.find(id)->second.file, id, what);
}

void measure_memory(const Metrics& tm, const Json& taskmanagers, tuner::Profile& profile,
                    std::vector<std::string>& notes) {
    std::size_t count = 0;
    std::int64_t slots = 0;
    for (const Json& info : array_of(taskmanagers, "taskmanagers")) {
        ++count;
        slots = std::max(slots, info.is_object() ? int_of(info, "slotsNumber") : std::int64_t{0});
    }
    const std::string over = fmt::format("max over {} TaskManager(s)", count);
    if (const auto used = value(tm, metric::kMetaspaceUsed); used && *used > 0) {
        profile.measured_metaspace = static_cast<std::uint64_t>(*used);
        profile.measurements.push_back({"metaspace used", format_binary_bytes(*profile.measured_metaspace),
                                        source(tm, metric::kMetaspaceUsed, over)});
    }
    const auto heap = value(tm, metric::kHeapUsed);
    if (heap && *heap > 0 && slots > 0) {
        profile.measured_heap_per_slot = *heap / static_cast<double>(slots);
        profile.measurements.push_back(
            {"heap used per slot",
             format_binary_bytes(static_cast<std::uint64_t>(*profile.measured_heap_per_slot)),
             source(tm, metric::kHeapUsed,
                    fmt::format("{} ({}) / {} slots (taskmanagers.json: slotsNumber)", over,
                                format_binary_bytes(static_cast<std::uint64_t>(*heap)), slots))});
    } else if (heap) {
        notes.push_back("taskmanagers.json: no slotsNumber: the heap use is not measured per slot");
    }
}

// The share of time in GC: the `All` collector's rate where Flink has it, else every collector's
// cumulative time over the job's running time (an upper bound when the TaskManagers are older than
// the job, as in a session cluster).
void measure_gc(const Metrics& tm, const Json& details, tuner::Profile& profile) {
    const std::string rate = std::string(metric::kGcPrefix) + "All.TimeMsPerSecond";
    if (const auto ms = value(tm, rate)) {
        profile.measured_gc_share = *ms / 1000;
        profile.measurements.push_back({"GC time", fmt::format("{}%", plain_number(*ms / 10, 1)),
                                        source(tm, rate, "max over the TaskManagers")});
        return;
    }
    const double duration = details.is_object() ? static_cast<double>(int_of(details, "duration")) : 0;
    double total = 0;
    std::string files;
    for (const auto& [id, saved] : tm) {
        if (!id.starts_with(metric::kGcPrefix) || !id.ends_with(".Time") ||
            id.find(".All.") != std::string::npos)
            continue;
        total += value(tm, id).value_or(0);
        if (files.find(saved.file) == std::string::npos) files += (files.empty() ? "" : ", ") + saved.file;
    }
    if (total <= 0 || duration <= 0) return;
    profile.measured_gc_share = std::min(1.0, total / duration);
    profile.measurements.push_back(
        {"GC time", fmt::format("{}%", plain_number(*profile.measured_gc_share * 100, 1)),
         fmt::format("{}: every collector's .Time max ({} ms) over the job's duration ({} ms, jobs/:id.json)",
                     files, plain_number(total, 0), plain_number(duration, 0))});
}

void measure_network(const Metrics& tm, tuner::Profile& profile, std::vector<std::string>& notes) {
    const bool netty = value(tm, metric::kSegmentsTotal).has_value();
    const std::string_view total_id = netty ? metric::kSegmentsTotal : metric::kOldSegmentsTotal;
    const std::string_view free_id = netty ? metric::kSegmentsAvailable : metric::kOldSegmentsAvailable;
    const auto total = value(tm, total_id);
    const auto available = value(tm, free_id, "min");
    if (!total || !available || *total <= 0) return;
    const double used = std::max(0.0, *total - *available);
    const double share = used / *total;
    profile.measurements.push_back({"network segments in use",
                                    fmt::format("{} of {} ({}%)", plain_number(used, 0),
                                                plain_number(*total, 0), plain_number(share * 100, 0)),
                                    source(tm, total_id, fmt::format("max − {} min", free_id))});
    if (share >= 0.9)
        notes.push_back(
            fmt::format("the busiest TaskManager had {}% of its network segments in use: the "
                        "buffers are nearly exhausted",
                        plain_number(share * 100, 0)));
}

// Busy and back-pressured time of each vertex's busiest subtask, and RocksDB's block cache hits and
// misses summed over the job.
void measure_vertices(const fs::path& root, const Json& manifest, const std::string& job, const Json& details,
                      tuner::Profile& profile) {
    double hits = 0;
    double misses = 0;
    std::string cache_files;
    for (const Json& vertex : array_of(details, "vertices")) {
        const std::string id = vertex.is_object() ? text_of(vertex, "id") : std::string();
        if (!is_flink_id(id)) continue;
        const Metrics m =
            saved_metrics(root, manifest, "/jobs/" + job + "/vertices/" + id + "/subtasks/metrics");
        for (const auto& [name, saved] : m) {
            const bool hit = name.ends_with(metric::kBlockCacheHit);
            if (!hit && !name.ends_with(metric::kBlockCacheMiss)) continue;
            (hit ? hits : misses) += value(m, name, "sum").value_or(0);
            if (cache_files.find(saved.file) == std::string::npos)
                cache_files += (cache_files.empty() ? "" : ", ") + saved.file;
        }
        const auto busy = value(m, metric::kBusy);
        if (!busy) continue;
        tuner::Profile::VertexLoad load{
            id,
            text_of(vertex, "name"),
            static_cast<int>(std::max<std::int64_t>(1, int_of(vertex, "parallelism"))),
            static_cast<int>(std::max<std::int64_t>(0, int_of(vertex, "maxParallelism"))),
            std::min(1.0, *busy / 1000),
            std::min(1.0, value(m, metric::kBackPressured).value_or(0) / 1000),
            m.find(metric::kBusy)->second.file};
        profile.measurements.push_back(
            {"load of " + load.name,
             fmt::format("busy {}%, back-pressured {}% (the busiest subtask of {})",
                         plain_number(load.busy * 100, 0), plain_number(load.back_pressured * 100, 0),
                         load.parallelism),
             fmt::format("{}: {} and {} max", load.source, metric::kBusy, metric::kBackPressured)});
        profile.measured_vertices.push_back(std::move(load));
    }
    if (hits + misses > 0)
        profile.measurements.push_back(
            {"RocksDB block cache hit ratio",
             fmt::format("{}%", plain_number(hits / (hits + misses) * 100, 1)),
             fmt::format("{}: rocksdb.block_cache_hit / (hit + miss), sums", cache_files)});
}

}  // namespace

void measure_metrics(const fs::path& root, const Json& manifest, const std::string& job,
                     const Json& taskmanagers, tuner::Profile& profile, std::vector<std::string>& notes) {
    const Metrics tm = saved_metrics(root, manifest, "/taskmanagers/metrics");
    const Json details = read_snapshot_json(root / "jobs" / (job + ".json"));
    if (tm.empty()) {
        notes.push_back(
            "the snapshot holds no TaskManager metric values: heap, metaspace, GC time and network "
            "segments are not measured");
    } else {
        measure_memory(tm, taskmanagers, profile, notes);
        measure_gc(tm, details, profile);
        measure_network(tm, profile, notes);
    }
    if (details.is_object()) measure_vertices(root, manifest, job, details, profile);
    if (profile.measured_vertices.empty())
        notes.push_back("the snapshot holds no vertex busy time: no per-vertex parallelism is advised");
}

}  // namespace flinklint::diagnose
