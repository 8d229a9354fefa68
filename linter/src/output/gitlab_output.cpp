// GitLab Code Quality report: a JSON array of Code Climate issues.
#include <algorithm>
#include <memory>
#include <unordered_map>

#include "flinklint/fingerprint.hpp"
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

class GitlabWriter final : public ReportWriter {
public:
    GitlabWriter(std::ostream& out, const OutputOptions& options) : out_(&out), options_(options) {}

    void begin() override { *out_ << '['; }

    void add(ReportPart part) override {
        for (const Diagnostic& d : part.diagnostics) {
            const std::string file = relative_path(file_of(d), options_.base_dir);
            const FindingIdentity identity = numbering_.next(d, file);

            const int begin_line = std::max(1, d.start.line);
            Json issue = Json::object();
            issue["type"] = "issue";
            issue["description"] = d.rule_id + " " + d.rule_name + ": " + d.message;
            issue["check_name"] = d.rule_id;
            issue["categories"] = Json::array({category(d.category)});
            issue["fingerprint"] = identity.fingerprint;  // GitLab keeps one issue per fingerprint
            issue["severity"] = gitlab_severity(d.severity);
            issue["location"] = {
                {"path", file},
                {"lines", {{"begin", begin_line}, {"end", std::max(begin_line, d.end.line)}}}};
            // Code Climate's other_locations: every other place of the same mistake.
            if (!d.related.empty()) {
                Json others = Json::array();
                for (const RelatedLocation& r : d.related) {
                    const std::string where =
                        r.source ? relative_path(r.source->path(), options_.base_dir) : file;
                    others.push_back(
                        {{"path", where}, {"lines", {{"begin", r.start.line}, {"end", r.start.line}}}});
                }
                issue["other_locations"] = std::move(others);
            }
            *out_ << (any_ ? ",\n" : "\n") << dump_json(issue);
            any_ = true;
        }
    }

    void finish(std::size_t /*files_checked*/) override { *out_ << (any_ ? "\n]\n" : "]\n"); }

private:
    std::ostream* out_;
    OutputOptions options_;
    FindingNumbering numbering_;
    bool any_ = false;
};

}  // namespace

std::unique_ptr<ReportWriter> gitlab_writer(std::ostream& out, const OutputOptions& options) {
    return std::make_unique<GitlabWriter>(out, options);
}

}  // namespace flinklint::output
