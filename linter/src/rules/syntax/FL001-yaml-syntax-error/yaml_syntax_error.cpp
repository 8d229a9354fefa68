// FL001 yaml-syntax-error: the file (or an embedded config) is not YAML that Flink or kubectl can load.
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

bool is_fatal_yaml_issue(SyntaxIssue::Kind kind) {
    return kind == SyntaxIssue::Kind::yaml_error || kind == SyntaxIssue::Kind::yaml_root_not_map ||
           kind == SyntaxIssue::Kind::resource_limit;
}

constexpr std::string_view kReadButRefused =
    "write the value without the tag (quoted, if it must stay text: `'2001-12-15'`)";

std::string_view help_for(SyntaxIssue::Kind kind) {
    switch (kind) {
        case SyntaxIssue::Kind::yaml_root_not_map:
            return "a Flink config.yaml must be a mapping of keys to values at the top level";
        case SyntaxIssue::Kind::resource_limit:
            return "flinklint stops reading inputs this large or deep; raise the limit only for trusted "
                   "files";
        default:
            return "fix the YAML at this position; `flinklint` reads nothing else of this document";
    }
}

}  // namespace

void check_yaml_syntax_error(const Model& model, Reporter& reporter) {
    for (const ParsedFile& file : model.files()) {
        for (const SyntaxIssue& issue : file.issues) {
            if (!is_fatal_yaml_issue(issue.kind)) continue;
            reporter.report({.source = file.source,
                             .span = issue.span,
                             .message = issue.message,
                             .help = std::string(help_for(issue.kind))});
        }
        for (const ConfigDocument& doc : file.configs) {
            for (const SyntaxIssue& issue : doc.issues) {
                if (!is_fatal_yaml_issue(issue.kind)) continue;
                // A document that parsed and still holds the problem (a tag Flink cannot construct,
                // ingest/yaml_values.hpp): flinklint read the rest, Flink reads none of it.
                const bool read = issue.kind == SyntaxIssue::Kind::yaml_error && !doc.entries.empty();
                reporter.report(
                    {.source = file.source,
                     .span = issue.span,
                     .message = issue.message,
                     .help = read ? std::string(kReadButRefused) : std::string(help_for(issue.kind))});
            }
        }
    }
}

}  // namespace flinklint::rules
