#include "cli/lsp/diagnostics.hpp"

#include <set>
#include <utility>

#include <fmt/format.h>

#include "cli/lsp/uri.hpp"

namespace flinklint::cli::lsp {
namespace {

using nlohmann::json;

int lsp_severity(Severity severity) {
    switch (severity) {
        case Severity::error:
            return 1;
        case Severity::warning:
            return 2;
        case Severity::info:
            return 3;
    }
    return 2;
}

json diagnostic_json(const std::string& uri, const Diagnostic& d) {
    json out = {{"range", range_json(*d.source, d.span)},
                {"severity", lsp_severity(d.severity)},
                {"code", d.rule_id},
                {"source", "flinklint"},
                // As `check` prints it: the finding, then the help line.
                {"message", d.help.empty() ? d.message : d.message + "\nhelp: " + d.help}};
    if (!d.related.empty()) {
        json related = json::array();
        for (const RelatedLocation& r : d.related) {
            const Source& source = r.source ? *r.source : *d.source;
            const std::string where = r.source && r.source != d.source ? uri_of_path(source.path()) : uri;
            related.push_back({{"location", {{"uri", where}, {"range", range_json(source, r.span)}}},
                               {"message", r.message}});
        }
        out["relatedInformation"] = std::move(related);
    }
    return out;
}

// Edits of the linted text as a workspace edit of one buffer.
json workspace_edit(const std::string& uri, int version, const Source& source,
                    const std::vector<Edit>& edits_made, bool versioned) {
    json edits = json::array();
    for (const Edit& edit : edits_made)
        edits.push_back(
            {{"range", range_json(source, Span{edit.begin, edit.end})}, {"newText", edit.replacement}});
    if (!versioned) return {{"changes", {{uri, std::move(edits)}}}};
    return {{"documentChanges", json::array({{{"textDocument", {{"uri", uri}, {"version", version}}},
                                              {"edits", std::move(edits)}}})}};
}

}  // namespace

json publish_params(const std::string& uri, int version, const DocumentLint& lint) {
    json diagnostics = json::array();
    if (lint.not_checked) {
        // Nothing is checked (as `check` refuses to run without the project's settings): say why.
        diagnostics.push_back(
            {{"range",
              {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 0}, {"character", 0}}}}},
             {"severity", 1},
             {"source", "flinklint"},
             {"message", "flinklint: not checked: " + *lint.not_checked}});
    }
    for (const Diagnostic& d : lint.diagnostics) {
        if (d.source) diagnostics.push_back(diagnostic_json(uri, d));
    }
    return {{"uri", uri}, {"version", version}, {"diagnostics", std::move(diagnostics)}};
}

json code_actions(const std::string& uri, int version, const DocumentLint& lint, std::size_t from,
                  std::size_t to, bool versioned) {
    json actions = json::array();
    for (const Diagnostic& d : lint.diagnostics) {
        if (!d.fix || !d.source || d.fix->edits.empty()) continue;
        if (d.span.begin > to || std::max(d.span.begin, d.span.end) < from) continue;
        const bool safe = d.fix->safety == FixSafety::safe;
        // The edits carry the buffer's own text (a secret value a fix quotes included): applying a
        // fix needs it, as `check --fix` writes it. Titles and messages are masked by the engine.
        actions.push_back({{"title", safe ? d.fix->description : d.fix->description + " (unsafe fix)"},
                           {"kind", "quickfix"},
                           {"diagnostics", json::array({diagnostic_json(uri, d)})},
                           {"isPreferred", safe},
                           {"edit", workspace_edit(uri, version, *d.source, d.fix->edits, versioned)}});
    }
    // Then, per line and rule, the inline suppression: a comment line above it, indented alike (a
    // comment in a block scalar is a comment of the embedded flink-conf.yaml too).
    std::set<std::pair<int, std::string>> offered;
    for (const Diagnostic& d : lint.diagnostics) {
        if (!d.source || d.span.begin > to || std::max(d.span.begin, d.span.end) < from) continue;
        const int line = d.source->position(d.span.begin).line;
        if (!offered.emplace(line, d.rule_id).second) continue;
        const std::string_view text = d.source->line_text(line);
        const std::string_view indent = text.substr(0, text.find_first_not_of(" \t"));
        const std::size_t at = d.source->line_start(line);
        const Edit comment{at, at,
                           fmt::format("{}# flinklint: disable-next-line={}{}", indent, d.rule_id,
                                       d.source->uses_crlf() ? "\r\n" : "\n")};
        actions.push_back({{"title", fmt::format("Disable {} ({}) for this line", d.rule_id, d.rule_name)},
                           {"kind", "quickfix"},
                           {"diagnostics", json::array({diagnostic_json(uri, d)})},
                           {"edit", workspace_edit(uri, version, *d.source, {comment}, versioned)}});
    }
    return actions;
}

}  // namespace flinklint::cli::lsp
