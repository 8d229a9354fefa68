// The CI gate through the real binary: --write-baseline / --baseline round trips (findings stay
// matched when lines move), --exit-zero, and the junit and gitlab formats end to end.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <regex>

#include "fix_test_support.hpp"
#include "run_binary.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace flinklint::testing;

namespace {

const std::string kConfig =
    "# Cluster\n"
    "taskmanager.numberOfTaskSlot: 4\n"
    "state.backend.incremental: true\n"
    "parallelism.default: 2\n";

nlohmann::json json_of(const RunResult& result) {
    auto json = nlohmann::json::parse(result.out, nullptr, false);
    EXPECT_FALSE(json.is_discarded()) << result.out;
    return json;
}

}  // namespace

TEST(Baseline, RoundTripReportsOnlyNewFindings) {
    const TempDir dir;
    dir.write(".flinklint.yaml", "flink-version: \"1.20\"\n");
    dir.write("conf/flink-conf.yaml", kConfig);

    const RunResult recorded =
        run_flinklint({"check", "--write-baseline", "baseline.json", "conf"}, dir.path().string());
    EXPECT_EQ(recorded.exit_code, 0) << recorded.err;
    EXPECT_NE(recorded.err.find("recorded 2 findings in baseline.json"), std::string::npos) << recorded.err;
    const auto baseline = nlohmann::json::parse(read_file(dir.path() / "baseline.json"));
    EXPECT_EQ(baseline["version"], 1);
    ASSERT_EQ(baseline["findings"].size(), 2u);
    for (const auto& finding : baseline["findings"]) {
        EXPECT_EQ(finding["file"], "conf/flink-conf.yaml");
        EXPECT_TRUE(std::regex_match(finding["fingerprint"].get<std::string>(), std::regex("[0-9a-f]{16}")));
        for (const char* field : {"rule", "key", "occurrence", "line", "message"})
            EXPECT_TRUE(finding.contains(field));
    }

    // Same findings: nothing to report.
    const RunResult same =
        run_flinklint({"check", "--baseline", "baseline.json", "conf"}, dir.path().string());
    EXPECT_EQ(same.exit_code, 0) << same.out;
    EXPECT_NE(same.out.find("No problems found"), std::string::npos);

    // Lines inserted above the findings and a new problem below: only the new one is reported.
    dir.write("conf/flink-conf.yaml", "# a\n# b\n# c\n\n" + kConfig + "parallelism.defualt: 4\n");
    const RunResult moved = run_flinklint(
        {"check", "--format", "json", "--baseline", "baseline.json", "conf"}, dir.path().string());
    EXPECT_EQ(moved.exit_code, 1);
    const auto report = json_of(moved);
    ASSERT_EQ(report["diagnostics"].size(), 1u) << moved.out;
    EXPECT_EQ(report["diagnostics"][0]["key"], "parallelism.defualt");
    EXPECT_NE(moved.err.find("2 findings recorded in baseline.json not shown"), std::string::npos)
        << moved.err;

    // Run from another directory with other path spellings: still matched (paths are project-relative).
    const RunResult elsewhere =
        run_flinklint({"check", "--baseline", "../baseline.json", "."}, (dir.path() / "conf").string());
    EXPECT_EQ(elsewhere.exit_code, 1);
    EXPECT_NE(elsewhere.out.find("Found 1 problem"), std::string::npos) << elsewhere.out;
}

TEST(Baseline, RepeatedFindingsAreCountedByOccurrence) {
    const TempDir dir;
    dir.write(".flinklint.yaml", "flink-version: \"1.20\"\n");
    dir.write("flink-conf.yaml", "a.b.c: 1\n");
    ASSERT_EQ(run_flinklint({"check", "--write-baseline", "b.json", "flink-conf.yaml"}, dir.path().string())
                  .exit_code,
              0);
    // The same foreign key once more (a duplicate too): one FL111 more than recorded, plus FL104.
    dir.write("flink-conf.yaml", "a.b.c: 1\na.b.c: 1\n");
    const RunResult result = run_flinklint(
        {"check", "--format", "json", "--baseline", "b.json", "flink-conf.yaml"}, dir.path().string());
    const auto report = json_of(result);
    std::map<std::string, int> rules;
    for (const auto& d : report["diagnostics"]) ++rules[d["rule"].get<std::string>()];
    EXPECT_EQ(rules["FL111"], 1) << result.out;
    EXPECT_EQ(rules["FL104"], 1) << result.out;
}

TEST(Baseline, UnreadableBaselineIsAUsageError) {
    const TempDir dir;
    dir.write("flink-conf.yaml", kConfig);
    dir.write("bad.json", "{\"findings\": 3}");
    EXPECT_EQ(
        run_flinklint({"check", "--baseline", "bad.json", "flink-conf.yaml"}, dir.path().string()).exit_code,
        2);
    EXPECT_EQ(run_flinklint({"check", "--baseline", "missing.json", "flink-conf.yaml"}, dir.path().string())
                  .exit_code,
              2);
}

TEST(CiGate, ExitZeroReportsButPasses) {
    const TempDir dir;
    dir.write("flink-conf.yaml", kConfig);
    const RunResult result = run_flinklint({"check", "--exit-zero", "flink-conf.yaml"}, dir.path().string());
    EXPECT_EQ(result.exit_code, 0);
    EXPECT_NE(result.out.find("FL101"), std::string::npos);
}

TEST(CiGate, JunitHasOneTestCasePerFindingAndOnePerCleanFile) {
    const TempDir dir;
    dir.write("conf/flink-conf.yaml", kConfig);
    dir.write("clean/flink-conf.yaml", "parallelism.default: 2\n");
    const RunResult result =
        run_flinklint({"check", "--format", "junit", "conf", "clean"}, dir.path().string());
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_EQ(result.out.rfind("<?xml", 0), 0u) << result.out;
    const auto count = [&](const std::string& needle) {
        std::size_t n = 0;
        for (std::size_t at = result.out.find(needle); at != std::string::npos;
             at = result.out.find(needle, at + 1))
            ++n;
        return n;
    };
    EXPECT_EQ(count("<testcase "), 3u) << result.out;
    EXPECT_EQ(count("<failure "), 2u) << result.out;
    EXPECT_NE(result.out.find("tests=\"3\" failures=\"2\""), std::string::npos) << result.out;
    std::string output;
    dir.write("report.xml", result.out);
    if (run_shell("command -v xmllint", dir.path(), output) == 0) {
        EXPECT_EQ(run_shell("xmllint --noout report.xml", dir.path(), output), 0) << output;
    }
}

TEST(CiGate, GitlabCodeQualityReport) {
    const TempDir dir;
    dir.write("conf/flink-conf.yaml", kConfig);
    const RunResult result = run_flinklint({"check", "--format", "gitlab", "conf"}, dir.path().string());
    EXPECT_EQ(result.exit_code, 1);
    const auto issues = nlohmann::json::parse(result.out, nullptr, false);
    ASSERT_TRUE(issues.is_array()) << result.out;
    ASSERT_EQ(issues.size(), 2u);
    std::set<std::string> fingerprints;
    for (const auto& issue : issues) {
        EXPECT_TRUE(issue["description"].is_string());
        EXPECT_TRUE(issue["check_name"].is_string());
        EXPECT_TRUE(issue["severity"].is_string());
        EXPECT_EQ(issue["location"]["path"], "conf/flink-conf.yaml");
        EXPECT_GE(issue["location"]["lines"]["begin"].get<int>(), 1);
        fingerprints.insert(issue["fingerprint"].get<std::string>());
    }
    EXPECT_EQ(fingerprints.size(), 2u);
}
