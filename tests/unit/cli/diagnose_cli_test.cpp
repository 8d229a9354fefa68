// `flinklint diagnose` through the binary: the report formats, exit codes, the line count of
// unrecognised logs, and the changes computed from --config.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "fix_test_support.hpp"
#include "run_binary.hpp"

namespace fs = std::filesystem;
using namespace flinklint::testing;

namespace {

constexpr const char* kBuffers =
    "2024-03-01 10:15:02,123 INFO  org.apache.flink.runtime.taskmanager.Task [] - Map (2/8)#0 switched from "
    "DEPLOYING to FAILED with failure cause:\n"
    "java.io.IOException: Insufficient number of network buffers: required 4130, but only 2048 available. "
    "The total "
    "number of network buffers is currently set to 2048 of 32768 bytes each. You can increase this number by "
    "setting "
    "the configuration keys 'taskmanager.memory.network.fraction', 'taskmanager.memory.network.min', and "
    "'taskmanager.memory.network.max'.\n";

TEST(DiagnoseCli, TextReportWithComputedChange) {
    const TempDir dir;
    const fs::path log = dir.write("taskmanager.log", kBuffers);
    const fs::path config = dir.write(
        "flink-conf.yaml", "taskmanager.memory.process.size: 2g\ntaskmanager.memory.network.max: 64mb\n");
    const auto run = run_flinklint({"diagnose", log.string(), "--config", config.string()});
    EXPECT_EQ(run.exit_code, 1) << run.err;
    EXPECT_NE(run.out.find("taskmanager.log:2:1: error[DG001 insufficient-network-buffers]"),
              std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("set `taskmanager.memory.network.min: 130 mb`"), std::string::npos) << run.out;
}

TEST(DiagnoseCli, JsonCarriesRoleAndCause) {
    const TempDir dir;
    const fs::path log = dir.write("tm.log",
                                   "java.lang.OutOfMemoryError: Java heap space\n"
                                   "java.lang.IllegalStateException: Buffer pool is destroyed.\n");
    const auto run = run_flinklint({"diagnose", "--format", "json", log.string()});
    EXPECT_EQ(run.exit_code, 1) << run.err;
    const auto json = nlohmann::json::parse(run.out);
    ASSERT_EQ(json["diagnoses"].size(), 2u);
    EXPECT_EQ(json["diagnoses"][1]["id"], "DG002");
    EXPECT_EQ(json["diagnoses"][1]["role"], "consequence");
    EXPECT_EQ(json["diagnoses"][1]["caused_by"]["id"], "DG401");
    EXPECT_EQ(json["logs"][0]["lines"], 2);
}

TEST(DiagnoseCli, UnrecognisedLogSaysSoAndExitsClean) {
    const TempDir dir;
    std::string text;
    for (int i = 0; i < 12000; ++i) text += "2024-03-01 10:00:00,000 INFO  x [] - nothing wrong\n";
    const fs::path log = dir.write("jobmanager.log", text);
    const auto run = run_flinklint({"diagnose", log.string()});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.out, log.string() + ": no known failure in 12,000 lines\n");
}

TEST(DiagnoseCli, SarifAndUsageErrors) {
    const TempDir dir;
    const fs::path log = dir.write("tm.log", "java.lang.OutOfMemoryError: Metaspace\n");
    const auto sarif = run_flinklint({"diagnose", "--format", "sarif", log.string()});
    EXPECT_EQ(sarif.exit_code, 1) << sarif.err;
    EXPECT_EQ(nlohmann::json::parse(sarif.out)["runs"][0]["results"][0]["ruleId"], "DG403");
    const auto missing = run_flinklint({"diagnose", (dir.path() / "absent.log").string()});
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_NE(missing.err.find("absent.log: no such file"), std::string::npos);
    const auto bad_config =
        run_flinklint({"diagnose", log.string(), "--config", (dir.path() / "none.yaml").string()});
    EXPECT_EQ(bad_config.exit_code, 2);
    EXPECT_EQ(run_flinklint({"diagnose"}).exit_code, 2);
}

}  // namespace
