// Builds Reports by hand for the output tests: sources from strings, diagnostics on substrings.
#pragma once

#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

#include "flinklint/output.hpp"

namespace flinklint::testing {

inline SourcePtr make_source(std::string path, std::string text) {
    return std::make_shared<const Source>(std::move(path), std::move(text));
}

// Span of the `occurrence`-th (0-based) match of `needle` in the source.
inline Span find_span(const Source& source, std::string_view needle, int occurrence = 0) {
    std::size_t at = source.text().find(needle);
    for (int i = 0; i < occurrence && at != std::string::npos; ++i) at = source.text().find(needle, at + 1);
    if (at == std::string::npos) throw std::invalid_argument("needle not in source: " + std::string(needle));
    return {at, at + needle.size()};
}

// A diagnostic with start/end filled from the span, as the reporter does.
inline Diagnostic make_diagnostic(const SourcePtr& source, Span span, std::string id, std::string name,
                                  Severity severity, std::string message, std::string help = "") {
    Diagnostic d;
    d.rule_id = std::move(id);
    d.rule_name = std::move(name);
    d.severity = severity;
    d.source = source;
    d.span = span;
    d.start = source->position(span.begin);
    d.end = source->position(span.end);
    d.message = std::move(message);
    d.help = std::move(help);
    return d;
}

inline std::string render(OutputFormat format, const Report& report, OutputOptions options = {}) {
    std::ostringstream out;
    write_report(format, out, report, options);
    return out.str();
}

// Two files, three findings: an error with a safe fix, a warning and an info without help.
inline Report sample_report() {
    const auto a = make_source("/repo/conf/flink-conf.yaml",
                               "taskmanager.numberOfTaskSlot: 4\nstate.backend: rocksdb\n");
    const auto b =
        make_source("/repo/k8s/deploy, prod:1.yaml", "spec:\n  flinkConfiguration:\n    x: \"100%\"\n");
    Report report;
    report.files = {"/repo/conf/flink-conf.yaml", "/repo/k8s/deploy, prod:1.yaml", "/repo/clean.yaml"};
    report.files_checked = 3;
    auto unknown = make_diagnostic(a, find_span(*a, "taskmanager.numberOfTaskSlot"), "FL101", "unknown-key",
                                   Severity::error, "Unknown option `taskmanager.numberOfTaskSlot`",
                                   "did you mean `taskmanager.numberOfTaskSlots`?");
    unknown.key = "taskmanager.numberOfTaskSlot";
    unknown.fix = Fix{FixSafety::safe,
                      "replace with `taskmanager.numberOfTaskSlots`",
                      {{0, 28, "taskmanager.numberOfTaskSlots"}}};
    auto deprecated =
        make_diagnostic(a, find_span(*a, "state.backend"), "FL201", "deprecated-key", Severity::warning,
                        "`state.backend` is deprecated", "use `state.backend.type`");
    deprecated.category = Category::deprecated;
    deprecated.key = "state.backend";
    auto percent = make_diagnostic(b, find_span(*b, "\"100%\""), "FL301", "odd-value", Severity::info,
                                   "value \"100%\" is odd,\nreally: <odd> & 'odd'");
    percent.category = Category::memory;
    percent.key = "x";
    report.diagnostics = {unknown, deprecated, percent};
    return report;
}

inline OutputOptions repo_options() {
    OutputOptions options;
    options.base_dir = "/repo";
    return options;
}

}  // namespace flinklint::testing
