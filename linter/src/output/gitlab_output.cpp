// GitLab Code Quality report: a JSON array of Code Climate issues.
#include <algorithm>
#include <map>

#include "output/output_internal.hpp"

namespace flinklint::output {
namespace {

using Json = nlohmann::ordered_json;

std::string_view gitlab_severity(Severity severity) {
    switch (severity) {
        case Severity::error:
            return "major";
        case Severity::warning:
            return "minor";
        case Severity::info:
            return "info";
    }
    return "minor";
}

// Code Climate categories (the spec requires at least one).
std::string_view category(Category category) {
    switch (category) {
        case Category::security:
            return "Security";
        case Category::deprecated:
            return "Compatibility";
        default:
            return "Bug Risk";
    }
}

}  // namespace

void write_gitlab(std::ostream& out, const Report& report, const OutputOptions& options) {
    // GitLab keeps one issue per fingerprint: repeated findings get a numbered fingerprint.
    std::map<std::string, std::size_t> seen;
    out << '[';
    const char* separator = "\n";
    for (const Diagnostic& d : report.diagnostics) {
        const std::string file = relative_path(file_of(d), options.base_dir);
        const std::string base = fingerprint(d, file);
        const std::size_t occurrence = seen[base]++;

        const int begin_line = std::max(1, d.start.line);
        Json issue = Json::object();
        issue["type"] = "issue";
        issue["description"] = d.rule_id + " " + d.rule_name + ": " + d.message;
        issue["check_name"] = d.rule_id;
        issue["categories"] = Json::array({category(d.category)});
        issue["fingerprint"] = occurrence == 0 ? base : fingerprint(d, file, occurrence);
        issue["severity"] = gitlab_severity(d.severity);
        issue["location"] = {{"path", file},
                             {"lines", {{"begin", begin_line}, {"end", std::max(begin_line, d.end.line)}}}};
        out << separator << dump_json(issue);
        separator = ",\n";
    }
    out << (report.diagnostics.empty() ? "]\n" : "\n]\n");
}

}  // namespace flinklint::output
