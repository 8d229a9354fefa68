// SARIF: structure GitHub code scanning needs, and the official validator (sarif-multitool) when installed.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "flinklint/fingerprint.hpp"
#include "output/output_internal.hpp"
#include "output_test_support.hpp"
#include "test_paths.hpp"

namespace flinklint {
namespace {

using nlohmann::json;
using testing::render;
using testing::repo_options;
using testing::sample_report;

json sarif_of(const Report& report, OutputOptions options = repo_options()) {
    options.tool_version = "1.2.3";
    return json::parse(render(OutputFormat::sarif, report, options));
}

// Paths of every empty string in the document (GitHub rejects them).
void find_empty_strings(const json& value, const std::string& path, std::vector<std::string>& found) {
    if (value.is_string() && value.get<std::string>().empty()) found.push_back(path);
    if (value.is_object()) {
        for (const auto& [key, item] : value.items()) find_empty_strings(item, path + "." + key, found);
    }
    if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i)
            find_empty_strings(value[i], path + "[" + std::to_string(i) + "]", found);
    }
}

TEST(SarifOutput, LogRunAndDriver) {
    const json log = sarif_of(sample_report());
    EXPECT_EQ(log["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
    EXPECT_EQ(log["version"], "2.1.0");
    ASSERT_EQ(log["runs"].size(), 1U);
    const json& run = log["runs"][0];
    EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
    EXPECT_EQ(run["tool"]["driver"]["name"], "flinklint");
    EXPECT_EQ(run["tool"]["driver"]["semanticVersion"], "1.2.3");
    std::vector<std::string> empty;
    find_empty_strings(log, "$", empty);
    EXPECT_TRUE(empty.empty()) << empty.front();
}

TEST(SarifOutput, EveryRegisteredRuleThenUnregisteredOnes) {
    const json log = sarif_of(sample_report());
    const json& rules = log["runs"][0]["tool"]["driver"]["rules"];
    const auto registered = all_rules();
    ASSERT_GE(rules.size(), registered.size());
    for (std::size_t i = 0; i < registered.size(); ++i) {
        const RuleInfo& info = registered[i].info;
        const json& rule = rules[i];
        EXPECT_EQ(rule["id"], std::string(info.id));
        EXPECT_EQ(rule["name"], std::string(info.name));
        EXPECT_FALSE(rule["shortDescription"]["text"].get<std::string>().empty());
        EXPECT_FALSE(rule["fullDescription"]["text"].get<std::string>().empty());
        const std::string doc(rule_doc(info));
        EXPECT_EQ(rule["help"]["markdown"], doc.empty() ? std::string(info.summary) : doc) << info.id;
        EXPECT_EQ(rule["properties"]["tags"], json::array({std::string(to_string(info.category))}));
    }
    std::set<std::string> levels;
    std::set<std::string> ids;
    for (const json& rule : rules) {
        levels.insert(rule["defaultConfiguration"]["level"].get<std::string>());
        EXPECT_TRUE(ids.insert(rule["id"].get<std::string>()).second) << "duplicate rule " << rule["id"];
    }
    for (const std::string& level : levels)
        EXPECT_TRUE(level == "error" || level == "warning" || level == "note");
    // The sample's rules are all present, whether registered or not.
    for (const char* id : {"FL101", "FL201", "FL301"}) EXPECT_TRUE(ids.contains(id)) << id;
}

TEST(SarifOutput, ResultsLocationsFingerprintsAndFixes) {
    const Report report = sample_report();
    const json log = sarif_of(report);
    const json& run = log["runs"][0];
    const json& results = run["results"];
    ASSERT_EQ(results.size(), 3U);
    for (const json& result : results) {
        const json& rule = run["tool"]["driver"]["rules"][result["ruleIndex"].get<std::size_t>()];
        EXPECT_EQ(rule["id"], result["ruleId"]);
    }
    EXPECT_EQ(results[0]["level"], "error");
    EXPECT_EQ(results[1]["level"], "warning");
    EXPECT_EQ(results[2]["level"], "note");
    EXPECT_EQ(results[0]["message"]["text"], "Unknown option `taskmanager.numberOfTaskSlot`");
    EXPECT_EQ(results[0]["locations"][0]["physicalLocation"], json::parse(R"({
        "artifactLocation": {"uri": "conf/flink-conf.yaml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 29}})"));
    EXPECT_EQ(results[2]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
              "k8s/deploy%2C%20prod%3A1.yaml");
    // The identity a baseline and the GitLab report give the same finding.
    FindingNumbering numbering;
    EXPECT_EQ(results[0]["partialFingerprints"]["flinklint/v1"],
              numbering.next(report.diagnostics[0], "conf/flink-conf.yaml").fingerprint);
    EXPECT_EQ(results[0]["fixes"], json::parse(R"([{
        "description": {"text": "replace with `taskmanager.numberOfTaskSlots`"},
        "artifactChanges": [{
            "artifactLocation": {"uri": "conf/flink-conf.yaml", "uriBaseId": "%SRCROOT%"},
            "replacements": [{"deletedRegion": {"byteOffset": 0, "byteLength": 28},
                              "insertedContent": {"text": "taskmanager.numberOfTaskSlots"}}]}],
        "properties": {"safety": "safe"}}])"));
    EXPECT_FALSE(results[1].contains("fixes"));
}

TEST(SarifOutput, FilesOutsideTheBaseAreFileUris) {
    OutputOptions options;
    options.base_dir = "/somewhere/else";
    const json log = sarif_of(sample_report(), options);
    EXPECT_EQ(log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"],
              json::parse(R"({"uri": "file:///repo/conf/flink-conf.yaml"})"));
}

TEST(SarifOutput, EmptyReportStillListsResults) {
    const json log = sarif_of(Report{});
    EXPECT_TRUE(log["runs"][0]["results"].is_array());
    EXPECT_TRUE(log["runs"][0]["results"].empty());
}

struct Validation {
    bool ran = false;
    std::vector<std::string> errors;    // "JSON1008 {...message...}"
    std::vector<std::string> warnings;  // results without a level are warnings (SARIF default)
    std::string console;
};

// Runs `sarif-multitool validate` (SARIF rules plus GitHub's "Gh" rules) and reads the log it writes:
// its exit code is 0 whatever it finds, so the findings are the results of that log.
Validation validate(const std::filesystem::path& sarif_file) {
    const auto tool_dir = flinklint::testing::source_dir() / "tests" / "sarif";
    const auto log_file = sarif_file.parent_path() / (sarif_file.stem().string() + ".validation.sarif");
    const auto console_file = sarif_file.parent_path() / (sarif_file.stem().string() + ".console.txt");
    // bin.js re-runs its arguments through a shell, so the ';' list is quoted twice.
    const std::string command =
        "cd '" + tool_dir.string() + "' && npx --no-install sarif-multitool validate '" +
        sarif_file.string() + "' --output '" + log_file.string() +
        "' --log ForceOverwrite --rule-kind '\"Sarif;Gh\"' > '" + console_file.string() + "' 2>&1";
    Validation validation;
    const int status = std::system(command.c_str());
    validation.console = flinklint::testing::read_file(console_file);
    if (status != 0 || !std::filesystem::exists(log_file)) return validation;
    const json log = json::parse(flinklint::testing::read_file(log_file), nullptr, false);
    if (log.is_discarded() || !log.contains("runs") || log["runs"].empty()) return validation;
    const json& run = log["runs"][0];
    const json invocation = run.value("invocations", json::array({json::object()}))[0];
    validation.ran = invocation.value("executionSuccessful", false);
    auto collect = [&](const json& findings) {
        for (const json& finding : findings) {
            const std::string level = finding.value("level", "warning");
            const std::string rule = finding.contains("ruleId")
                                         ? finding["ruleId"].get<std::string>()
                                         : finding.value("descriptor", json::object()).dump();
            const std::string line = rule + " " + finding.value("message", json::object()).dump();
            if (level == "error") validation.errors.push_back(line);
            if (level == "warning") validation.warnings.push_back(line);
        }
    };
    collect(run.value("results", json::array()));
    collect(invocation.value("toolConfigurationNotifications", json::array()));
    collect(invocation.value("toolExecutionNotifications", json::array()));
    return validation;
}

TEST(SarifOutput, OfficialValidatorReportsNoErrors) {
    const auto tool = flinklint::testing::source_dir() / "tests/sarif/node_modules/.bin/sarif-multitool";
    if (!std::filesystem::exists(tool)) {
        FLINKLINT_SKIP_OR_FAIL("FLINKLINT_REQUIRE_TOOLS",
                               "SARIF validator not installed (" + tool.string() +
                                   " missing): run scripts/install-sarif-validator.sh");
    }
    std::random_device random;
    const auto dir = std::filesystem::temp_directory_path() / ("flinklint-sarif-" + std::to_string(random()));
    std::filesystem::create_directories(dir);
    OutputOptions options = repo_options();
    options.tool_version = "0.1.0";
    Report report = sample_report();
    const auto outside = testing::make_source("/elsewhere/x y.yaml", "a: 1\n");  // becomes a file:// URI
    report.diagnostics.push_back(
        testing::make_diagnostic(outside, {0, 1}, "FL102", "r", Severity::info, "m."));
    const std::string sarif = render(OutputFormat::sarif, report, options);
    std::ofstream(dir / "report.sarif", std::ios::binary) << sarif;

    // Control: the validator must see a broken copy (a region starting on line 0).
    json broken = json::parse(sarif);
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0;
    std::ofstream(dir / "broken.sarif", std::ios::binary) << broken.dump();

    const Validation good = validate(dir / "report.sarif");
    ASSERT_TRUE(good.ran) << "validator did not run:\n" << good.console;
    for (const std::string& warning : good.warnings) std::cout << "validator warning: " << warning << '\n';
    EXPECT_TRUE(good.errors.empty()) << good.errors.size()
                                     << " validator errors, first: " << good.errors.front() << "\n"
                                     << good.console;

    const Validation bad = validate(dir / "broken.sarif");
    ASSERT_TRUE(bad.ran) << bad.console;
    EXPECT_FALSE(bad.errors.empty()) << "the validator accepted a region on line 0:\n" << bad.console;
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace flinklint
