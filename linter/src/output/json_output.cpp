// Machine output: one JSON document, one diagnostic per line so that reports diff well.
#include <algorithm>
#include <array>
#include <memory>

#include "output/output_internal.hpp"

namespace flinklint::output {
namespace {

using Json = nlohmann::ordered_json;

Json fix_json(const std::optional<Fix>& fix) {
    if (!fix) return nullptr;
    Json edits = Json::array();
    for (const Edit& edit : fix->edits) {
        const std::string_view replacement = fix->shows_secret ? kMask : std::string_view(edit.replacement);
        edits.push_back({{"start", edit.begin}, {"end", edit.end}, {"replacement", replacement}});
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

// The array is written a diagnostic at a time; the summary closes the document.
class JsonWriter final : public ReportWriter {
public:
    explicit JsonWriter(std::ostream& out) : out_(&out) {}

    void begin() override { *out_ << "{\"version\":1,\"diagnostics\":["; }

    void add(ReportPart part) override {
        files_ += part.files.size();
        for (const Diagnostic& d : part.diagnostics) {
            const auto severity = static_cast<std::size_t>(d.severity);
            if (severity < counts_.size()) ++counts_[severity];
            *out_ << (any_ ? ",\n" : "\n") << dump_json(diagnostic_json(d));
            any_ = true;
        }
    }

    void finish(std::size_t files_checked) override {
        if (any_) *out_ << '\n';
        const Json summary = {{"files", std::max(files_checked, files_)},
                              {"errors", counts_[static_cast<std::size_t>(Severity::error)]},
                              {"warnings", counts_[static_cast<std::size_t>(Severity::warning)]},
                              {"infos", counts_[static_cast<std::size_t>(Severity::info)]}};
        *out_ << "],\"summary\":" << dump_json(summary) << "}\n";
    }

private:
    std::ostream* out_;
    std::array<std::size_t, 3> counts_{};
    std::size_t files_ = 0;
    bool any_ = false;
};

}  // namespace

std::unique_ptr<ReportWriter> json_writer(std::ostream& out) {
    return std::make_unique<JsonWriter>(out);
}

}  // namespace flinklint::output
