// FL105 alias-conflict: an option set under its own key and under a deprecated or fallback key.
// Flink reads the option's own key and ignores the alias, which readers of the file rarely expect.
#include <algorithm>

#include <fmt/format.h>

#include "rules/rule_helpers.hpp"

namespace flinklint::rules {

void check_alias_conflict(const Model& model, Reporter& reporter) {
    for (const FlinkConfig& config : model.configs()) {
        for (const ConfigEntry& entry : config.entries()) {
            const KeyLookup lookup = config.lookup(entry);
            if (lookup.kind != KeyLookup::Kind::deprecated_alias &&
                lookup.kind != KeyLookup::Kind::fallback_alias) {
                continue;
            }
            if (config.get(entry.key) != &entry) continue;  // report each alias once (its effective line)
            // Flink ignores the alias only when every option reading it finds another key first:
            // `web.port` beside `rest.bind-port` still sets `rest.port` (RestOptions.java).
            const std::vector<const OptionInfo*> readers = config.catalog().options_reading(entry.key);
            const bool read_somewhere = std::any_of(readers.begin(), readers.end(), [&](const OptionInfo* o) {
                const ConfigEntry* used = config.get_option(o->key);
                return used != nullptr && used->key == entry.key;
            });
            if (read_somewhere) continue;
            const OptionInfo* option = preferred_replacement(config.catalog(), entry.key, lookup.option);
            const ConfigEntry* primary = config.get(option->key);
            if (primary == nullptr) continue;
            const Position primary_at = config.source()->position(primary->key_span.begin);
            const bool same = same_value(option, primary->value, entry.value, config.version());
            Finding finding{
                .source = config.source(),
                .span = entry.key_span,
                .message =
                    same ? fmt::format("{} repeats {} (line {}) under an alias with the same value",
                                       quoted(entry.key), quoted(primary->key), primary_at.line)
                         : fmt::format("{} is an alias of {}, which is also set (line {}): Flink uses {} "
                                       "and ignores this value ({})",
                                       quoted(entry.key), quoted(primary->key), primary_at.line,
                                       quoted(shown_value(primary->key, primary->value)),
                                       quoted(shown_value(entry.key, entry.value))),
                .help = fmt::format("remove {} and keep {}", quoted(entry.key), quoted(primary->key)),
                .key = entry.key};
            // Removing the alias keeps what Flink reads; with a different value the alias may hold
            // what was meant, so that removal is unsafe.
            finding.fix = delete_entry_fix(entry, config, same ? FixSafety::safe : FixSafety::unsafe);
            reporter.report(std::move(finding));
        }
    }
}

}  // namespace flinklint::rules
