#include <gtest/gtest.h>

#include "output_test_support.hpp"

namespace flinklint {
namespace {

using testing::find_span;
using testing::make_diagnostic;
using testing::make_source;
using testing::render;

Report one(const Diagnostic& d) {
    Report report;
    report.diagnostics.push_back(d);
    report.files_checked = 1;
    return report;
}

TEST(TextOutput, HeaderSnippetCaretHelpAndSummary) {
    const auto src =
        make_source("conf/flink-conf.yaml", "jobmanager.rpc.port: 6123\ntaskmanager.numberOfTaskSlot: 4\n");
    const auto d = make_diagnostic(
        src, find_span(*src, "taskmanager.numberOfTaskSlot"), "FL101", "unknown-key", Severity::error,
        "Unknown option `taskmanager.numberOfTaskSlot`", "did you mean `taskmanager.numberOfTaskSlots`?");
    EXPECT_EQ(
        render(OutputFormat::text, one(d)),
        "conf/flink-conf.yaml:2:1: error[FL101 unknown-key]: Unknown option `taskmanager.numberOfTaskSlot`\n"
        "2 | taskmanager.numberOfTaskSlot: 4\n"
        "  | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
        "  help: did you mean `taskmanager.numberOfTaskSlots`?\n"
        "\n"
        "Found 1 problem (1 error, 0 warnings, 0 infos) in 1 file.\n");
}

TEST(TextOutput, MultiByteUtf8CountsCodePointsAndWideCharacters) {
    const auto src = make_source("a.yaml", "city: \"Z\xC3\xBCrich \xE6\x97\xA5\xE6\x9C\xAC\"\n");
    const auto d = make_diagnostic(src, find_span(*src, "\xE6\x97\xA5\xE6\x9C\xAC"), "FL201", "some-rule",
                                   Severity::warning, "msg");
    EXPECT_EQ(d.start.column, 15);
    EXPECT_EQ(render(OutputFormat::text, one(d)),
              "a.yaml:1:15: warning[FL201 some-rule]: msg\n"
              "1 | city: \"Z\xC3\xBCrich \xE6\x97\xA5\xE6\x9C\xAC\"\n"
              "  |               ^~~~\n"
              "\n"
              "Found 1 problem (0 errors, 1 warning, 0 infos) in 1 file.\n");
}

TEST(TextOutput, TabsExpandToStopsOfFour) {
    const auto src = make_source("a.conf", "key:\tvalue # c\na\tb\n");
    Report report;
    report.files_checked = 1;
    report.diagnostics.push_back(
        make_diagnostic(src, find_span(*src, "value"), "FL102", "bad-value", Severity::info, "first"));
    const Span b{find_span(*src, "\tb").begin + 1, find_span(*src, "\tb").end};
    report.diagnostics.push_back(make_diagnostic(src, b, "FL102", "bad-value", Severity::info, "second"));
    EXPECT_EQ(render(OutputFormat::text, report),
              "a.conf:1:6: info[FL102 bad-value]: first\n"
              "1 | key:    value # c\n"
              "  |         ^~~~~\n"
              "\n"
              "a.conf:2:3: info[FL102 bad-value]: second\n"
              "2 | a   b\n"
              "  |     ^\n"
              "\n"
              "Found 2 problems (0 errors, 0 warnings, 2 infos) in 1 file.\n");
}

TEST(TextOutput, SecretsAreMaskedAndCaretsFollowTheMask) {
    const auto src = make_source("c.yaml", "s3.secret-key: hunter2hunter2 # x\n");
    const Span value = find_span(*src, "hunter2hunter2");
    Report report;
    report.files_checked = 1;
    report.masked[src.get()] = {value};
    report.diagnostics.push_back(make_diagnostic(src, find_span(*src, "s3.secret-key"), "FL901",
                                                 "plain-secret", Severity::error, "key"));
    report.diagnostics.push_back(
        make_diagnostic(src, value, "FL901", "plain-secret", Severity::error, "value"));
    // A span that starts inside the secret widens to the whole mask.
    report.diagnostics.push_back(make_diagnostic(src, {value.begin + 3, value.begin + 5}, "FL901",
                                                 "plain-secret", Severity::error, "inner"));
    report.diagnostics.push_back(
        make_diagnostic(src, find_span(*src, "# x"), "FL901", "plain-secret", Severity::error, "after"));
    const std::string text = render(OutputFormat::text, report);
    EXPECT_EQ(text.find("hunter2"), std::string::npos);
    EXPECT_EQ(text,
              "c.yaml:1:1: error[FL901 plain-secret]: key\n"
              "1 | s3.secret-key: ****** # x\n"
              "  | ^~~~~~~~~~~~~\n"
              "\n"
              "c.yaml:1:16: error[FL901 plain-secret]: value\n"
              "1 | s3.secret-key: ****** # x\n"
              "  |                ^~~~~~\n"
              "\n"
              "c.yaml:1:19: error[FL901 plain-secret]: inner\n"
              "1 | s3.secret-key: ****** # x\n"
              "  |                ^~~~~~\n"
              "\n"
              "c.yaml:1:31: error[FL901 plain-secret]: after\n"
              "1 | s3.secret-key: ****** # x\n"
              "  |                       ^~~\n"
              "\n"
              "Found 4 problems (4 errors, 0 warnings, 0 infos) in 1 file.\n");
}

TEST(TextOutput, MaskStartingInsideAMultiByteCharacterHidesAllOfIt) {
    const auto src = make_source("c.yaml", "k: \xC3\xBCx\n");
    Report report = one(make_diagnostic(src, {0, 1}, "FL1", "r", Severity::info, "m"));
    report.masked[src.get()] = {{4, 6}};  // second byte of ü and the x
    EXPECT_EQ(render(OutputFormat::text, report),
              "c.yaml:1:1: info[FL1 r]: m\n"
              "1 | k: \xEF\xBF\xBD******\n"
              "  | ^\n"
              "\n"
              "Found 1 problem (0 errors, 0 warnings, 1 info) in 1 file.\n");
}

TEST(TextOutput, SpanIsClippedToItsFirstLineAndEmptySpansGetOneCaret) {
    const auto src = make_source("m.yaml", "a: 1\r\nb: 2\r\n\r\nkey: \n");
    Report report;
    report.files_checked = 2;
    report.diagnostics.push_back(make_diagnostic(src, {0, 10}, "FL1", "r", Severity::info, "multi-line"));
    report.diagnostics.push_back(make_diagnostic(src, {12, 12}, "FL1", "r", Severity::info, "empty line"));
    const std::size_t end_of_key_line = src->text().size() - 1;
    report.diagnostics.push_back(
        make_diagnostic(src, {end_of_key_line, end_of_key_line}, "FL1", "r", Severity::info, "end of line"));
    EXPECT_EQ(render(OutputFormat::text, report),
              "m.yaml:1:1: info[FL1 r]: multi-line\n"
              "1 | a: 1\n"
              "  | ^~~~\n"
              "\n"
              "m.yaml:3:1: info[FL1 r]: empty line\n"
              "3 |\n"
              "  | ^\n"
              "\n"
              "m.yaml:4:6: info[FL1 r]: end of line\n"
              "4 | key: \n"
              "  |      ^\n"
              "\n"
              "Found 3 problems (0 errors, 0 warnings, 3 infos) in 2 files.\n");
}

TEST(TextOutput, ControlCharactersAreShownNotEmitted) {
    const auto src = make_source("x.yaml", "k: a\x1b[31mb\n");
    const auto d =
        make_diagnostic(src, find_span(*src, "a\x1b"), "FL1", "r", Severity::warning, "bad \x1b[2J msg");
    const std::string text = render(OutputFormat::text, one(d));
    EXPECT_EQ(text.find('\x1b'), std::string::npos);
    EXPECT_NE(text.find("1 | k: a\xE2\x90\x9B[31mb\n  |    ^~\n"), std::string::npos) << text;
    EXPECT_NE(text.find("bad \xE2\x90\x9B[2J msg"), std::string::npos) << text;
}

TEST(TextOutput, WideLineNumbersWidenTheGutter) {
    std::string text;
    for (int i = 0; i < 11; ++i) text.append("k").append(std::to_string(i)).append(": v\n");
    const auto src = make_source("w.yaml", text);
    const auto d = make_diagnostic(src, find_span(*src, "k10"), "FL1", "r", Severity::warning, "m");
    EXPECT_EQ(render(OutputFormat::text, one(d)),
              "w.yaml:11:1: warning[FL1 r]: m\n"
              "11 | k10: v\n"
              "   | ^~~\n"
              "\n"
              "Found 1 problem (0 errors, 1 warning, 0 infos) in 1 file.\n");
}

TEST(TextOutput, WithoutSourceOrSnippet) {
    const auto src = make_source("a.yaml", "a: 1\n");
    Diagnostic no_source;
    no_source.rule_id = "FL000";
    no_source.rule_name = "internal";
    no_source.severity = Severity::error;
    no_source.message = "cannot read";
    Report report = one(make_diagnostic(src, {0, 1}, "FL1", "r", Severity::warning, "m", "do this"));
    report.diagnostics.push_back(no_source);
    OutputOptions options;
    options.show_source = false;
    EXPECT_EQ(render(OutputFormat::text, report, options),
              "a.yaml:1:1: warning[FL1 r]: m\n"
              "  help: do this\n"
              "\n"
              "<unknown>:1:1: error[FL000 internal]: cannot read\n"
              "\n"
              "Found 2 problems (1 error, 1 warning, 0 infos) in 1 file.\n");
}

TEST(TextOutput, SummaryWithoutProblemsAndWithFixes) {
    Report empty;
    empty.files_checked = 3;
    EXPECT_EQ(render(OutputFormat::text, empty), "No problems found in 3 files.\n");
    empty.files_checked = 0;
    empty.files = {"a.yaml"};
    EXPECT_EQ(render(OutputFormat::text, empty), "No problems found in 1 file.\n");

    const auto src = make_source("a.yaml", "a: 1\n");
    Report report;
    report.files_checked = 1;
    OutputOptions options;
    options.show_source = false;
    auto fixed = make_diagnostic(src, {0, 1}, "FL1", "r", Severity::warning, "m");
    fixed.fix = Fix{FixSafety::unsafe, "drop", {{0, 5, ""}}};
    report.diagnostics.push_back(fixed);
    EXPECT_NE(
        render(OutputFormat::text, report, options).find("in 1 file.\n1 fixable with --unsafe-fixes.\n"),
        std::string::npos);
    fixed.fix->safety = FixSafety::safe;
    report.diagnostics.push_back(fixed);
    report.diagnostics.push_back(fixed);
    EXPECT_NE(render(OutputFormat::text, report, options)
                  .find("in 1 file.\n2 fixable with --fix (1 more with --unsafe-fixes).\n"),
              std::string::npos);
}

TEST(TextOutput, ColoursOnlyOnRequest) {
    const auto src = make_source("a.yaml", "a: 1\n");
    const Report report =
        one(make_diagnostic(src, {0, 1}, "FL101", "unknown-key", Severity::error, "m", "h"));
    EXPECT_EQ(render(OutputFormat::text, report).find('\x1b'), std::string::npos);
    OutputOptions options;
    options.color = true;
    const std::string text = render(OutputFormat::text, report, options);
    EXPECT_NE(text.find("\x1b[1ma.yaml:1:1:\x1b[0m \x1b[1;31merror[FL101 unknown-key]\x1b[0m: m\n"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("\x1b[1;32mhelp:\x1b[0m h"), std::string::npos) << text;
    auto warning = report;
    warning.diagnostics[0].severity = Severity::warning;
    EXPECT_NE(render(OutputFormat::text, warning, options).find("\x1b[1;33mwarning["), std::string::npos);
    warning.diagnostics[0].severity = Severity::info;
    EXPECT_NE(render(OutputFormat::text, warning, options).find("\x1b[1;36minfo["), std::string::npos);
}

TEST(MaskSecrets, ReplacesEachRangeOnTheLine) {
    // The line "b: secret, other" starts at byte 10 of its file.
    const std::vector<Span> masked = {{21, 28}, {13, 19}, {15, 17}, {0, 5}, {30, 40}};
    EXPECT_EQ(mask_secrets("b: secret, other", 10, masked), "b: ******, ******");
    EXPECT_EQ(mask_secrets("b: secret", 10, {}), "b: secret");
    EXPECT_EQ(mask_secrets("b: secret", 10, {{5, 12}}), "****** secret");
    EXPECT_EQ(mask_secrets("", 10, {{5, 12}}), "");
}

}  // namespace
}  // namespace flinklint
