// Machine output: one JSON document, one diagnostic per line so that reports diff well.
#include <array>

#include "output/output_internal.hpp"

namespace flinklint::output {
namespace {

using Json = nlohmann::ordered_json;

Json fix_json(const std::optional<Fix>& fix) {
    if (!fix) return nullptr;
    Json edits = Json::array();
    for (const Edit& edit : fix->edits) {
        edits.push_back({{"start", edit.begin}, {"end", edit.end}, {"replacement", edit.replacement}});
    }
    return {{"safety", fix->safety == FixSafety::safe ? "safe" : "unsafe"},
            {"description", fix->description},
            {"edits", std::move(edits)}};
}

Json diagnostic_json(const Diagnostic& d) {
    Json json = Json::object();
    json["file"] = std::string(file_of(d));
    json["line"] = d.start.line;
    json["column"] = d.start.column;
    json["end_line"] = d.end.line;
    json["end_column"] = d.end.column;
    json["rule"] = d.rule_id;
    json["name"] = d.rule_name;
    json["category"] = std::string(to_string(d.category));
    json["severity"] = std::string(to_string(d.severity));
    json["message"] = d.message;
    json["help"] = d.help;
    json["key"] = d.key;
    json["fix"] = fix_json(d.fix);
    return json;
}

}  // namespace

void write_json(std::ostream& out, const Report& report, const OutputOptions& /*options*/) {
    std::array<std::size_t, 3> counts{};
    out << "{\"version\":1,\"diagnostics\":[";
    const char* separator = "\n";
    for (const Diagnostic& d : report.diagnostics) {
        const auto severity = static_cast<std::size_t>(d.severity);
        if (severity < counts.size()) ++counts[severity];
        out << separator << dump_json(diagnostic_json(d));
        separator = ",\n";
    }
    if (!report.diagnostics.empty()) out << '\n';
    const Json summary = {{"files", checked_file_count(report)},
                          {"errors", counts[static_cast<std::size_t>(Severity::error)]},
                          {"warnings", counts[static_cast<std::size_t>(Severity::warning)]},
                          {"infos", counts[static_cast<std::size_t>(Severity::info)]}};
    out << "],\"summary\":" << dump_json(summary) << "}\n";
}

}  // namespace flinklint::output
