// Output formats: one writer per format, fed a report whole or a part at a time.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "flinklint/diagnostic.hpp"
#include "flinklint/masking.hpp"
#include "flinklint/rule.hpp"

namespace flinklint {

enum class OutputFormat { text, json, sarif, github, junit, gitlab };
std::optional<OutputFormat> parse_output_format(std::string_view name);

// The Flink version one configuration of a file was checked against, and why.
struct FileVersionInfo {
    std::string path;
    std::string where;    // the configuration inside the file ("FlinkDeployment basic"), or the path
    std::string version;  // "1.17"
    std::string reason;   // "image flink:1.17.2 in docker-compose.yaml:4"
};

struct Report {
    std::vector<Diagnostic> diagnostics;  // sorted by file, line, column, rule
    std::size_t files_checked = 0;
    // Byte ranges that hold secret values (keys Flink treats as sensitive): never printed.
    std::map<const Source*, std::vector<Span>> masked;
    // Paths of the files checked, in order (JUnit has one test case per file). When both are set,
    // the larger of files_checked and files.size() is the count reported.
    std::vector<std::string> files;
};

struct OutputOptions {
    bool color = false;  // ANSI colours (text only; only on a TTY)
    std::string tool_version = "0.0.0";
    std::filesystem::path base_dir;  // paths in SARIF/GitHub/GitLab/JUnit are made relative to this
    bool show_source = true;         // text: source line and caret
    bool concise = false;            // text: one line per finding (no source, notes or help)
    bool summary = true;             // text: the "Found N problems" lines (off with --quiet)
    bool statistics = false;         // text and json: counts per rule instead of the findings
};

void write_report(OutputFormat format, std::ostream& out, const Report& report, const OutputOptions& options);

// A piece of a report: the findings of some files, complete. Parts arrive in report order, so the
// diagnostics of all parts, one part after the other, are sorted as Report::diagnostics is.
struct ReportPart {
    std::vector<Diagnostic> diagnostics;
    std::map<const Source*, std::vector<Span>> masked;
    std::vector<std::string> files;         // checked, in order
    std::vector<FileVersionInfo> versions;  // per configuration, in file order
};

// Writes a report as its parts arrive, so that a caller can free a part's sources once it is added.
// Text, JSON, GitHub and GitLab stream. SARIF streams its results into a temporary file (its rule
// table, which comes first, also lists rules that only a diagnostic names); JUnit its test cases
// (the counts open the document).
class ReportWriter {
public:
    virtual ~ReportWriter() = default;
    virtual void begin() {}
    virtual void add(ReportPart part) = 0;
    // `files_checked` counts when it is above the number of files the parts listed.
    virtual void finish(std::size_t files_checked) = 0;
};

std::unique_ptr<ReportWriter> make_report_writer(OutputFormat format, std::ostream& out,
                                                 const OutputOptions& options);

}  // namespace flinklint
