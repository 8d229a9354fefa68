// The streaming writers: a report written a part at a time is byte for byte the report written whole.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <sstream>

#include "output_test_support.hpp"

namespace flinklint {
namespace {

constexpr OutputFormat kFormats[] = {OutputFormat::text,   OutputFormat::json,  OutputFormat::sarif,
                                     OutputFormat::github, OutputFormat::junit, OutputFormat::gitlab};

// `report` in parts: one per file, in the order of report.files, the diagnostics of each file with it.
std::string render_in_parts(OutputFormat format, const Report& report, const OutputOptions& options) {
    std::ostringstream out;
    const auto writer = make_report_writer(format, out, options);
    writer->begin();
    for (const std::string& file : report.files) {
        ReportPart part;
        part.files.push_back(file);
        for (const Diagnostic& d : report.diagnostics) {
            if (d.source && d.source->path() == file) part.diagnostics.push_back(d);
        }
        for (const auto& [source, spans] : report.masked) {
            if (source->path() == file) part.masked[source] = spans;
        }
        writer->add(std::move(part));
    }
    writer->finish(report.files_checked);
    return out.str();
}

// Four files, one without findings, findings repeated in one file (numbered fingerprints), a secret.
Report report_of_four_files() {
    Report report = testing::sample_report();
    const auto secret = testing::make_source("/repo/secret/flink-conf.yaml",
                                             "s3.secret-key: hunter2\ns3.secret-key: hunter3\n");
    report.masked[secret.get()] = {testing::find_span(*secret, "hunter2"),
                                   testing::find_span(*secret, "hunter3")};
    for (const char* value : {"hunter2", "hunter3"}) {
        auto d =
            testing::make_diagnostic(secret, testing::find_span(*secret, value), "FL103", "duplicate-key",
                                     Severity::warning, "`s3.secret-key` is set twice", "keep one");
        d.key = "s3.secret-key";
        report.diagnostics.push_back(d);
    }
    report.files.push_back("/repo/secret/flink-conf.yaml");
    report.files_checked = report.files.size();
    return report;
}

TEST(ReportWriter, PartsGiveTheBytesOfTheWholeReport) {
    const Report report = report_of_four_files();
    for (const OutputFormat format : kFormats) {
        SCOPED_TRACE(static_cast<int>(format));
        const std::string whole = testing::render(format, report, testing::repo_options());
        EXPECT_EQ(render_in_parts(format, report, testing::repo_options()), whole);
        EXPECT_EQ(whole.find("hunter"), std::string::npos);
    }
}

TEST(ReportWriter, SarifIsOnePrettyDumpOfTheWholeLog) {
    Report report = report_of_four_files();
    // A rule only the last part names joins the rule table, which is written before every result.
    Diagnostic unregistered = report.diagnostics.back();
    unregistered.rule_id = "FL999";
    unregistered.rule_name = "not-registered";
    report.diagnostics.push_back(unregistered);
    const std::string text = render_in_parts(OutputFormat::sarif, report, testing::repo_options());
    const auto log = nlohmann::ordered_json::parse(text);
    EXPECT_EQ(log.dump(2) + "\n", text);
    const auto& run = log["runs"][0];
    ASSERT_EQ(run["results"].size(), report.diagnostics.size());
    const auto& last = run["results"].back();
    EXPECT_EQ(last["ruleId"], "FL999");
    EXPECT_EQ(run["tool"]["driver"]["rules"][last["ruleIndex"].get<std::size_t>()]["id"], "FL999");

    const std::string empty = testing::render(OutputFormat::sarif, Report{}, testing::repo_options());
    EXPECT_EQ(nlohmann::ordered_json::parse(empty).dump(2) + "\n", empty);
    EXPECT_NE(empty.find("\"results\": []"), std::string::npos);
}

TEST(ReportWriter, NoPartsAndEmptyParts) {
    Report empty;
    empty.files_checked = 2;
    for (const OutputFormat format : kFormats) {
        SCOPED_TRACE(static_cast<int>(format));
        const std::string whole = testing::render(format, empty, testing::repo_options());
        std::ostringstream out;
        const auto writer = make_report_writer(format, out, testing::repo_options());
        writer->begin();
        writer->add({});
        writer->add({});
        writer->finish(2);
        EXPECT_EQ(out.str(), whole);
    }
}

TEST(ReportWriter, FilesCountedFromPartsUnlessMoreAreGiven) {
    std::ostringstream out;
    const auto writer = make_report_writer(OutputFormat::text, out, {});
    writer->begin();
    writer->add(ReportPart{{}, {}, {"a.yaml", "b.yaml"}});
    writer->add(ReportPart{{}, {}, {"c.yaml"}});
    writer->finish(0);
    EXPECT_EQ(out.str(), "No problems found in 3 files.\n");
    std::ostringstream more;
    const auto counted = make_report_writer(OutputFormat::text, more, {});
    counted->begin();
    counted->add(ReportPart{{}, {}, {"a.yaml"}});
    counted->finish(5);
    EXPECT_EQ(more.str(), "No problems found in 5 files.\n");
}

}  // namespace
}  // namespace flinklint
