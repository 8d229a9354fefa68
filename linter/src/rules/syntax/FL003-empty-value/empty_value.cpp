// FL003 empty-value: `key:` with nothing after it. The legacy parser drops the line; Flink's
// config.yaml loader refuses the whole file ("Value must not be null").
#include <fmt/format.h>

#include "rules/rule_helpers.hpp"

namespace flinklint::rules {

void check_empty_value(const Model& model, Reporter& reporter) {
    for (const FlinkConfig& config : model.configs()) {
        for (const SyntaxIssue& issue : config.doc().issues) {
            if (issue.kind == SyntaxIssue::Kind::legacy_empty_value) {
                if (opens_nested_block(*config.source(), issue.span)) continue;  // FL002 explains it
                reporter.report(
                    {.source = config.source(),
                     .span = issue.span,
                     .message = "Flink skips this line: the value is empty, so the option keeps its "
                                "default",
                     .help = "give a value, or delete the line (comment it out) to use the default"});
            } else if (issue.kind == SyntaxIssue::Kind::yaml_null_value) {
                const bool fatal = config.doc().format == ConfigFormat::yaml;
                reporter.report(
                    {.source = config.source(),
                     .span = issue.span,
                     .message =
                         fatal ? fmt::format("{}: Flink's YAML loader refuses the whole config.yaml "
                                             "(\"Value must not be null\")",
                                             issue.message)
                               : fmt::format("{}: the operator turns a null into the text \"null\", which "
                                             "no option accepts",
                                             issue.message),
                     .help = "give a value, or delete the key to use the default",
                     .severity = fatal ? Severity::error : Severity::warning});
            }
        }
    }
}

}  // namespace flinklint::rules
