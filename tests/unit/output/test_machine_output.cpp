// json, github, gitlab and junit formats, and the shared helpers.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <regex>
#include <set>

#include "flinklint/fingerprint.hpp"
#include "output/output_internal.hpp"
#include "output_test_support.hpp"

namespace flinklint {
namespace {

using testing::find_span;
using testing::make_diagnostic;
using testing::make_source;
using testing::render;
using testing::repo_options;
using testing::sample_report;

TEST(OutputFormatNames, ParseKnownNamesCaseInsensitively) {
    EXPECT_EQ(parse_output_format("text"), OutputFormat::text);
    EXPECT_EQ(parse_output_format("JSON"), OutputFormat::json);
    EXPECT_EQ(parse_output_format("sarif"), OutputFormat::sarif);
    EXPECT_EQ(parse_output_format("GitHub"), OutputFormat::github);
    EXPECT_EQ(parse_output_format("junit"), OutputFormat::junit);
    EXPECT_EQ(parse_output_format("gitlab"), OutputFormat::gitlab);
    EXPECT_EQ(parse_output_format("xml"), std::nullopt);
    EXPECT_EQ(parse_output_format(""), std::nullopt);
    EXPECT_EQ(parse_output_format("jsonx"), std::nullopt);
}

TEST(OutputHelpers, RelativePaths) {
    EXPECT_EQ(output::relative_path("/repo/conf/a.yaml", "/repo"), "conf/a.yaml");
    EXPECT_EQ(output::relative_path("/repo/conf/a.yaml", "/repo/"), "conf/a.yaml");
    EXPECT_EQ(output::relative_path("/repo/./conf/../a.yaml", "/repo"), "a.yaml");
    EXPECT_EQ(output::relative_path("/elsewhere/a.yaml", "/repo"), "/elsewhere/a.yaml");
    EXPECT_EQ(output::relative_path("./conf/a.yaml", ""), "conf/a.yaml");
    EXPECT_EQ(output::relative_path("conf/a.yaml", std::filesystem::current_path()), "conf/a.yaml");
    EXPECT_EQ(output::relative_path("", "/repo"), "");
}

// The fingerprint of a finding's first occurrence (flinklint/fingerprint.hpp).
std::string first_fingerprint(const Diagnostic& diagnostic, std::string_view file) {
    FindingNumbering numbering;
    return numbering.next(diagnostic, file).fingerprint;
}

TEST(OutputHelpers, FingerprintIsStableHexAndIgnoresLines) {
    EXPECT_EQ(output::hex16(fnv1a("")), "cbf29ce484222325");
    EXPECT_EQ(output::hex16(fnv1a("a")), "af63dc4c8601ec8c");  // published FNV-1a test vector
    Report report = sample_report();
    Diagnostic moved = report.diagnostics[0];
    moved.start.line = 40;
    moved.message = "other words";
    EXPECT_EQ(first_fingerprint(moved, "conf/flink-conf.yaml"),
              first_fingerprint(report.diagnostics[0], "conf/flink-conf.yaml"));
    EXPECT_NE(first_fingerprint(report.diagnostics[0], "conf/flink-conf.yaml"),
              first_fingerprint(report.diagnostics[0], "conf/other.yaml"));
    FindingNumbering numbering;
    const FindingIdentity first = numbering.next(report.diagnostics[0], "f");
    const FindingIdentity second = numbering.next(report.diagnostics[0], "f");
    EXPECT_EQ(second.occurrence, 1u);
    EXPECT_NE(first.fingerprint, second.fingerprint);
    // Without a key, numbers in the message do not change the identity.
    Diagnostic keyless = report.diagnostics[0];
    keyless.key.clear();
    keyless.message = "set again on line 12";
    Diagnostic keyless_moved = keyless;
    keyless_moved.message = "set again on line 40";
    EXPECT_EQ(first_fingerprint(keyless, "f"), first_fingerprint(keyless_moved, "f"));
}

TEST(JsonOutput, ExactFieldsOneDiagnosticPerLine) {
    const std::string text = render(OutputFormat::json, sample_report(), repo_options());
    const auto json = nlohmann::json::parse(text);
    ASSERT_EQ(json.size(), 3U);
    EXPECT_EQ(json["version"], 1);
    EXPECT_EQ(json["summary"], nlohmann::json::parse(R"({"files":3,"errors":1,"warnings":1,"infos":1})"));
    ASSERT_EQ(json["diagnostics"].size(), 3U);

    const auto& first = json["diagnostics"][0];
    const std::vector<std::string> fields = {"file", "line", "column",   "end_line", "end_column",
                                             "rule", "name", "category", "severity", "message",
                                             "help", "key",  "fix"};
    std::vector<std::string> keys;
    const nlohmann::ordered_json ordered = nlohmann::ordered_json::parse(text);
    for (const auto& item : ordered["diagnostics"][0].items()) keys.push_back(item.key());
    EXPECT_EQ(keys, fields);
    EXPECT_EQ(first["file"], "/repo/conf/flink-conf.yaml");
    EXPECT_EQ(first["line"], 1);
    EXPECT_EQ(first["column"], 1);
    EXPECT_EQ(first["end_line"], 1);
    EXPECT_EQ(first["end_column"], 29);
    EXPECT_EQ(first["rule"], "FL101");
    EXPECT_EQ(first["name"], "unknown-key");
    EXPECT_EQ(first["category"], "schema");
    EXPECT_EQ(first["severity"], "error");
    EXPECT_EQ(first["key"], "taskmanager.numberOfTaskSlot");
    EXPECT_EQ(first["fix"], nlohmann::json::parse(R"({"safety":"safe",
        "description":"replace with `taskmanager.numberOfTaskSlots`",
        "edits":[{"start":0,"end":28,"replacement":"taskmanager.numberOfTaskSlots"}]})"));
    EXPECT_TRUE(json["diagnostics"][1]["fix"].is_null());
    EXPECT_EQ(json["diagnostics"][1]["category"], "deprecated");
    EXPECT_EQ(json["diagnostics"][2]["severity"], "info");
    EXPECT_EQ(json["diagnostics"][2]["message"], "value \"100%\" is odd,\nreally: <odd> & 'odd'");

    // One diagnostic per line keeps diffs readable.
    EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 5);
    EXPECT_TRUE(text.starts_with("{\"version\":1,\"diagnostics\":[\n{\"file\":"));
}

TEST(JsonOutput, EmptyReportAndInvalidUtf8) {
    Report empty;
    EXPECT_EQ(render(OutputFormat::json, empty),
              "{\"version\":1,\"diagnostics\":[],\"summary\":{\"files\":0,\"errors\":0,\"warnings\":0,"
              "\"infos\":0}}\n");
    Report report = sample_report();
    report.diagnostics[0].message = "bad \xFF byte";
    const auto json = nlohmann::json::parse(render(OutputFormat::json, report));
    EXPECT_EQ(json["diagnostics"][0]["message"], "bad \xEF\xBF\xBD byte");
}

TEST(GithubOutput, AnnotationsWithGithubEscaping) {
    EXPECT_EQ(render(OutputFormat::github, sample_report(), repo_options()),
              "::error file=conf/flink-conf.yaml,line=1,col=1,endLine=1,endColumn=29,title=FL101::"
              "unknown-key: Unknown option `taskmanager.numberOfTaskSlot`%0Ahelp: did you mean "
              "`taskmanager.numberOfTaskSlots`?\n"
              "::warning file=conf/flink-conf.yaml,line=2,col=1,endLine=2,endColumn=14,title=FL201::"
              "deprecated-key: `state.backend` is deprecated%0Ahelp: use `state.backend.type`\n"
              "::notice file=k8s/deploy%2C prod%3A1.yaml,line=3,col=8,endLine=3,endColumn=14,title=FL301::"
              "odd-value: value \"100%25\" is odd,\u240Areally: <odd> & 'odd'\n");
    Report report;
    report.diagnostics.push_back(Diagnostic{});
    report.diagnostics[0].rule_id = "FL0";
    report.diagnostics[0].rule_name = "a:b,c";
    report.diagnostics[0].message = "m\r\n";
    // A line break from a file is shown, never passed on: it could start a workflow command.
    EXPECT_EQ(render(OutputFormat::github, report), "::warning title=FL0::a:b,c: m\u240D\u240A\n");
}

TEST(GitlabOutput, CodeQualityFields) {
    const Report report = sample_report();
    const auto json = nlohmann::json::parse(render(OutputFormat::gitlab, report, repo_options()));
    ASSERT_TRUE(json.is_array());
    ASSERT_EQ(json.size(), 3U);
    const std::regex hex16("[0-9a-f]{16}");
    std::set<std::string> fingerprints;
    for (const auto& issue : json) {
        for (const char* field : {"description", "check_name", "fingerprint", "severity", "location"}) {
            EXPECT_TRUE(issue.contains(field)) << field;
        }
        EXPECT_TRUE(std::regex_match(issue["fingerprint"].get<std::string>(), hex16));
        fingerprints.insert(issue["fingerprint"].get<std::string>());
    }
    EXPECT_EQ(fingerprints.size(), 3U);
    EXPECT_EQ(json[0]["check_name"], "FL101");
    EXPECT_EQ(json[0]["description"], "FL101 unknown-key: Unknown option `taskmanager.numberOfTaskSlot`");
    EXPECT_EQ(json[0]["severity"], "major");
    EXPECT_EQ(json[1]["severity"], "minor");
    EXPECT_EQ(json[2]["severity"], "info");
    EXPECT_EQ(json[0]["location"],
              nlohmann::json::parse(R"({"path":"conf/flink-conf.yaml","lines":{"begin":1,"end":1}})"));
    EXPECT_EQ(json[2]["location"]["path"], "k8s/deploy, prod:1.yaml");
    EXPECT_EQ(json[0]["fingerprint"], first_fingerprint(report.diagnostics[0], "conf/flink-conf.yaml"));

    // The same finding twice keeps distinct, stable fingerprints.
    Report twice;
    twice.diagnostics = {report.diagnostics[0], report.diagnostics[0]};
    const auto repeated = nlohmann::json::parse(render(OutputFormat::gitlab, twice, repo_options()));
    EXPECT_NE(repeated[0]["fingerprint"], repeated[1]["fingerprint"]);
    EXPECT_EQ(repeated[0]["fingerprint"], json[0]["fingerprint"]);
    EXPECT_EQ(render(OutputFormat::gitlab, Report{}), "[]\n");
}

// Minimal XML 1.0 well-formedness: balanced tags, quoted attributes, only known entity references.
std::string xml_problem(std::string_view xml) {
    static const std::regex reference("&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);");
    auto check_text = [](std::string_view text) -> std::string {
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '<') return "raw < in text";
            if (text[i] == '&') {
                const std::size_t end = text.find(';', i);
                if (end == std::string_view::npos) return "unterminated reference";
                const std::string ref(text.substr(i, end - i + 1));
                if (!std::regex_match(ref, reference)) return "bad reference " + ref;
            }
            const auto c = static_cast<unsigned char>(text[i]);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return "control character";
        }
        return {};
    };
    if (xml.starts_with("<?xml")) xml.remove_prefix(xml.find("?>") + 2);
    std::vector<std::string> open;
    int roots = 0;
    std::size_t i = 0;
    while (i < xml.size()) {
        const std::size_t lt = xml.find('<', i);
        if (auto problem =
                check_text(xml.substr(i, lt == std::string_view::npos ? std::string_view::npos : lt - i));
            !problem.empty()) {
            return problem;
        }
        if (lt == std::string_view::npos) break;
        const std::size_t gt = xml.find('>', lt);
        if (gt == std::string_view::npos) return "unterminated tag";
        std::string_view tag = xml.substr(lt + 1, gt - lt - 1);
        i = gt + 1;
        if (tag.starts_with('/')) {
            if (open.empty() || open.back() != tag.substr(1))
                return "mismatched </" + std::string(tag.substr(1)) + ">";
            open.pop_back();
            continue;
        }
        const bool empty = tag.ends_with('/');
        if (empty) tag.remove_suffix(1);
        const std::string name(tag.substr(0, tag.find(' ')));
        if (open.empty()) ++roots;
        // Attributes: name="value" pairs, values without < and with valid references.
        static const std::regex attribute(R"(\s+[A-Za-z_:][-A-Za-z0-9_:.]*="([^"<]*)\")");
        std::string rest(tag.substr(name.size()));
        while (!rest.empty() && rest.back() == ' ') rest.pop_back();
        std::smatch match;
        while (std::regex_search(rest, match, attribute, std::regex_constants::match_continuous)) {
            if (auto problem = check_text(match[1].str()); !problem.empty()) return problem;
            rest = match.suffix();
        }
        if (!rest.empty()) return "bad attributes in <" + name + ">: " + rest;
        if (!empty) open.push_back(name);
    }
    if (!open.empty()) return "unclosed <" + open.back() + ">";
    return roots == 1 ? "" : "expected one root element";
}

TEST(JunitOutput, WellFormedOneSuitePerFileOneCasePerFinding) {
    Report report = sample_report();
    report.diagnostics[2].help = "ctl \x01 and bad \xC0 bytes";
    const std::string xml = render(OutputFormat::junit, report, repo_options());
    EXPECT_EQ(xml_problem(xml), "") << xml;
    EXPECT_EQ(xml_problem("<a><b></a>"), "mismatched </a>");
    EXPECT_EQ(xml_problem("<a x=\"&bogus;\"/>"), "bad reference &bogus;");

    EXPECT_NE(
        xml.find("<testsuites name=\"flinklint\" tests=\"4\" failures=\"3\" errors=\"0\" skipped=\"0\">"),
        std::string::npos);
    EXPECT_NE(xml.find("<testsuite name=\"conf/flink-conf.yaml\" tests=\"2\" failures=\"2\""),
              std::string::npos)
        << xml;
    EXPECT_NE(xml.find("<testcase classname=\"clean.yaml\" name=\"flinklint\" file=\"clean.yaml\"/>"),
              std::string::npos);
    EXPECT_NE(xml.find("<failure type=\"FL101\" message=\"FL101 unknown-key: Unknown option "
                       "`taskmanager.numberOfTaskSlot`\">conf/flink-conf.yaml:1:1: error[FL101 unknown-key]: "
                       "Unknown option `taskmanager.numberOfTaskSlot`\nhelp: did you mean "
                       "`taskmanager.numberOfTaskSlots`?</failure>"),
              std::string::npos)
        << xml;
    EXPECT_NE(
        xml.find("message=\"FL301 odd-value: value &quot;100%&quot; is odd,&#10;really: &lt;odd&gt; &amp; "
                 "&apos;odd&apos;\">"),
        std::string::npos)
        << xml;
    EXPECT_NE(xml.find("help: ctl \u2401 and bad \xEF\xBF\xBD bytes</failure>"), std::string::npos) << xml;
    EXPECT_EQ(std::count(xml.begin(), xml.end(), '\x01'), 0);

    // A second validator when the machine has one.
    if (std::system("xmllint --version > /dev/null 2>&1") == 0) {
        const auto path = std::filesystem::temp_directory_path() / "flinklint-junit-test.xml";
        std::ofstream(path, std::ios::binary) << xml;
        EXPECT_EQ(std::system(("xmllint --noout '" + path.string() + "'").c_str()), 0);
        std::filesystem::remove(path);
    }
}

TEST(JunitOutput, FilesKnownOnlyFromDiagnosticsAndEmptyReports) {
    Report report = sample_report();
    report.files.clear();
    const std::string xml = render(OutputFormat::junit, report);
    EXPECT_EQ(xml_problem(xml), "");
    EXPECT_NE(xml.find("tests=\"3\" failures=\"3\""), std::string::npos) << xml;
    const std::string empty = render(OutputFormat::junit, Report{});
    EXPECT_EQ(xml_problem(empty), "");
    EXPECT_NE(empty.find("tests=\"0\" failures=\"0\""), std::string::npos);
}

TEST(AllFormats, DeterministicAndNeverThrowOnOddInput) {
    Report report = sample_report();
    Diagnostic odd;  // no source, empty strings, inverted positions
    odd.start = {5, 9};
    odd.end = {2, 1};
    odd.span = {100, 3};
    odd.fix = Fix{FixSafety::unsafe, "", {{9, 2, ""}}};
    report.diagnostics.push_back(odd);
    Diagnostic beyond = report.diagnostics[0];  // spans past the end of the text and on a line break
    beyond.span = {1000, 5};
    report.diagnostics.push_back(beyond);
    beyond.span = {31, 31};
    report.diagnostics.push_back(beyond);
    beyond.span = {31, 2};
    report.diagnostics.push_back(beyond);
    report.masked[report.diagnostics[0].source.get()] = {{1000, 2000}, {5, 2}};
    for (const auto format : {OutputFormat::text, OutputFormat::json, OutputFormat::sarif,
                              OutputFormat::github, OutputFormat::junit, OutputFormat::gitlab}) {
        std::string first;
        ASSERT_NO_THROW(first = render(format, report, repo_options()));
        EXPECT_EQ(first, render(format, report, repo_options()));
        EXPECT_FALSE(first.empty());
    }
}

TEST(AllFormats, RandomBytesSpansAndMasks) {
    std::mt19937 random(12345);  // fixed seed: reproducible
    const std::string alphabet = "ab: \t\n\r#\"%,<&\x1b\x7f\xC3\xBC\xE6\x97\xA5\xF0\x9F\x98\x80\xFF\x80";
    for (int round = 0; round < 300; ++round) {
        std::string text;
        const auto length = random() % 40;
        for (std::size_t i = 0; i < length; ++i) text += alphabet[random() % alphabet.size()];
        const auto source = make_source("r" + std::to_string(round) + ".yaml", text);
        auto offset = [&] { return static_cast<std::size_t>(random() % (text.size() + 3)); };
        Report report;
        report.files_checked = 1;
        for (int k = 0; k < 3; ++k) {
            Diagnostic d =
                make_diagnostic(source, {offset(), offset()}, "FL1", "r", Severity::warning, text, text);
            if (k == 1) d.fix = Fix{FixSafety::safe, text, {{offset(), offset(), text}}};
            report.diagnostics.push_back(d);
            report.masked[source.get()].push_back({offset(), offset()});
        }
        for (const auto format : {OutputFormat::text, OutputFormat::json, OutputFormat::sarif,
                                  OutputFormat::github, OutputFormat::junit, OutputFormat::gitlab}) {
            std::string output;
            ASSERT_NO_THROW(output = render(format, report)) << "round " << round;
            if (format == OutputFormat::json || format == OutputFormat::sarif ||
                format == OutputFormat::gitlab) {
                EXPECT_FALSE(nlohmann::json::parse(output, nullptr, false).is_discarded()) << output;
            }
            if (format == OutputFormat::junit) {
                EXPECT_EQ(xml_problem(output), "") << output;
            }
        }
    }
}

}  // namespace
}  // namespace flinklint
