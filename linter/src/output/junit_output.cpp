// JUnit XML: a test suite per checked file, a test case with one <failure> per finding, a passing
// case for a clean file.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "output/output_internal.hpp"

namespace flinklint::output {
namespace {

// XML 1.0 text or attribute value: markup escaped, invalid UTF-8 replaced by U+FFFD, other control
// characters and bidi overrides shown as symbols (flinklint/text_util.hpp); in attributes tabs and
// line breaks become references so parsers keep them.
std::string xml_escape(std::string_view text, bool attribute) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = 0;
        const std::size_t length = decode_utf8(text, i, cp);
        i += length;
        switch (cp) {
            case U'&':
                out += "&amp;";
                continue;
            case U'<':
                out += "&lt;";
                continue;
            case U'>':
                out += "&gt;";
                continue;
            case U'"':
                out += attribute ? "&quot;" : "\"";
                continue;
            case U'\'':
                out += attribute ? "&apos;" : "'";
                continue;
            case U'\t':
                out += attribute ? "&#9;" : "\t";
                continue;
            case U'\n':
                out += attribute ? "&#10;" : "\n";
                continue;
            case U'\r':
                out += "&#13;";
                continue;
            default:
                break;
        }
        if (cp == 0xFFFE || cp == 0xFFFF) cp = U'\uFFFD';
        append_visible(out, cp);  // controls XML forbids, and bidi overrides that reorder a CI page
    }
    return out;
}

// Text from the file shows no line break of its own: in a CI log, a line of the report that a key
// or a path starts could be read as a command (`::error ...`).
std::string headline(const Diagnostic& d) {
    return std::to_string(d.start.line) + ":" + std::to_string(d.start.column) + ": " +
           std::string(to_string(d.severity)) + "[" + d.rule_id + " " + d.rule_name +
           "]: " + visible_text(d.message);
}

std::string counts(std::size_t tests, std::size_t failures) {
    return fmt::format(" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\"", tests, failures);
}

// Test cases as the parts come, spilled; the document around them, which opens with the counts,
// at finish(). Each file is a test suite, each finding a test case with one <failure> (Ant's JUnit
// schema, which Jenkins and GitLab read, allows one failure per case and shows only the first), and
// a clean file one passing case. Within a part, the files it checked come in order, then any file
// known only from a diagnostic.
class JunitWriter final : public ReportWriter {
public:
    JunitWriter(std::ostream& out, const OutputOptions& options) : out_(&out), options_(options) {}

    void add(ReportPart part) override {
        std::vector<std::string> files;
        std::map<std::string, std::vector<const Diagnostic*>, std::less<>> by_file;
        for (const std::string& file : part.files) {
            if (by_file.try_emplace(file).second) files.push_back(file);
        }
        for (const Diagnostic& d : part.diagnostics) {
            const std::string file(file_of(d));
            auto [it, inserted] = by_file.try_emplace(file);
            if (inserted) files.push_back(file);
            it->second.push_back(&d);
        }
        std::string text;
        for (const std::string& file : files) suite(file, by_file[file], text);
        spill_.write(text);
    }

    void finish(std::size_t /*files_checked*/) override {
        std::ostream& out = *out_;
        out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        out << "<testsuites name=\"flinklint\"" << counts(tests_, failures_) << ">\n";
        spill_.copy_to(out);
        out << "</testsuites>\n";
    }

private:
    void suite(const std::string& file, const std::vector<const Diagnostic*>& findings, std::string& text) {
        const std::string shown = file.empty() ? "<unknown>" : relative_path(file, options_.base_dir);
        const std::string name = xml_escape(shown, true);
        const std::size_t cases = std::max<std::size_t>(findings.size(), 1);
        tests_ += cases;
        failures_ += findings.size();
        text += "  <testsuite name=\"" + name + "\"" + counts(cases, findings.size()) + ">\n";
        if (findings.empty())
            text += "    <testcase classname=\"" + name + "\" name=\"flinklint\" file=\"" + name + "\"/>\n";
        for (const Diagnostic* d : findings) {
            text += fmt::format(
                "    <testcase classname=\"{0}\" name=\"{1}\" file=\"{0}\" line=\"{2}\">\n", name,
                xml_escape(
                    fmt::format("{} {} at {}:{}", d->rule_id, d->rule_name, d->start.line, d->start.column),
                    true),
                d->start.line);
            text += "      <failure type=\"" + xml_escape(d->rule_id, true) + "\" message=\"" +
                    xml_escape(d->rule_id + " " + d->rule_name + ": " + d->message, true) + "\">" +
                    xml_escape(visible_text(shown) + ":" + headline(*d), false);
            if (!d->help.empty()) text += xml_escape("\nhelp: " + visible_text(d->help), false);
            for (const RelatedLocation& r : d->related) {
                const std::string where =
                    r.source ? relative_path(r.source->path(), options_.base_dir) : shown;
                text += xml_escape(fmt::format("\nnote: {}:{}:{}: {}", visible_text(where), r.start.line,
                                               r.start.column, visible_text(r.message)),
                                   false);
            }
            text += "</failure>\n    </testcase>\n";
        }
        text += "  </testsuite>\n";
    }

    std::ostream* out_;
    OutputOptions options_;
    Spill spill_;
    std::size_t tests_ = 0;
    std::size_t failures_ = 0;
};

}  // namespace

std::unique_ptr<ReportWriter> junit_writer(std::ostream& out, const OutputOptions& options) {
    return std::make_unique<JunitWriter>(out, options);
}

}  // namespace flinklint::output
