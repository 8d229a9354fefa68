// Inputs the fuzzers (tests/fuzz) found, kept as tests: each once crashed, hung or broke an invariant.
#include <gtest/gtest.h>

#include <string>

#include "ingest_test_util.hpp"
#include "test_paths.hpp"

namespace flinklint {
namespace {

using testing::ingest_text;
using testing::read_file;
using testing::source_dir;

// fuzz_k8s: yaml-cpp 0.7 returns the same empty document forever at a `,` outside a flow
// collection; 120 bytes made a million documents (seconds, hundreds of MB).
TEST(FuzzRegressions, StrayCommaEndsTheStream) {
    const std::string dir = (source_dir() / "tests/fuzz/regressions/k8s").string();
    const std::string inputs[] = {
        ",b\n",
        "# x\n  ,b\n",
        "- a\n, b",
        read_file(dir + "/crash-stray-comma-timeout"),
        read_file(dir + "/crash-stray-comma-slow-unit"),
    };
    for (const std::string& text : inputs) {
        for (const FileFormat format : {FileFormat::yaml, FileFormat::kubernetes, FileFormat::compose}) {
            IngestOptions options;
            options.forced_format = format;
            const ParsedFile file = ingest_text("config.yaml", text, options);
            bool refused = false;
            for (const SyntaxIssue& issue : file.issues) {
                refused |= issue.message.find("unexpected character `,`") != std::string::npos;
            }
            for (const ConfigDocument& doc : file.configs) {
                for (const SyntaxIssue& issue : doc.issues) {
                    refused |= issue.message.find("unexpected character `,`") != std::string::npos;
                }
            }
            EXPECT_TRUE(refused) << text;
        }
    }
}

// fuzz_yaml_ingest: a file that starts with a NUL byte is read by yaml-cpp as UTF-16, so its marks
// count code units, not bytes; the root's span ran past the end of the text. Every span stays inside.
TEST(FuzzRegressions, SpansStayInsideTheTextWhateverYamlCppCounts) {
    const std::string text = read_file(
        (source_dir() / "tests/fuzz/regressions/yaml_ingest/crash-leading-nul-read-as-utf16").string());
    for (const FileFormat format : {FileFormat::yaml, FileFormat::kubernetes, FileFormat::compose}) {
        IngestOptions options;
        options.forced_format = format;
        const ParsedFile file = ingest_text("config.yaml", text, options);
        const auto inside = [&](Span span) { return span.begin <= span.end && span.end <= text.size(); };
        for (const SyntaxIssue& issue : file.issues) EXPECT_TRUE(inside(issue.span)) << issue.message;
        for (const ConfigDocument& doc : file.configs) {
            for (const SyntaxIssue& issue : doc.issues) EXPECT_TRUE(inside(issue.span)) << issue.message;
            for (const ConfigEntry& entry : doc.entries) {
                EXPECT_TRUE(inside(entry.key_span) && inside(entry.value_span) && inside(entry.entry_span));
            }
        }
    }
}

}  // namespace
}  // namespace flinklint
