// Output formats: one writer per format, all reading the same Report.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "flinklint/diagnostic.hpp"
#include "flinklint/rule.hpp"

namespace flinklint {

enum class OutputFormat { text, json, sarif, github, junit, gitlab };
std::optional<OutputFormat> parse_output_format(std::string_view name);

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
    bool color = false;                // ANSI colours (text only; only on a TTY)
    std::string tool_version = "0.0.0";
    std::filesystem::path base_dir;    // paths in SARIF/GitHub/GitLab are made relative to this
    bool show_source = true;           // text: source line and caret
};

void write_report(OutputFormat format, std::ostream& out, const Report& report, const OutputOptions& options);

// Masks the secret ranges of `line` (which starts at byte `line_begin` of `source`).
std::string mask_secrets(std::string_view line, std::size_t line_begin, const std::vector<Span>& masked);

}  // namespace flinklint
