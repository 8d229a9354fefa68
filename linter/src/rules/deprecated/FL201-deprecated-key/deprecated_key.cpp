// FL201 deprecated-key: a deprecated key of an option. Flink still reads it (with a warning in
// the log) only while the option's own key is absent, and may drop it in a later version.
#include <fmt/format.h>

#include "rules/rule_helpers.hpp"
#include "rules/value_policy.hpp"

namespace flinklint::rules {

void check_deprecated_key(const Model& model, Reporter& reporter) {
    for (const FlinkConfig& config : model.configs()) {
        // Older than the oldest catalog: the deprecation is a newer Flink's fact and may postdate this one.
        if (config.version() < config.catalog().version()) continue;
        for (const ConfigEntry& entry : config.entries()) {
            const KeyLookup lookup = config.lookup(entry);
            if (lookup.kind != KeyLookup::Kind::deprecated_alias) continue;
            // Renaming a key that Flink ignores under either name helps nobody: FL203 says to delete it.
            if (!never_read_reason(config, *lookup.option).empty()) continue;
            const std::string_view replacement =
                preferred_replacement(config.catalog(), entry.key, lookup.option)->key;
            const bool replacement_set = config.get(replacement) != nullptr;
            Finding finding{.source = config.source(),
                            .span = entry.key_span,
                            .message = fmt::format("{} is deprecated in {}: use {}", quoted(entry.key),
                                                   checked_version(config), quoted(replacement)),
                            .help = fmt::format("rename the key to {}{}", quoted(replacement),
                                                state_version_help(config)),
                            .key = entry.key};
            // With the new key absent the rename keeps the meaning exactly; alias-conflict (FL105)
            // covers the case where both are set.
            if (!replacement_set) finding.fix = rename_key_fix(entry, config, replacement, FixSafety::safe);
            reporter.report(std::move(finding));
        }
    }
}

}  // namespace flinklint::rules
