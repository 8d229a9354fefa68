// JUnit XML: one test case per checked file, one <failure> per finding in it.
#include <algorithm>
#include <map>

#include "output/output_internal.hpp"

namespace flinklint::output {
namespace {

// XML 1.0 text or attribute value: markup escaped, invalid UTF-8 and forbidden control characters
// replaced by U+FFFD; in attributes tabs and line breaks become references so parsers keep them.
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
        const bool allowed = cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF;
        append_utf8(out, allowed ? cp : U'\uFFFD');
    }
    return out;
}

std::string headline(const Diagnostic& d) {
    return std::to_string(d.start.line) + ":" + std::to_string(d.start.column) + ": " +
           std::string(to_string(d.severity)) + "[" + d.rule_id + " " + d.rule_name + "]: " + d.message;
}

}  // namespace

void write_junit(std::ostream& out, const Report& report, const OutputOptions& /*options*/) {
    // Files in the order they were checked; files known only from a diagnostic come after.
    std::vector<std::string> files;
    std::map<std::string, std::vector<const Diagnostic*>, std::less<>> by_file;
    for (const std::string& file : report.files) {
        if (by_file.try_emplace(file).second) files.push_back(file);
    }
    for (const Diagnostic& d : report.diagnostics) {
        const std::string file(file_of(d));
        auto [it, inserted] = by_file.try_emplace(file);
        if (inserted) files.push_back(file);
        it->second.push_back(&d);
    }
    const std::size_t failed = static_cast<std::size_t>(
        std::ranges::count_if(files, [&](const std::string& f) { return !by_file[f].empty(); }));
    const std::string counts = " tests=\"" + std::to_string(files.size()) + "\" failures=\"" +
                               std::to_string(failed) + "\" errors=\"0\" skipped=\"0\"";

    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out << "<testsuites name=\"flinklint\"" << counts << ">\n";
    out << "  <testsuite name=\"flinklint\"" << counts << ">\n";
    for (const std::string& file : files) {
        const std::string name = xml_escape(file.empty() ? "<unknown>" : file, true);
        out << "    <testcase classname=\"flinklint\" name=\"" << name << "\" file=\"" << name << '"';
        const auto& findings = by_file[file];
        if (findings.empty()) {
            out << "/>\n";
            continue;
        }
        out << ">\n";
        for (const Diagnostic* d : findings) {
            out << "      <failure type=\"" << xml_escape(d->rule_id, true) << "\" message=\""
                << xml_escape(d->rule_id + " " + d->rule_name + ": " + d->message, true) << "\">"
                << xml_escape(file + ":" + headline(*d), false);
            if (!d->help.empty()) out << xml_escape("\nhelp: " + d->help, false);
            out << "</failure>\n";
        }
        out << "    </testcase>\n";
    }
    out << "  </testsuite>\n";
    out << "</testsuites>\n";
}

}  // namespace flinklint::output
