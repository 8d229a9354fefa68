// GitHub Actions workflow commands: one `::error file=...::message` annotation per diagnostic.
#include <memory>

#include "output/output_internal.hpp"

namespace flinklint::output {
namespace {

// GitHub's escaping (actions/toolkit, command.ts): data escapes % CR LF; properties also : and ,.
// Before it, what came from a file or a path loses its control characters (ESC, BEL, line breaks)
// and bidi overrides: the log shows them as symbols instead of running or reordering them.
std::string escape(std::string_view raw, bool property) {
    const std::string text = visible_text(raw);
    std::string escaped;
    escaped.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '%':
                escaped += "%25";
                break;
            case '\r':
                escaped += "%0D";
                break;
            case '\n':
                escaped += "%0A";
                break;
            case ':':
                escaped += property ? "%3A" : ":";
                break;
            case ',':
                escaped += property ? "%2C" : ",";
                break;
            default:
                escaped += c;
        }
    }
    return escaped;
}

std::string_view command(Severity severity) {
    switch (severity) {
        case Severity::error:
            return "error";
        case Severity::warning:
            return "warning";
        case Severity::info:
            return "notice";
    }
    return "warning";
}

class GithubWriter final : public ReportWriter {
public:
    GithubWriter(std::ostream& out, const OutputOptions& options) : out_(&out), options_(options) {}

    void add(ReportPart part) override {
        std::ostream& out = *out_;
        for (const Diagnostic& d : part.diagnostics) {
            out << "::" << command(d.severity) << ' ';
            if (d.source) {
                out << "file=" << escape(relative_path(d.source->path(), options_.base_dir), true) << ','
                    << "line=" << d.start.line << ",col=" << d.start.column << ",endLine=" << d.end.line
                    << ",endColumn=" << d.end.column << ',';
            }
            // The title is the rule id alone (what annotations are grouped by); the name leads the message.
            out << "title=" << escape(d.rule_id, true)
                << "::" << escape(d.rule_name + ": " + d.message, false);
            if (!d.help.empty()) out << "%0Ahelp: " << escape(d.help, false);
            out << '\n';
        }
    }

    void finish(std::size_t /*files_checked*/) override {}

private:
    std::ostream* out_;
    OutputOptions options_;
};

}  // namespace

std::unique_ptr<ReportWriter> github_writer(std::ostream& out, const OutputOptions& options) {
    return std::make_unique<GithubWriter>(out, options);
}

}  // namespace flinklint::output
