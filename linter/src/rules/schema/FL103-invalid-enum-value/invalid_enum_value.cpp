// FL103 invalid-enum-value: a value that matches none of the option's constants (case-insensitive).
#include <fmt/format.h>

#include "flinklint/option_values.hpp"
#include "flinklint/text_util.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

// The closest constant when it is plausibly a typo (at most a third of the letters differ).
std::optional<std::string> closest_constant(std::string_view value,
                                            std::span<const std::string_view> constants) {
    const std::string wanted = ascii_lower(value);
    std::optional<std::string> best;
    std::size_t best_distance = std::max<std::size_t>(1, wanted.size() / 3) + 1;
    for (const auto& constant : constants) {
        const std::size_t distance = edit_distance(wanted, ascii_lower(constant));
        if (distance < best_distance) {
            best_distance = distance;
            best = constant;
        }
    }
    return best;
}

std::string list_constants(std::span<const std::string_view> constants) {
    std::string out;
    for (const auto& constant : constants) {
        if (!out.empty()) out += ", ";
        out += constant;
    }
    return out;
}

}  // namespace

void check_invalid_enum_value(const Model& model, Reporter& reporter) {
    for (const FlinkConfig& config : model.configs()) {
        for (const ConfigEntry& entry : config.entries()) {
            if (config.get(entry.key) != &entry) continue;  // Flink reads only the last copy (FL104)
            const KeyLookup lookup = config.lookup(entry);
            if (lookup.option == nullptr || lookup.option->type != OptionType::enumeration) continue;
            const OptionInfo& option = *lookup.option;
            if (option.enum_values.empty()) continue;
            if (is_template_placeholder(entry.value)) continue;  // filled in before Flink reads it
            if (!check_option_value(option.type, option.enum_values, entry.value, entry.kind,
                                    config.version())) {
                continue;
            }
            Finding finding{
                .source = config.source(),
                .span = entry.value_span.empty() ? entry.key_span : entry.value_span,
                .message = fmt::format("{} is not a value of {}: Flink {} accepts {} (any case)",
                                       quoted(shown_value(entry.key, entry.value)), quoted(entry.key),
                                       config.version().str(), list_constants(option.enum_values)),
                .key = entry.key};
            const std::string_view bare = strip_quotes(entry.value);
            if (auto suggestion = closest_constant(bare, option.enum_values)) {
                finding.help = fmt::format("did you mean `{}`?", *suggestion);
                finding.fix = replace_value_fix(entry, config, *suggestion, FixSafety::unsafe);
            } else {
                finding.help = fmt::format("use one of: {}", list_constants(option.enum_values));
            }
            reporter.report(std::move(finding));
        }
    }
}

}  // namespace flinklint::rules
