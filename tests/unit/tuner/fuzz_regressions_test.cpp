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

}  // namespace
