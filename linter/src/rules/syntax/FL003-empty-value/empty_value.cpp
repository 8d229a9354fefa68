// FL003 empty-value: `key:` with nothing after it. The legacy parser drops the line; Flink's
// config.yaml loader refuses the whole file ("Value must not be null").
#include <fmt/format.h>

#include "flinklint/text_util.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

// Info: the line changes nothing (a blank left in a template, as Flink's own shipped file has them).
// A warning when the key has a value elsewhere in the file: that value stays in effect, which an empty
// line written to reset it does not suggest.
void report_legacy_empty(const FlinkConfig& config, const SyntaxIssue& issue, Reporter& reporter) {
    const std::string_view line = config.source()->view(issue.span);
    const std::string key(trim(line.substr(0, line.find(':'))));
    const ConfigEntry* other = key.empty() ? nullptr : config.get(key);
    if (other == nullptr) {
        reporter.report(
            {.source = config.source(),
             .span = issue.span,
             .message = "Flink skips this line: the value is empty, so the option keeps its default",
             .help = "give a value, or delete the line (comment it out) to use the default",
             .severity = Severity::info});
        return;
    }
    reporter.report(
        {.source = config.source(),
         .span = issue.span,
         .message = fmt::format("Flink skips this line: the value is empty, so {} keeps the value on line {}",
                                quoted(key), config.source()->position(other->key_span.begin).line),
         .help = "give a value, or delete the line; to use the default, delete the other line too"});
}

}  // namespace

void check_empty_value(const Model& model, Reporter& reporter) {
    for (const FlinkConfig& config : model.configs()) {
        for (const SyntaxIssue& issue : config.doc().issues) {
            if (issue.kind == SyntaxIssue::Kind::legacy_empty_value) {
                if (opens_nested_block(*config.source(), issue.span)) continue;  // FL002 explains it
                report_legacy_empty(config, issue, reporter);
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
