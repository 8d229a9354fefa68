// Inputs fuzz_profile (tests/fuzz) found, kept as tests.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <variant>

#include "flinklint/tuner/output.hpp"
#include "flinklint/tuner/profile.hpp"
#include "flinklint/tuner/tuner.hpp"
#include "test_paths.hpp"

namespace {

using namespace flinklint::tuner;

// A checkpoint path with bytes that are not UTF-8: the JSON report threw (terminate) instead of
// writing U+FFFD.
TEST(TunerFuzzRegressions, InvalidUtf8InAProfileKeepsTheJsonReportValid) {
    const std::string text = flinklint::testing::read_file(
        flinklint::testing::source_dir() / "tests/fuzz/regressions/profile/crash-invalid-utf8-json-report");
    ASSERT_FALSE(text.empty());
    const ProfileResult parsed = parse_profile(text, "profiles/fuzz.yaml");
    ASSERT_TRUE(std::holds_alternative<Profile>(parsed));
    const TuneResult tuned = tune(std::get<Profile>(parsed));
    ASSERT_TRUE(std::holds_alternative<Tuning>(tuned));
    std::string json;
    ASSERT_NO_THROW(json = render(std::get<Tuning>(tuned), ReportFormat::json));
    EXPECT_TRUE(nlohmann::json::accept(json));
    EXPECT_NE(json.find("\xEF\xBF\xBD"), std::string::npos);  // U+FFFD where the bad bytes were
}

// A count knob of 116 digits: the whole-number check cast it to long long first (undefined under
// UBSan); now it is refused with the knob's line and range.
TEST(TunerFuzzRegressions, ACountBeyondLongLongIsRefusedNotCast) {
    const std::string text = flinklint::testing::read_file(
        flinklint::testing::source_dir() / "tests/fuzz/regressions/profile/crash-count-beyond-long-long");
    ASSERT_FALSE(text.empty());
    const ProfileResult parsed = parse_profile(text, "profiles/fuzz.yaml");
    ASSERT_TRUE(std::holds_alternative<std::vector<ProfileError>>(parsed));
    const auto& errors = std::get<std::vector<ProfileError>>(parsed);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].mark.line, 30);
    EXPECT_NE(errors[0].message.find("from 0 to 1000000"), std::string::npos) << errors[0].message;
}

TEST(TunerFuzzRegressions, ANegativeCountIsRefused) {
    const ProfileResult parsed = parse_profile(
        "flink_version: \"1.20\"\ndeployment: standalone\ncluster:\n  taskmanagers: 2\n"
        "  taskmanager: {cpu_cores: 4, memory: 8g}\npolicy:\n  tolerable_failed_checkpoints: -1\n",
        "profiles/fuzz.yaml");
    ASSERT_TRUE(std::holds_alternative<std::vector<ProfileError>>(parsed));
    const auto& errors = std::get<std::vector<ProfileError>>(parsed);
    ASSERT_FALSE(errors.empty());
    EXPECT_NE(errors.back().message.find("tolerable_failed_checkpoints"), std::string::npos)
        << errors.back().message;
}

// Every knob at the edge of its range with extreme figures: the new arithmetic (network for the target,
// disk, IOPS, ForSt cache, Kafka transactions, verdicts) stays within the ranges of its casts.
TEST(TunerFuzzRegressions, KnobsAtTheirEdgesStayWithinRange) {
    int tuned_count = 0;
    for (const char* backend : {"rocksdb", "forst", "hashmap"}) {
        // The first network cannot fit any TaskManager (an error); the second leaves room to tune.
        for (const char* network :
             {"  shuffles: 100\n  max_parallelism_target: 32768\npolicy:\n  network_buffer_headroom: 1000\n",
              "  shuffles: 1\npolicy:\n"}) {
            SCOPED_TRACE(std::string(backend) + " " + network);
            const std::string text =
                std::string(
                    "flink_version: \"2.1\"\ndeployment: kubernetes-operator\ncluster:\n  taskmanagers: "
                    "32768\n"
                    "  taskmanager:\n    cpu_cores: 1\n    memory: 1t\n    network_bandwidth: 0.1 MB/s\n"
                    "    local_disk: hdd\n    local_disk_size: 8000000t\n"
                    "checkpoint_storage: {kind: s3, bandwidth: 0.1 MB/s, path: s3://b/p}\n"
                    "workload:\n  state_backend: ") +
                backend +
                "\n  state_size: 8000000t\n  records_per_second: 1e12\n  record_size: 1g\n  keys: 1\n"
                "  delivery: exactly-once\n" +
                network +
                "  disk_space_factor: 1e-300\n  rescale_factor: 1000\n  network_max_share: 1e-300\n"
                "  checkpoint_timeout_factor: 1000\n  os_reserve_max: 8000000t\n  hdd_iops: 1\n"
                "  restart_time: 1000000000 d\n  heap_state_expansion: 1000\n";
            const ProfileResult parsed = parse_profile(text, "profiles/fuzz.yaml");
            ASSERT_TRUE(std::holds_alternative<Profile>(parsed))
                << std::get<std::vector<ProfileError>>(parsed).front().str();
            const TuneResult tuned = tune(std::get<Profile>(parsed));
            if (const auto* tuning = std::get_if<Tuning>(&tuned)) {
                ++tuned_count;
                EXPECT_FALSE(tuning->infeasible.empty());
                for (const ReportFormat format : {ReportFormat::text, ReportFormat::json})
                    EXPECT_FALSE(render(*tuning, format).empty());
                for (const EmitFormat format : {EmitFormat::config_yaml, EmitFormat::flinkdeployment})
                    EXPECT_TRUE(emit_config(*tuning, format));
            }
        }
    }
    EXPECT_EQ(tuned_count, 3);
}

}  // namespace
