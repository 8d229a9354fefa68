// `tune --observed`: measured heap, metaspace, GC time and vertex load against the plan
// (tuner/src/observed.cpp and the metaspace of tuner/src/sizing.cpp), on profiles whose measurements
// are set directly (the snapshot reading is tested in tests/unit/diagnose/observe_metrics_test.cpp).
#include <gtest/gtest.h>

#include <algorithm>

#include "flinklint/tuner/tuner.hpp"

using namespace flinklint::tuner;

namespace {

constexpr const char* kProfile =
    "flink_version: \"VERSION\"\ndeployment: kubernetes-operator\ncluster:\n  taskmanagers: 2\n"
    "  taskmanager: {cpu_cores: 4, memory: 8g, network_bandwidth: 10 Gbit/s, local_disk: ssd}\n"
    "checkpoint_storage: {kind: s3, path: s3://bucket/job}\n"
    "workload: {state_backend: rocksdb, state_size: 10g, records_per_second: 1000, record_size: 200b, "
    "keys: 1000, shuffles: 1}\n";

Profile profile(const std::string& version = "1.18") {
    std::string text = kProfile;
    text.replace(text.find("VERSION"), 7, version);
    const auto parsed = parse_profile(text, "p.yaml");
    if (const auto* errors = std::get_if<std::vector<ProfileError>>(&parsed)) {
        ADD_FAILURE() << errors->front().str();
        return {};
    }
    return std::get<Profile>(parsed);
}

Tuning tuned(const Profile& p) {
    const auto result = tune(p);
    if (const auto* errors = std::get_if<std::vector<ProfileError>>(&result)) {
        ADD_FAILURE() << errors->front().str();
        return {};
    }
    return std::get<Tuning>(result);
}

std::string value(const Tuning& t, const std::string& key) {
    const auto it = std::ranges::find(t.recommendations, key, &Recommendation::key);
    return it == t.recommendations.end() ? std::string() : it->value;
}

bool warned(const Tuning& t, const std::string& text) {
    return std::ranges::any_of(t.warnings,
                               [&](const std::string& w) { return w.find(text) != std::string::npos; });
}

Profile::VertexLoad vertex(const char* id, int parallelism, double busy, double back_pressured,
                           int max = 128) {
    return {id, id, parallelism, max, busy, back_pressured, "f.json"};
}

TEST(TuneObservedPlan, MetaspaceGrowsFromTheMeasuredUseAndTheProcessStillFits) {
    Profile p = profile();
    p.measured_metaspace = 300ULL << 20;
    const Tuning t = tuned(p);
    // 300 MiB x 1.2 = 360 MiB; Flink's derivation of the same process keeps it.
    EXPECT_EQ(value(t, "taskmanager.memory.jvm-metaspace.size"), "360m");
    EXPECT_EQ(t.taskmanager.jvm_metaspace, 360ULL << 20);
    EXPECT_EQ(t.taskmanager.total_process, 8ULL << 30);
    // Below Flink's default: not lowered, said among the derivations.
    p.measured_metaspace = 100ULL << 20;
    const Tuning small = tuned(p);
    EXPECT_EQ(value(small, "taskmanager.memory.jvm-metaspace.size"), "");
    EXPECT_EQ(small.taskmanager.jvm_metaspace, 256ULL << 20);
}

TEST(TuneObservedPlan, TheMeasuredHeapIsKeptAndGcIsWarned) {
    Profile p = profile();
    p.measured_heap_per_slot = 100e6;  // x 1.2 under the 256 MiB floor: nothing changes
    p.measured_gc_share = 0.02;
    const Tuning fits = tuned(p);
    EXPECT_EQ(fits.slots, 4);
    EXPECT_FALSE(warned(fits, "managed memory was lowered"));
    EXPECT_FALSE(warned(fits, "garbage collection"));
    // 1.2 GB x 1.2 = 1374 MiB per slot: 4 slots keep it, managed memory yields.
    p.measured_heap_per_slot = 1.2e9;
    p.measured_gc_share = 0.25;
    const Tuning managed = tuned(p);
    EXPECT_EQ(managed.slots, 4);
    EXPECT_GE(managed.taskmanager.task_heap / 4, 1374ULL << 20);
    EXPECT_TRUE(warned(managed, "managed memory was lowered"));
    EXPECT_TRUE(warned(managed, "25% of their time in garbage collection"));
    // 2 GB x 1.2 = 2289 MiB per slot: fewer slots.
    p.measured_heap_per_slot = 2e9;
    const Tuning fewer = tuned(p);
    EXPECT_LT(fewer.slots, 4);
    EXPECT_GE(fewer.taskmanager.task_heap / static_cast<std::uint64_t>(fewer.slots), 2289ULL << 20);
}

TEST(TuneObservedPlan, VertexParallelismFollowsTheBusyTimeAtTheTargetUtilisation) {
    Profile p = profile();
    p.measured_vertices = {
        vertex("00000000000000000000000000000001", 4, 0.98, 0),     // ceil(4 x 0.98 / 0.7) = 6
        vertex("00000000000000000000000000000002", 4, 0.10, 0.9),   // back-pressured: kept at 4
        vertex("00000000000000000000000000000003", 4, 0.10, 0),     // ceil(4 x 0.1 / 0.7) = 1
        vertex("00000000000000000000000000000004", 4, 1.0, 0, 5),   // ceil(5.7) = 6, capped at 5
        vertex("00000000000000000000000000000005", 4, 0.7, 0.05)};  // exactly on target: unchanged
    const Tuning t = tuned(p);
    EXPECT_EQ(value(t, "pipeline.jobvertex-parallelism-overrides"),
              "00000000000000000000000000000001:6,00000000000000000000000000000003:1,"
              "00000000000000000000000000000004:5");
    // Flink 1.15 has no per-vertex override: said instead.
    Profile old = profile("1.15");
    old.measured_vertices = p.measured_vertices;
    const Tuning t15 = tuned(old);
    EXPECT_EQ(value(t15, "pipeline.jobvertex-parallelism-overrides"), "");
    EXPECT_TRUE(warned(t15, "has no pipeline.jobvertex-parallelism-overrides"));
}

}  // namespace
