// FL102 invalid-value: a value the option's type rejects, exactly as Flink's converters do.
#include <fmt/format.h>

#include "flinklint/option_values.hpp"
#include "rules/rule_helpers.hpp"
#include "rules/schema/value_spelling.hpp"
#include "rules/value_policy.hpp"

namespace flinklint::rules {

void check_invalid_value(const Model& model, Reporter& reporter) {
    for (const FlinkConfig& config : model.configs()) {
        const Placeholders placeholders(config);
        for (const ConfigEntry& entry : config.entries()) {
            if (config.get(entry.key) != &entry) continue;  // Flink reads only the last copy (FL104)
            const KeyLookup lookup = config.lookup(entry);
            if (lookup.option == nullptr || lookup.kind == KeyLookup::Kind::pass_through) continue;
            const OptionInfo& option = *lookup.option;
            // Enum constants have their own rule with suggestions.
            if (option.type == OptionType::enumeration) continue;
            // `map.option.k: v` (nested YAML) is one entry of a Map option, read by prefix.
            if (option.type == OptionType::map && entry.key != option.key) continue;
            if (placeholders.skips(entry)) continue;  // filled in before Flink reads it (FL006)
            if (!never_read_reason(config, option).empty()) continue;  // FL203 says it is ignored
            const auto problem = check_option_value(option.type, option.enum_values, entry.value, entry.kind,
                                                    config.version());
            if (!problem) continue;
            Finding finding{
                .source = config.source(),
                .span = entry.value_span.empty() ? entry.key_span : entry.value_span,
                .message = fmt::format("invalid value {} for {} ({} in Flink {}): {}",
                                       quoted(shown_value(entry.key, entry.value)), quoted(entry.key),
                                       to_string(option.type), config.version().str(), *problem),
                .help = option.default_value.empty()
                            ? fmt::format("write a valid {}", to_string(option.type))
                            : fmt::format("write a valid {} (the default is {})", to_string(option.type),
                                          option.default_value),
                .key = entry.key};
            // The same value in a unit the option accepts (`2 min` -> `120000` ms, `2Gi` -> `2g`).
            if (const auto respelling = exact_respelling(option, entry.value, config.version())) {
                finding.fix = respell_value_fix(entry, config, *respelling);
                finding.help =
                    fmt::format("write {} ({})", quoted(respelling->value), respelling->explanation);
            }
            reporter.report(std::move(finding));
        }
    }
}

}  // namespace flinklint::rules
