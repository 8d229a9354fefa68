// JUnit XML: one test case per checked file, one <failure> per finding in it.
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

// Test cases as the parts come, spilled; the document around them, which opens with the counts,
// at finish(). Within a part, the files it checked come in order, then any file known only from a
// diagnostic.
class JunitWriter final : public ReportWriter {
public:
    explicit JunitWriter(std::ostream& out) : out_(&out) {}

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
        for (const std::string& file : files) {
            ++tests_;
            const std::string name = xml_escape(file.empty() ? "<unknown>" : file, true);
            text += "    <testcase classname=\"flinklint\" name=\"" + name + "\" file=\"" + name + '"';
            const auto& findings = by_file[file];
            if (findings.empty()) {
                text += "/>\n";
                continue;
            }
            ++failures_;
            text += ">\n";
            for (const Diagnostic* d : findings) {
                text += "      <failure type=\"" + xml_escape(d->rule_id, true) + "\" message=\"" +
                        xml_escape(d->rule_id + " " + d->rule_name + ": " + d->message, true) + "\">" +
                        xml_escape(visible_text(file) + ":" + headline(*d), false);
                if (!d->help.empty()) text += xml_escape("\nhelp: " + visible_text(d->help), false);
                for (const RelatedLocation& r : d->related) {
                    const std::string where = r.source ? r.source->path() : file;
                    text += xml_escape(fmt::format("\nnote: {}:{}:{}: {}", visible_text(where), r.start.line,
                                                   r.start.column, visible_text(r.message)),
                                       false);
                }
                text += "</failure>\n";
            }
            text += "    </testcase>\n";
        }
        spill_.write(text);
    }

    void finish(std::size_t /*files_checked*/) override {
        const std::string counts = " tests=\"" + std::to_string(tests_) + "\" failures=\"" +
                                   std::to_string(failures_) + "\" errors=\"0\" skipped=\"0\"";
        std::ostream& out = *out_;
        out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        out << "<testsuites name=\"flinklint\"" << counts << ">\n";
        out << "  <testsuite name=\"flinklint\"" << counts << ">\n";
        spill_.copy_to(out);
        out << "  </testsuite>\n";
        out << "</testsuites>\n";
    }

private:
    std::ostream* out_;
    Spill spill_;
    std::size_t tests_ = 0;
    std::size_t failures_ = 0;
};

}  // namespace

std::unique_ptr<ReportWriter> junit_writer(std::ostream& out) {
    return std::make_unique<JunitWriter>(out);
}

}  // namespace flinklint::output
