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
    // The other places of one mistake (every copy of a duplicated key), as SARIF's relatedLocations.
    if (!d.related.empty()) {
        Json related = Json::array();
        for (const RelatedLocation& r : d.related) {
            related.push_back({{"file", r.source ? r.source->path() : std::string(file_of(d))},
                               {"line", r.start.line},
                               {"column", r.start.column},
                               {"message", r.message}});
        }
        json["related"] = std::move(related);
    }
    return json;
}

// The array is written a diagnostic at a time; the summary closes the document.
class JsonWriter final : public ReportWriter {
public:
    explicit JsonWriter(std::ostream& out) : out_(&out) {}

    void begin() override { *out_ << "{\"version\":1,\"diagnostics\":["; }

    void add(ReportPart part) override {
        files_ += part.files.size();
        add_versions(part.versions);
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
        *out_ << ']';
        // Which Flink each file was checked against, and why (only files with a configuration).
        if (!versions_.empty()) {
            *out_ << ",\"files\":[";
            for (std::size_t i = 0; i < versions_.size(); ++i)
                *out_ << (i ? ",\n" : "\n") << dump_json(versions_[i]);
            *out_ << "\n]";
        }
        *out_ << ",\"summary\":" << dump_json(summary) << "}\n";
    }

private:
    // One entry per file with a Flink configuration: the version of its first configuration, and
    // every configuration when the file holds several of different versions.
    void add_versions(const std::vector<FileVersionInfo>& versions) {
        for (const FileVersionInfo& v : versions) {
            Json config = {
                {"where", v.where}, {"flink_version", v.version}, {"flink_version_source", v.reason}};
            if (versions_.empty() || versions_.back()["path"] != v.path) {
                versions_.push_back(
                    {{"path", v.path}, {"flink_version", v.version}, {"flink_version_source", v.reason}});
                file_configs_ = Json::array();
            }
            file_configs_.push_back(std::move(config));
            Json& file = versions_.back();
            if (v.version != file["flink_version"] || file.contains("configurations"))
                file["configurations"] = file_configs_;
        }
    }

    std::vector<Json> versions_;
    Json file_configs_;  // of the last file
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
