// SARIF 2.1.0, shaped for GitHub code scanning (docs: "SARIF support for code scanning").
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <map>
#include <memory>
#include <stdexcept>

#include "flinklint/fingerprint.hpp"
#include "output/output_internal.hpp"

namespace flinklint::output {
namespace {

using Json = nlohmann::ordered_json;

struct RuleEntry {
    std::string id;
    std::string name;
    Category category = Category::schema;
    Severity severity = Severity::warning;
    std::string summary;
    std::string doc;  // Markdown, may be empty
};

std::string_view level(Severity severity) {
    switch (severity) {
        case Severity::error:
            return "error";
        case Severity::warning:
            return "warning";
        case Severity::info:
            return "note";
    }
    return "warning";
}

// SARIF forbids nothing here, but GitHub rejects empty strings: fall back along the list.
std::string first_non_empty(std::initializer_list<std::string_view> candidates) {
    for (const std::string_view candidate : candidates) {
        if (!candidate.empty()) return std::string(candidate);
    }
    return "flinklint";
}

struct Paragraph {
    std::string heading;  // the heading it is under, lower case
    std::string text;     // its lines joined by spaces
};

// The prose paragraphs of a Markdown page (code blocks skipped).
std::vector<Paragraph> paragraphs(std::string_view markdown) {
    std::vector<Paragraph> result;
    std::string heading;
    bool in_fence = false;
    bool open = false;  // the last paragraph still takes lines
    while (!markdown.empty()) {
        const std::size_t newline = markdown.find('\n');
        std::string_view line = markdown.substr(0, newline);
        markdown.remove_prefix(newline == std::string_view::npos ? markdown.size() : newline + 1);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
        const std::size_t indent = line.find_first_not_of(' ');
        const std::string_view trimmed = indent == std::string_view::npos ? "" : line.substr(indent);
        if (trimmed.starts_with("```")) in_fence = !in_fence;
        if (in_fence || trimmed.empty() || trimmed.starts_with("```") || trimmed.starts_with('#')) {
            open = false;
            if (!in_fence && trimmed.starts_with('#')) {
                heading.clear();
                for (const char c : trimmed.substr(trimmed.find_first_not_of('#')))
                    heading += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            }
            continue;
        }
        if (open) {
            result.back().text += ' ';
        } else {
            result.push_back({heading, ""});
            open = true;
        }
        result.back().text += trimmed;
    }
    return result;
}

// The doc page's "What it checks" paragraph as plain text, or "" when the page has none.
std::string full_description(std::string_view doc) {
    const auto all = paragraphs(doc);
    auto chosen = std::ranges::find_if(
        all, [](const Paragraph& p) { return p.heading.find("what it") != std::string::npos; });
    // Otherwise the first paragraph that is not the bold metadata line under the title.
    if (chosen == all.end())
        chosen = std::ranges::find_if(all, [](const Paragraph& p) { return !p.text.starts_with("**"); });
    if (chosen == all.end()) return {};
    std::string text;
    for (const char c : chosen->text) {
        if (c != '`') text += c;
    }
    return text;
}

// RFC 3986: keep unreserved characters and '/', percent-encode every other byte.
std::string encode_uri_path(std::string_view path) {
    static constexpr std::string_view hex = "0123456789ABCDEF";
    std::string encoded;
    for (const char c : path) {
        const auto byte = static_cast<unsigned char>(c);
        const bool keep = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                          (byte >= '0' && byte <= '9') || c == '-' || c == '.' || c == '_' || c == '~' ||
                          c == '/';
        if (keep) {
            encoded += c;
        } else {
            encoded += '%';
            encoded += hex[byte >> 4];
            encoded += hex[byte & 0xF];
        }
    }
    return encoded;
}

Json artifact_location(std::string_view relative) {
    if (relative.empty()) return {{"uri", "unknown"}, {"uriBaseId", "%SRCROOT%"}};
    if (relative.front() == '/') return {{"uri", "file://" + encode_uri_path(relative)}};
    return {{"uri", encode_uri_path(relative)}, {"uriBaseId", "%SRCROOT%"}};
}

Json rule_json(const RuleEntry& rule) {
    const std::string summary = first_non_empty({rule.summary, rule.name, rule.id});
    const std::string full = first_non_empty({full_description(rule.doc), summary});
    Json json = Json::object();
    json["id"] = rule.id;
    if (!rule.name.empty()) json["name"] = rule.name;
    json["shortDescription"] = {{"text", summary}};
    json["fullDescription"] = {{"text", full}};
    if (!kProjectUri.empty()) {
        json["helpUri"] = std::string(kProjectUri) + "/blob/main/docs/rules/" +
                          encode_uri_path(rule.id + "-" + rule.name) + ".md";
    }
    json["help"] = {{"text", first_non_empty({rule.doc, summary})},
                    {"markdown", first_non_empty({rule.doc, summary})}};
    json["defaultConfiguration"] = {{"level", level(rule.severity)}};
    json["properties"] = {{"tags", Json::array({std::string(to_string(rule.category))})},
                          {"documentation", "docs/rules/" + rule.id + "-" + rule.name + ".md"}};
    return json;
}

Json region_json(const Diagnostic& d) {
    const int start_line = std::max(1, d.start.line);
    const int start_column = std::max(1, d.start.column);
    const int end_line = std::max(start_line, d.end.line);
    const int end_column =
        end_line == start_line ? std::max(start_column, d.end.column) : std::max(1, d.end.column);
    return {{"startLine", start_line},
            {"startColumn", start_column},
            {"endLine", end_line},
            {"endColumn", end_column}};
}

Json fixes_json(const Fix& fix, const Json& location) {
    Json replacements = Json::array();
    for (const Edit& edit : fix.edits) {
        Json replacement = Json::object();
        replacement["deletedRegion"] = {{"byteOffset", edit.begin},
                                        {"byteLength", edit.end > edit.begin ? edit.end - edit.begin : 0}};
        if (!edit.replacement.empty())
            replacement["insertedContent"] = {
                {"text", fix.shows_secret ? kMask : std::string_view(edit.replacement)}};
        replacements.push_back(std::move(replacement));
    }
    Json json = Json::object();
    if (!fix.description.empty()) json["description"] = {{"text", fix.description}};
    Json change = Json::object();
    change["artifactLocation"] = location;
    change["replacements"] = std::move(replacements);
    json["artifactChanges"] = Json::array();
    json["artifactChanges"].push_back(std::move(change));
    json["properties"] = {{"safety", fix.safety == FixSafety::safe ? "safe" : "unsafe"}};
    Json fixes = Json::array();
    fixes.push_back(std::move(json));
    return fixes;
}

Json result_json(const Diagnostic& d, std::size_t rule_index, const OutputOptions& options,
                 FindingNumbering& numbering) {
    const std::string id = first_non_empty({d.rule_id, "FL000"});
    const std::string file = relative_path(file_of(d), options.base_dir);
    const Json location = artifact_location(file);
    Json result = Json::object();
    result["ruleId"] = id;
    result["ruleIndex"] = rule_index;
    result["level"] = level(d.severity);
    result["message"] = {{"text", first_non_empty({d.message, d.rule_name, id})}};
    Json physical = Json::object();
    physical["artifactLocation"] = location;
    physical["region"] = region_json(d);
    Json first_location = Json::object();
    first_location["physicalLocation"] = std::move(physical);
    result["locations"] = Json::array();
    result["locations"].push_back(std::move(first_location));
    if (!d.related.empty()) {
        Json related = Json::array();
        for (std::size_t i = 0; i < d.related.size(); ++i) {
            const RelatedLocation& r = d.related[i];
            const std::string related_file =
                r.source ? relative_path(r.source->path(), options.base_dir) : file;
            Json region = {{"startLine", r.start.line}, {"startColumn", r.start.column}};
            related.push_back({{"id", i},
                               {"physicalLocation",
                                {{"artifactLocation", artifact_location(related_file)}, {"region", region}}},
                               {"message", {{"text", r.message}}}});
        }
        result["relatedLocations"] = std::move(related);
    }
    result["partialFingerprints"] = {{"flinklint/v1", numbering.next(d, file).fingerprint}};
    if (d.fix && !d.fix->edits.empty()) result["fixes"] = fixes_json(*d.fix, location);
    return result;
}

std::string pretty(const Json& value) {
    return dump_json(value, 2);
}

// Results as they come; the log around them at finish(). The bytes are those of one dump(2) of the
// whole log: each result is dumped alone and indented to its depth.
class SarifWriter final : public ReportWriter {
public:
    SarifWriter(std::ostream& out, const OutputOptions& options) : out_(&out), options_(options) {
        // Every registered rule, then any rule a diagnostic names that the registry does not know.
        for (const Rule& rule : all_rules()) {
            const std::string id(rule.info.id);
            if (id.empty() || index_.contains(id)) continue;
            index_.emplace(id, rules_.size());
            rules_.push_back({id, std::string(rule.info.name), rule.info.category, rule.info.default_severity,
                              std::string(rule.info.summary), std::string(rule_doc(rule.info))});
        }
    }

    void add(ReportPart part) override {
        for (const Diagnostic& d : part.diagnostics) {
            const std::string id = first_non_empty({d.rule_id, "FL000"});
            const auto [it, added] = index_.emplace(id, rules_.size());
            if (added) rules_.push_back({id, d.rule_name, d.category, d.severity, d.rule_name, ""});
            std::string text = results_ == 0 ? "" : ",\n";
            for (const char c : pretty(result_json(d, it->second, options_, numbering_))) {
                if (text.empty() || text.back() == '\n') text.append(kResultIndent, ' ');
                text += c;
            }
            spill_.write(text);
            ++results_;
        }
    }

    void finish(std::size_t /*files_checked*/) override {
        Json driver = Json::object();
        driver["name"] = "flinklint";
        driver["semanticVersion"] = first_non_empty({options_.tool_version, "0.0.0"});
        if (!kProjectUri.empty()) driver["informationUri"] = std::string(kProjectUri);
        driver["rules"] = Json::array();
        for (const RuleEntry& rule : rules_) driver["rules"].push_back(rule_json(rule));

        Json run = Json::object();
        run["tool"] = {{"driver", std::move(driver)}};
        run["columnKind"] = "unicodeCodePoints";
        run["results"] = Json::array();

        Json log = Json::object();
        log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
        log["version"] = "2.1.0";
        log["runs"] = Json::array();
        log["runs"].push_back(std::move(run));
        // The one "results" key (keys inside strings have their quotes escaped) is where they go.
        const std::string skeleton = pretty(log);
        constexpr std::string_view kEmpty = "\"results\": []";
        const std::size_t at = skeleton.rfind(kEmpty);
        std::ostream& out = *out_;
        out << skeleton.substr(0, at + kEmpty.size() - 1);
        if (results_ > 0) {
            out << '\n';
            spill_.copy_to(out);
            out << '\n' << std::string(kResultIndent - 2, ' ');
        }
        out << skeleton.substr(at + kEmpty.size() - 1) << '\n';
    }

private:
    static constexpr std::size_t kResultIndent = 8;  // log, runs, run, results: four levels of two

    std::ostream* out_;
    OutputOptions options_;
    std::vector<RuleEntry> rules_;
    std::map<std::string, std::size_t, std::less<>> index_;
    Spill spill_;
    std::size_t results_ = 0;
    FindingNumbering numbering_;  // the same fingerprints as a baseline (flinklint/fingerprint.hpp)
};

}  // namespace

std::unique_ptr<ReportWriter> sarif_writer(std::ostream& out, const OutputOptions& options) {
    return std::make_unique<SarifWriter>(out, options);
}

}  // namespace flinklint::output
