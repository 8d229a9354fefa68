// `flinklint observe` then `flinklint diagnose` through the binary, against a real HTTP server on
// 127.0.0.1 serving recorded Flink 1.15 REST responses; and `diagnose --patch` through the fix engine.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "dist_support.hpp"
#include "fix_test_support.hpp"
#include "rest_server.hpp"
#include "run_binary.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace flinklint::testing;

namespace {

constexpr const char* kExpired =
    "2024-03-01 10:15:02,123 INFO  org.apache.flink.runtime.checkpoint.CheckpointCoordinator [] - Checkpoint "
    "42 "
    "of job a1b2c3d4e5f60718293a4b5c6d7e8f90 expired before completing.\n"
    "java.io.IOException: The rpc invocation size 27329480 exceeds the maximum akka framesize.\n";

TEST(ObserveCli, UsageErrors) {
    const TempDir dir;
    const auto refused = run_flinklint(
        {"observe", "--url", "https://user:secret@flink:8081", "--out", (dir.path() / "s").string()});
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_NE(refused.err.find("credentials in the URL are not supported"), std::string::npos) << refused.err;
    EXPECT_EQ(refused.err.find("secret"), std::string::npos) << refused.err;
    const auto insecure = run_flinklint(
        {"observe", "--url", "http://127.0.0.1:1", "--insecure", "--out", (dir.path() / "s").string()});
    EXPECT_EQ(insecure.exit_code, 2);
    EXPECT_NE(insecure.err.find("apply to https URLs only"), std::string::npos) << insecure.err;
    EXPECT_EQ(run_flinklint({"observe", "--out", (dir.path() / "s").string()}).exit_code, 2);  // no --url
    const auto job = run_flinklint(
        {"observe", "--url", "http://127.0.0.1:1", "--job", "../x", "--out", (dir.path() / "s").string()});
    EXPECT_EQ(job.exit_code, 2);
    EXPECT_NE(job.err.find("32 hexadecimal digits"), std::string::npos) << job.err;
    EXPECT_FALSE(fs::exists(dir.path() / "s"));
}

// A flinklint without flinklint-fetch beside it, in ../libexec/flinklint or on PATH names what is missing.
TEST(ObserveCli, WithoutFlinklintFetchNamesItAndItsPackage) {
    const TempDir dir;
    fs::copy_file(FLINKLINT_BINARY, dir.path() / "flinklint");
    const auto run =
        run_split("PATH=/nonexistent ./flinklint observe --url http://127.0.0.1:1 --out s", dir.path());
    EXPECT_EQ(run.code, 2);
    EXPECT_NE(
        run.err.find("flinklint: flinklint-fetch, which makes observe's HTTP and HTTPS requests, was not "
                     "found"),
        std::string::npos)
        << run.err;
    EXPECT_NE(run.err.find("libcpp-httplib0.11"), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(dir.path() / "s"));
}

#ifdef FLINKLINT_HAVE_HTTPLIB

TEST(ObserveCli, ObserveThenDiagnoseEndToEnd) {
    const RestServer server(source_dir() / "tests" / "unit" / "diagnose" / "rest-1.15");
    const TempDir dir;
    const std::string snapshot = (dir.path() / "snapshot").string();
    const auto observed = run_flinklint({"observe", "--url", server.url(), "--out", snapshot});
    ASSERT_EQ(observed.exit_code, 0) << observed.err;
    EXPECT_EQ(observed.out.substr(0, observed.out.find('\n')),
              snapshot + ": Flink 1.15.4, 23 of 23 responses saved, 1 job(s)");
    const auto diagnosed = run_flinklint({"diagnose", "--format", "json", snapshot});
    EXPECT_EQ(diagnosed.exit_code, 1) << diagnosed.err;
    const auto json = nlohmann::json::parse(diagnosed.out);
    std::vector<std::string> ids;
    for (const auto& d : json["diagnoses"]) ids.push_back(d["id"]);
    EXPECT_EQ(ids, (std::vector<std::string>{"DG203", "DG201", "DG204", "DG901"}));
    EXPECT_EQ(json["logs"][0]["snapshot"], true);
}

TEST(ObserveCli, DiagnosePatchWritesTheSnapshotsChangeIntoTheConfig) {
    const RestServer server(source_dir() / "tests" / "unit" / "diagnose" / "rest-1.15");
    const TempDir dir;
    const std::string snapshot = (dir.path() / "snapshot").string();
    ASSERT_EQ(run_flinklint({"observe", "--url", server.url(), "--out", snapshot}).exit_code, 0);
    const fs::path config = dir.write("flink-conf.yaml",
                                      "# production\ntaskmanager.memory.process.size: 4g\n"
                                      "execution.checkpointing.timeout: 1 min  # too short?\n");
    const auto diff = run_flinklint({"diagnose", snapshot, "--patch", config.string(), "--diff"});
    EXPECT_EQ(diff.exit_code, 0) << diff.err;
    EXPECT_NE(diff.out.find("+execution.checkpointing.timeout: 10 min  # too short?"), std::string::npos)
        << diff.out;
    EXPECT_EQ(read_file(config).find("10 min"), std::string::npos);  // --diff writes nothing
    const auto written = run_flinklint({"diagnose", snapshot, "--patch", config.string()});
    EXPECT_EQ(written.exit_code, 1) << written.err;  // the findings stay reported
    EXPECT_EQ(read_file(config),
              "# production\ntaskmanager.memory.process.size: 4g\n"
              "execution.checkpointing.timeout: 10 min  # too short?\n");
}

#endif

TEST(DiagnoseCli, PatchAppendsMissingKeysAndNeverPatchesEvidence) {
    const TempDir dir;
    const fs::path log = dir.write("jobmanager.log", kExpired);
    const fs::path config = dir.write("flink-conf.yaml", "taskmanager.memory.process.size: 2g\n");
    const auto run = run_flinklint({"diagnose", log.string(), "--config", config.string(), "--flink-version",
                                    "1.15", "--patch", config.string()});
    EXPECT_EQ(run.exit_code, 1) << run.err;
    EXPECT_EQ(
        read_file(config),
        "taskmanager.memory.process.size: 2g\n\n# added by flinklint diagnose\nakka.framesize: 28311552b\n");
    const auto evidence = run_flinklint({"diagnose", log.string(), "--patch", log.string()});
    EXPECT_EQ(evidence.exit_code, 2);
    EXPECT_NE(evidence.err.find("is evidence given to diagnose"), std::string::npos) << evidence.err;
    EXPECT_EQ(read_file(log), kExpired);
    EXPECT_EQ(run_flinklint({"diagnose", log.string(), "--diff"}).exit_code, 2);  // --diff needs --patch
}

}  // namespace
