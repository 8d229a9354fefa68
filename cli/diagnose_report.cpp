#include "cli/diagnose_report.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <map>
#include <memory>

#include "flinklint/output.hpp"

namespace flinklint::cli {
namespace {

using Json = nlohmann::json;
using diagnose::Diagnosis;
using diagnose::Result;

// 12000 -> "12,000": line counts of large logs read better grouped.
std::string grouped(std::size_t n) {
    std::string digits = std::to_string(n);
    for (std::size_t at = digits.size(); at > 3; at -= 3) digits.insert(at - 3, ",");
    return digits;
}

std::string role_text(const Result& result, const Diagnosis& d) {
    if (d.role == diagnose::Role::root_cause) return "root cause";
    if (!d.caused_by) return "consequence of a failure not recognised in this evidence";
    const Diagnosis& root = result.diagnoses[*d.caused_by];
    return fmt::format("consequence of {} {} at {}:{}", root.id, root.name, root.path, root.line);
}

std::string changes_text(const Diagnosis& d) {
    std::vector<std::string> parts;
    for (const auto& change : d.changes)
        parts.push_back(fmt::format("set `{}: {}` ({})", change.key, change.value, change.reason));
    for (const auto& note : d.notes) parts.push_back(note);
    return fmt::format("{}", fmt::join(parts, "; "));
}

// One Diagnostic per diagnosis, located at the log line (the output layer prints no snippet: a log
// is never held in memory whole).
Report to_report(const Result& result) {
    Report report;
    std::map<std::string, SourcePtr> sources;
    for (const auto& log : result.logs) {
        sources.emplace(log.path, std::make_shared<const Source>(log.path, std::string()));
        report.files.push_back(log.path);
    }
    for (const Diagnosis& d : result.diagnoses) {
        // A snapshot's findings cite the files inside it: each is a source of its own.
        auto& source = sources[d.path];
        if (!source) {
            source = std::make_shared<const Source>(d.path, std::string());
            report.files.push_back(d.path);
        }
        Diagnostic diagnostic{d.id, d.name, d.category, d.severity, source};
        diagnostic.start = {static_cast<int>(d.line), 1};
        diagnostic.end = diagnostic.start;
        diagnostic.message = fmt::format("{} [{}{}]", d.cause, role_text(result, d),
                                         d.occurrences > 1 ? fmt::format(", {} times", d.occurrences) : "");
        diagnostic.help = changes_text(d);
        report.diagnostics.push_back(std::move(diagnostic));
    }
    report.files_checked = result.logs.size();
    return report;
}

void write_unrecognised(const Result& result, std::ostream& out) {
    for (const auto& log : result.logs) {
        if (!log.error.empty()) continue;
        // A snapshot's findings cite the files inside it.
        const bool any =
            std::any_of(result.diagnoses.begin(), result.diagnoses.end(), [&](const Diagnosis& d) {
                return d.path == log.path || (log.snapshot && d.path.starts_with(log.path + "/"));
            });
        if (!any)
            out << fmt::format("{}: no known failure in {} {}\n", log.path, grouped(log.lines),
                               log.snapshot ? "files" : "lines");
    }
}

Json to_json(const Result& result) {
    Json logs = Json::array();
    for (const auto& log : result.logs) {
        Json entry = {{"path", log.path}, {"lines", log.lines}, {"bytes", log.bytes}, {"gzip", log.gzip}};
        if (!log.error.empty()) entry["error"] = log.error;
        if (log.snapshot) entry["snapshot"] = true;
        logs.push_back(std::move(entry));
    }
    Json diagnoses = Json::array();
    for (const Diagnosis& d : result.diagnoses) {
        Json changes = Json::array();
        for (const auto& c : d.changes)
            changes.push_back({{"key", c.key}, {"value", c.value}, {"reason", c.reason}});
        Json entry = {{"id", d.id},
                      {"name", d.name},
                      {"category", std::string(to_string(d.category))},
                      {"severity", std::string(to_string(d.severity))},
                      {"path", d.path},
                      {"line", d.line},
                      {"evidence", d.evidence},
                      {"occurrences", d.occurrences},
                      {"role", d.role == diagnose::Role::root_cause ? "root-cause" : "consequence"},
                      {"cause", d.cause},
                      {"changes", std::move(changes)},
                      {"notes", d.notes}};
        if (d.caused_by) {
            const Diagnosis& root = result.diagnoses[*d.caused_by];
            entry["caused_by"] = {{"id", root.id}, {"path", root.path}, {"line", root.line}};
        }
        diagnoses.push_back(std::move(entry));
    }
    return {{"logs", std::move(logs)}, {"diagnoses", std::move(diagnoses)}};
}

void write_markdown(const Result& result, std::ostream& out) {
    out << "# flinklint diagnose\n\n";
    for (const Diagnosis& d : result.diagnoses) {
        out << fmt::format("## {} {} ({})\n\n", d.id, d.name, role_text(result, d));
        out << fmt::format("`{}:{}`: `{}`\n\n{}.\n\n", d.path, d.line, d.evidence, d.cause);
        for (const auto& c : d.changes) out << fmt::format("- set `{}: {}`: {}\n", c.key, c.value, c.reason);
        for (const auto& note : d.notes) out << "- " << note << "\n";
        if (!d.changes.empty() || !d.notes.empty()) out << "\n";
    }
    write_unrecognised(result, out);
}

}  // namespace

std::optional<DiagnoseFormat> parse_diagnose_format(std::string_view name) {
    if (name == "text") return DiagnoseFormat::text;
    if (name == "json") return DiagnoseFormat::json;
    if (name == "markdown") return DiagnoseFormat::markdown;
    if (name == "sarif") return DiagnoseFormat::sarif;
    return std::nullopt;
}

void render_diagnosis(const Result& result, DiagnoseFormat format, std::ostream& out) {
    OutputOptions options;
    options.show_source = false;
    options.tool_version = FLINKLINT_VERSION;
    switch (format) {
        case DiagnoseFormat::json:
            out << to_json(result).dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
            return;
        case DiagnoseFormat::markdown:
            write_markdown(result, out);
            return;
        case DiagnoseFormat::sarif:
            write_report(OutputFormat::sarif, out, to_report(result), options);
            return;
        case DiagnoseFormat::text:
            if (!result.diagnoses.empty()) write_report(OutputFormat::text, out, to_report(result), options);
            write_unrecognised(result, out);
            return;
    }
}

}  // namespace flinklint::cli
