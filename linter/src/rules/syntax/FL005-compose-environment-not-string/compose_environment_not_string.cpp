// FL005 compose-environment-not-string: a docker-compose `environment:` list item that YAML reads as a
// mapping, found while reading the compose file (linter/src/ingest/compose.cpp says why compose refuses it).
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {

void check_compose_environment_not_string(const Model& model, Reporter& reporter) {
    for (const ParsedFile& file : model.files()) {
        for (const SyntaxIssue& issue : file.issues) {
            if (issue.kind != SyntaxIssue::Kind::compose_environment_not_string) continue;
            reporter.report(
                {.source = file.source,
                 .span = issue.span,
                 .message = issue.message,
                 .help = "write the item as a block scalar (`- |` and the variable on the next line, one "
                         "property a line) or quote it, or use the mapping form `FLINK_PROPERTIES: |`"});
        }
    }
}

}  // namespace flinklint::rules
