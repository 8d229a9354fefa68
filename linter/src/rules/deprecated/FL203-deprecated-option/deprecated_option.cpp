// FL203 deprecated-option: an option Flink itself marks @Deprecated (not an alias of a newer key),
// and one whose value Flink never reads (rules/value_policy.hpp), under its key or an alias.
#include <fmt/format.h>

#include "rules/rule_helpers.hpp"
#include "rules/value_policy.hpp"

namespace flinklint::rules {
namespace {

void report_ignored(const FlinkConfig& config, const ConfigEntry& entry, const std::string& reason,
                    Reporter& reporter) {
    reporter.report({.source = config.source(),
                     .span = entry.key_span,
                     .message = fmt::format("{} is ignored: {}", quoted(entry.key), reason),
                     .help = "delete the line; its value is never checked or used",
                     .key = entry.key});
}

}  // namespace

void check_deprecated_option(const Model& model, Reporter& reporter) {
    for (const FlinkConfig& config : model.configs()) {
        // Older than the oldest catalog: the deprecation is a newer Flink's fact and may postdate this one.
        if (config.version() < config.catalog().version()) continue;
        for (const ConfigEntry& entry : config.entries()) {
            const KeyLookup lookup = config.lookup(entry);
            if (lookup.option == nullptr || lookup.kind == KeyLookup::Kind::pass_through) continue;
            if (const std::string reason = never_read_reason(config, *lookup.option); !reason.empty()) {
                report_ignored(config, entry, reason, reporter);
                continue;
            }
            if (lookup.kind != KeyLookup::Kind::option || !lookup.option->deprecated) continue;
            reporter.report(
                {.source = config.source(),
                 .span = entry.key_span,
                 .message = fmt::format("{} is deprecated in {} and may be removed in a later version",
                                        quoted(entry.key), checked_version(config)),
                 .help = "check the Flink release notes for what replaces it before upgrading" +
                         state_version_help(config),
                 .key = entry.key});
        }
    }
}

}  // namespace flinklint::rules
