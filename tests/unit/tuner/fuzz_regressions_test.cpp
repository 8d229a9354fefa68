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
    const std::string text = flinklint::testing::read_file(flinklint::testing::source_dir() /
                                                           "tests/fuzz/regressions/profile/crash-invalid-utf8-json-report");
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
    EXPECT_NE(errors.back().message.find("tolerable_failed_checkpoints"), std::string::npos) << errors.back().message;
}

}  // namespace
