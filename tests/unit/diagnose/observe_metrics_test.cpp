// Metric values in a snapshot: which names `observe` asks for (only those the cluster lists), the
// files they are saved in (the query readable in the name), and what `tune --observed` reads back
// from them (tuner/diagnose/src/observed_metrics.cpp); a manifest is user input throughout.
#include <gtest/gtest.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "flinklint/diagnose/diagnose.hpp"
#include "flinklint/diagnose/observe.hpp"
#include "flinklint/diagnose/observed.hpp"
#include "observe_support.hpp"
#include "rest_server.hpp"
#include "test_paths.hpp"
#include "tuner/diagnose/src/metric_names.hpp"
#include "tuner/diagnose/src/snapshot_files.hpp"

namespace {

namespace fs = std::filesystem;
using namespace flinklint;
using namespace flinklint::diagnose;
using nlohmann::json;

constexpr const char* kJob = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
constexpr const char* kWindow = "0a448493b4782967b150582570326227";

fs::path recorded() {
    return flinklint::testing::source_dir() / "tests" / "unit" / "diagnose" / "rest-1.15";
}

struct Scratch {
    fs::path dir =
        fs::temp_directory_path() / ("flinklint-metrics-" + std::to_string(::getpid()) + "-" +
                                     ::testing::UnitTest::GetInstance()->current_test_info()->name());
    Scratch() { fs::remove_all(dir); }
    ~Scratch() { fs::remove_all(dir); }
    void write(const fs::path& file, const std::string& text) const {
        fs::create_directories((dir / file).parent_path());
        std::ofstream(dir / file, std::ios::binary) << text;
    }
};

json list(std::initializer_list<const char*> names) {
    json out = json::array();
    for (const char* name : names) out.push_back({{"id", name}});
    return out;
}

TEST(MetricNames, OnlyWantedNamesTheClusterListsAreAskedFor) {
    const json tm = list({"Status.JVM.CPU.Load", "Status.JVM.Memory.Heap.Used",
                          "Status.JVM.GarbageCollector.G1_Young_Generation.Time",
                          "Status.JVM.GarbageCollector.G1_Young_Generation.Count", "Status.JVM.Threads.Count",
                          "Status.Shuffle.Netty.TotalMemorySegments", "Status.Network.TotalMemorySegments"});
    EXPECT_EQ(metric::wanted_taskmanager_metrics(tm),
              (std::vector<std::string>{"Status.JVM.Memory.Heap.Used",
                                        "Status.JVM.GarbageCollector.G1_Young_Generation.Time",
                                        "Status.JVM.GarbageCollector.G1_Young_Generation.Count",
                                        "Status.Shuffle.Netty.TotalMemorySegments"}));
    // The deprecated Status.Network.* group only stands in for a missing Shuffle.Netty.* one.
    EXPECT_EQ(metric::wanted_taskmanager_metrics(list({"Status.Network.TotalMemorySegments"})),
              std::vector<std::string>{"Status.Network.TotalMemorySegments"});
    const json subtasks = list({"numRecordsIn", "busyTimeMsPerSecond", "Window.rocksdb.block_cache_hit",
                                "Window.rocksdb.block-cache-usage", "backPressuredTimeMsPerSecond"});
    EXPECT_EQ(metric::wanted_subtask_metrics(subtasks),
              (std::vector<std::string>{"busyTimeMsPerSecond", "Window.rocksdb.block_cache_hit",
                                        "backPressuredTimeMsPerSecond"}));
    // Not a list: nothing is asked for.
    EXPECT_TRUE(metric::wanted_taskmanager_metrics(json::object()).empty());
    EXPECT_TRUE(metric::wanted_subtask_metrics(json::array({7, "x", {{"id", 3}}})).empty());
}

TEST(MetricNames, BatchesKeepEachQueryWithinItsLength) {
    const std::vector<std::string> names = {"aaaa", "bbbb", "cccc", std::string(20, 'x'), "dd"};
    EXPECT_EQ(metric::metric_batches(names, 9),
              (std::vector<std::vector<std::string>>{{"aaaa", "bbbb"}, {"cccc", "dd"}}));
    EXPECT_TRUE(metric::metric_batches({}, 9).empty());
}

TEST(SnapshotFiles, AQueryIsSavedUnderAReadableSafeName) {
    EXPECT_EQ(query_file("taskmanagers/metrics", "get=Status.JVM.Memory.Heap.Used,b"),
              "taskmanagers/metrics@get=Status.JVM.Memory.Heap.Used,b.json");
    EXPECT_EQ(query_file("m", "get=Window(x)/../y z"), "m@get=Window_x__.._y_z.json");
    EXPECT_TRUE(is_safe_snapshot_file("jobs/x/metrics@get=a.json"));
    EXPECT_FALSE(is_safe_snapshot_file("../outside.json"));
    EXPECT_FALSE(is_safe_snapshot_file("jobs/../../outside.json"));
    EXPECT_FALSE(is_safe_snapshot_file("/etc/passwd"));
    EXPECT_FALSE(is_safe_snapshot_file(""));
}

#ifdef FLINKLINT_HAVE_HTTPLIB

TEST(ObserveMetrics, SavesTheValuesOfTheListedNamesAsFlinkReturnedThem) {
    const Scratch scratch;
    const flinklint::testing::RestServer server(recorded());
    const ObserveOptions options = flinklint::testing::options_for(server.url(), scratch.dir);
    const ObserveResult result = observe(options);
    ASSERT_EQ(result.error, "");
    for (const Fetch& fetch : result.fetches) EXPECT_EQ(fetch.error, "") << fetch.endpoint;
    const std::string heap =
        "taskmanagers/metrics@get=Status.JVM.Memory.Heap.Used,Status.JVM.Memory.Heap.Max,"
        "Status.JVM.Memory.Metaspace.Used,Status.JVM.Memory.Metaspace.Max.json";
    EXPECT_EQ(flinklint::testing::read_file(scratch.dir / heap),
              flinklint::testing::read_file(recorded() / heap));
    // An operator's name is percent-encoded in the request and kept readable in the file name.
    const std::string vertex = std::string("/jobs/") + kJob + "/vertices/" + kWindow + "/subtasks/metrics";
    const auto miss = std::ranges::find(
        result.fetches,
        vertex + "?get=Window%28EventTimeSessionWindows%281800000%29%29.rocksdb.block_cache_miss",
        &Fetch::endpoint);
    ASSERT_NE(miss, result.fetches.end());
    EXPECT_EQ(miss->file, vertex.substr(1) +
                              "@get=Window_EventTimeSessionWindows_1800000__.rocksdb.block_cache_miss.json");
    EXPECT_TRUE(fs::is_regular_file(scratch.dir / miss->file));
    // Four TaskManager queries and three of the vertices, each after its list.
    EXPECT_EQ(
        std::ranges::count_if(result.fetches,
                              [](const Fetch& f) { return f.endpoint.find("?get=") != std::string::npos; }),
        7);
}

TEST(ObserveMetrics, TuneObservedReadsTheValuesBack) {
    const Scratch scratch;
    {
        const flinklint::testing::RestServer server(recorded());
        const ObserveOptions options = flinklint::testing::options_for(server.url(), scratch.dir);
        ASSERT_EQ(observe(options).error, "");
    }
    tuner::Profile profile;
    const auto notes = apply_observed(scratch.dir.string(), profile);
    ASSERT_TRUE(notes) << notes.error();
    EXPECT_EQ(profile.measured_metaspace, 230000000u);
    ASSERT_TRUE(profile.measured_heap_per_slot);
    EXPECT_DOUBLE_EQ(*profile.measured_heap_per_slot, 1073741800.0 / 2);  // 2 slots (taskmanagers.json)
    // Every collector's cumulative time over the job's 90 minutes: the recording lists no `All` collector.
    ASSERT_TRUE(profile.measured_gc_share);
    EXPECT_DOUBLE_EQ(*profile.measured_gc_share, (61234.0 + 2100.0) / 5400000.0);
    ASSERT_EQ(profile.measured_vertices.size(), 2u);
    EXPECT_EQ(profile.measured_vertices[0].name, "Source: Kafka clicks");
    EXPECT_DOUBLE_EQ(profile.measured_vertices[0].busy, 0.11);
    EXPECT_DOUBLE_EQ(profile.measured_vertices[0].back_pressured, 0.93);
    EXPECT_EQ(profile.measured_vertices[1].id, kWindow);
    EXPECT_DOUBLE_EQ(profile.measured_vertices[1].busy, 0.98);
    EXPECT_EQ(profile.measured_vertices[1].max_parallelism, 128);
    auto measured = [&](const std::string& name) {
        const auto it = std::ranges::find(profile.measurements, name, &tuner::Profile::Measurement::name);
        return it == profile.measurements.end() ? std::string() : it->value + " | " + it->source;
    };
    EXPECT_EQ(measured("network segments in use").substr(0, 21), "1843 of 10977 (17%) |");
    EXPECT_EQ(measured("RocksDB block cache hit ratio").substr(0, 5), "91% |");
    EXPECT_NE(measured("metaspace used").find("Status.JVM.Memory.Metaspace.Used max over 1 TaskManager(s)"),
              std::string::npos)
        << measured("metaspace used");
}

#endif

// A manifest naming a file outside the snapshot is not followed; nor a job id that is not one.
TEST(ObserveMetrics, AManifestCannotPointOutsideTheSnapshot) {
    const Scratch scratch;
    const std::string metaspace = R"([{"id":"Status.JVM.Memory.Metaspace.Used","max":5e8}])";
    scratch.write("outside.json", metaspace);
    scratch.write("snap/inside.json", metaspace);
    scratch.write(
        "snap/manifest.json",
        std::string(R"({"format":"flinklint-observe/1","jobs":[")") + kJob +
            R"("],"endpoints":[{"endpoint":"/taskmanagers/metrics?get=a","file":"../outside.json"},)"
            R"({"endpoint":"/taskmanagers/metrics?get=b","file":"/etc/hostname"},)"
            R"({"endpoint":"/taskmanagers/metrics?get=c","file":7}]})");
    tuner::Profile profile;
    ASSERT_TRUE(apply_observed((scratch.dir / "snap").string(), profile));
    EXPECT_FALSE(profile.measured_metaspace);
    // The same file inside the snapshot is read.
    scratch.write("snap/manifest.json",
                  std::string(R"({"format":"flinklint-observe/1","jobs":[")") + kJob +
                      R"("],"endpoints":[{"endpoint":"/taskmanagers/metrics?get=a","file":"inside.json"}]})");
    ASSERT_TRUE(apply_observed((scratch.dir / "snap").string(), profile));
    EXPECT_EQ(profile.measured_metaspace, 500000000u);
}

// diagnose's configuration takes the job's checkpoint configuration only from a job id that is one.
TEST(ObserveMetrics, TheCheckpointConfigurationComesOnlyFromAFlinkJobId) {
    const Scratch scratch;
    scratch.write("snap/jobmanager/config.json", R"([{"key":"a","value":"b"}])");
    scratch.write("snap/evil/checkpoints/config.json", R"({"timeout":1})");
    scratch.write(std::string("snap/jobs/") + kJob + "/checkpoints/config.json", R"({"timeout":60000})");
    scratch.write("snap/manifest.json", R"({"format":"flinklint-observe/1","jobs":["../evil"]})");
    EXPECT_EQ(snapshot_config((scratch.dir / "snap").string()).text, "a: b\n");
    scratch.write("snap/manifest.json",
                  std::string(R"({"format":"flinklint-observe/1","jobs":["../evil",")") + kJob + R"("]})");
    EXPECT_EQ(snapshot_config((scratch.dir / "snap").string()).text,
              "a: b\nexecution.checkpointing.timeout: 60000 ms\n");
}

}  // namespace
