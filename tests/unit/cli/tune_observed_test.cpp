// `flinklint observe` then `flinklint tune --observed`: measurements of the recorded Flink 1.15 job
// (tests/unit/diagnose/rest-1.15, served on 127.0.0.1) replace the profile's estimates, and the report
// says which values were measured and where they come from.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "fix_test_support.hpp"
#include "rest_server.hpp"
#include "run_binary.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace flinklint::testing;

namespace {

// 1 GiB on a 10 Gbit/s network: the estimated full checkpoint takes about a second; the policy's
// floor is lowered to a minute so that the measured duration (58 s, three times over) shows.
constexpr const char* kProfile =
    "flink_version: \"1.18\"\n"
    "deployment: standalone\n"
    "cluster:\n"
    "  taskmanagers: 2\n"
    "  taskmanager: {cpu_cores: 4, memory: 8g, network_bandwidth: 10 Gbit/s, local_disk: ssd}\n"
    "  jobmanager: {cpu_cores: 1, memory: 2g}\n"
    "checkpoint_storage: {kind: nfs, path: file:///mnt/flink}\n"
    "high_availability: {zookeeper_quorum: zk-1:2181}\n"
    "workload: {state_backend: hashmap, state_size: 1g, records_per_second: 1000, record_size: 200b, "
    "keys: 1000, shuffles: 1, source: kafka, sink: kafka}\n"
    "policy: {min_checkpoint_timeout: 1 min}\n";

std::string recommended(const nlohmann::json& report, const std::string& key) {
    for (const auto& r : report["recommendations"])
        if (r["key"] == key) return r["value"].get<std::string>();
    return "";
}

std::string measurement(const nlohmann::json& report, const std::string& name) {
    for (const auto& m : report["measured"])
        if (m["name"] == name) return m["value"].get<std::string>() + " | " + m["source"].get<std::string>();
    return "";
}

}  // namespace

TEST(TuneObserved, NotASnapshotIsAnError) {
    const TempDir dir;
    const fs::path profile = dir.write("profile.yaml", kProfile);
    fs::create_directories(dir.path() / "empty");
    const auto run =
        run_flinklint({"tune", "--profile", profile.string(), "--observed", (dir.path() / "empty").string()});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("not a snapshot written by `flinklint observe`"), std::string::npos) << run.err;
}

#ifdef FLINKLINT_HAVE_HTTPLIB

TEST(TuneObserved, MeasurementsReplaceTheEstimatesAndAreNamed) {
    const RestServer server(source_dir() / "tests" / "unit" / "diagnose" / "rest-1.15");
    const TempDir dir;
    const std::string snapshot = (dir.path() / "snapshot").string();
    ASSERT_EQ(run_flinklint({"observe", "--url", server.url(), "--out", snapshot}).exit_code, 0);
    const fs::path profile = dir.write("profile.yaml", kProfile);

    const auto estimated = run_flinklint({"tune", "--profile", profile.string(), "--format", "json"});
    ASSERT_EQ(estimated.exit_code, 0) << estimated.err;
    const auto before = nlohmann::json::parse(estimated.out);
    EXPECT_EQ(recommended(before, "execution.checkpointing.timeout"), "1 min");
    EXPECT_FALSE(before.contains("measured"));

    const auto measured =
        run_flinklint({"tune", "--profile", profile.string(), "--observed", snapshot, "--format", "json"});
    ASSERT_EQ(measured.exit_code, 0) << measured.err;
    const auto after = nlohmann::json::parse(measured.out);
    // The longest completed checkpoint of the job took 58 s: 3 x 58 s, in whole minutes.
    EXPECT_EQ(recommended(after, "execution.checkpointing.timeout"), "3 min");
    const std::string job = "jobs/a1b2c3d4e5f60718293a4b5c6d7e8f90/checkpoints.json";
    EXPECT_EQ(measurement(after, "state size"),
              "3 GiB | " + job +
                  ": latest.completed.state_size (checkpoint 7), in place of workload.state_size 1 GiB");
    EXPECT_NE(measurement(after, "checkpoint duration").find("58 s | " + job), std::string::npos)
        << measurement(after, "checkpoint duration");
    // Metric values: metaspace 230,000,000 bytes used x (1 + 0.2), in whole MiB; the window vertex
    // busy 98% at parallelism 2 -> ceil(2 x 0.98 / 0.7) = 3; the source, back-pressured 93%, kept at 2.
    EXPECT_EQ(recommended(before, "taskmanager.memory.jvm-metaspace.size"), "");
    EXPECT_EQ(recommended(after, "taskmanager.memory.jvm-metaspace.size"), "264m");
    EXPECT_EQ(recommended(after, "pipeline.jobvertex-parallelism-overrides"),
              "0a448493b4782967b150582570326227:3");
    EXPECT_NE(measurement(after, "metaspace used").find("219.3 MiB | taskmanagers/metrics@get="),
              std::string::npos)
        << measurement(after, "metaspace used");
    EXPECT_NE(measurement(after, "load of Window(EventTimeSessionWindows(1800000)) -> Sink: sessions")
                  .find("busy 98%, back-pressured 0%"),
              std::string::npos);
    // The cluster the snapshot saw differs from the plan's: said on stderr, the plan unchanged.
    EXPECT_NE(measured.err.find("taskmanagers.json: the cluster ran"), std::string::npos) << measured.err;
}

#endif
