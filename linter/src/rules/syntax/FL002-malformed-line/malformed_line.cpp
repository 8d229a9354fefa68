// FL002 malformed-line: a flink-conf.yaml line the legacy parser skips (no ": " separator, empty key).
#include <fmt/format.h>

#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

// `key:value` in FLINK_PROPERTIES is skipped only by the entrypoints of the images before 1.19, which
// append the text to flink-conf.yaml; from dev-1.19 on docker-entrypoint.sh (apache/flink-docker,
// `process_flink_properties`) splits each line at its first `:`. An image whose version nothing states
// (`flink:latest`, a local build) may be either, so the line is not reported.
bool read_by_any_entrypoint(const FlinkConfig& config, std::string_view line) {
    return config.doc().format == ConfigFormat::compose_properties &&
           config.version_source() == VersionSource::default_version &&
           line.find(':') != std::string_view::npos;
}

}  // namespace

void check_malformed_line(const Model& model, Reporter& reporter) {
    for (const FlinkConfig& config : model.configs()) {
        if (!config.is_legacy()) continue;
        for (const SyntaxIssue& issue : config.doc().issues) {
            const std::string_view text = config.source()->view(issue.span);
            if (opens_nested_block(*config.source(), issue.span)) {
                if (under_nested_block(config, issue.span)) continue;  // the outermost block says it
                reporter.report(
                    {.source = config.source(),
                     .span = issue.span,
                     .message =
                         fmt::format("`{}` opens a nested YAML block, but this file is read by Flink's "
                                     "line-based legacy parser: the line is skipped and the keys below it "
                                     "lose this prefix",
                                     text),
                     .help =
                         "write full dotted keys (`taskmanager.memory.process.size: 2g`), or name the file "
                         "config.yaml for Flink 1.19+ which reads standard YAML"});
            } else if (issue.kind == SyntaxIssue::Kind::legacy_no_separator &&
                       !read_by_any_entrypoint(config, text)) {
                reporter.report({.source = config.source(),
                                 .span = issue.span,
                                 .message =
                                     "Flink skips this line: it has no `: ` (colon followed by a space) "
                                     "between key and value",
                                 .help = "write `key: value` with a space after the colon"});
            } else if (issue.kind == SyntaxIssue::Kind::legacy_empty_key) {
                reporter.report({.source = config.source(),
                                 .span = issue.span,
                                 .message = "Flink skips this line: the key before `: ` is empty",
                                 .help = "write the option key before the colon"});
            }
        }
    }
}

}  // namespace flinklint::rules
