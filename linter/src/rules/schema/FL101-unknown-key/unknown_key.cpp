// FL101 unknown-key: a key no option of the target Flink version reads. Flink does not reject
// unknown keys; it never reads them, so a typo silently leaves the default in place.
#include <array>

#include <fmt/format.h>

#include "flinklint/option_values.hpp"
#include "flinklint/text_util.hpp"
#include "rules/rule_helpers.hpp"
#include "rules/schema/unknown_keys.hpp"
#include "rules/schema/value_spelling.hpp"

namespace flinklint::rules {
namespace {

// Invented keys whose writers meant a real option. Renaming is unsafe: the real option applies to
// every heartbeat, not only the TaskManagers' as the invented name suggests.
constexpr std::array<std::pair<std::string_view, std::string_view>, 2> kInventedReplacements = {{
    {"cluster.taskmanager.heartbeat.interval", "heartbeat.interval"},
    {"cluster.taskmanager.heartbeat.timeout", "heartbeat.timeout"},
}};

// Renames an invented key to its real option, respelling the value when the real option's type
// needs it (`2 min` for heartbeat.timeout, a Long in milliseconds up to 1.19).
std::optional<Fix> invented_key_fix(const ConfigEntry& entry, const FlinkConfig& config) {
    for (const auto& [invented, real] : kInventedReplacements) {
        if (entry.key != invented || config.get(real) != nullptr) continue;
        const OptionInfo* option = config.catalog().find(real);
        auto fix = rename_key_fix(entry, config, real, FixSafety::unsafe);
        if (option == nullptr || !fix) return std::nullopt;
        fix->description = fmt::format(
            "rename to `{}`, which applies to every heartbeat (JobManager, ResourceManager and TaskManagers)",
            real);
        if (check_option_value(option->type, option->enum_values, entry.value, entry.kind,
                               config.version())) {
            const auto respelling = exact_respelling(*option, entry.value, config.version());
            const auto edit = respelling ? value_edit(entry, config, respelling->value) : std::nullopt;
            if (!edit) return std::nullopt;
            fix->edits.push_back(*edit);
            fix->description +=
                fmt::format(", and write `{}` ({})", respelling->value, respelling->explanation);
        }
        return fix;
    }
    return std::nullopt;
}

std::string join_suggestions(const std::vector<std::string>& suggestions) {
    std::string out;
    for (std::size_t i = 0; i < suggestions.size(); ++i) {
        if (i > 0) out += i + 1 == suggestions.size() ? " or " : ", ";
        out += quoted(suggestions[i]);
    }
    return out;
}

Finding reordered_key_finding(const FlinkConfig& config, const ConfigEntry& entry, std::string_view option) {
    Finding finding{.source = config.source(), .span = entry.key_span, .key = entry.key};
    finding.message = fmt::format(
        "unknown key {}: the Kubernetes operator has no such option and ignores it; its option {} has the "
        "same words: did you mean {}?",
        quoted(entry.key), quoted(option), quoted(option));
    finding.help = fmt::format("rename the key to {}", quoted(option));
    if (config.get(option) == nullptr) finding.fix = rename_key_fix(entry, config, option, FixSafety::unsafe);
    return finding;
}

Finding extension_key_finding(const FlinkConfig& config, const ConfigEntry& entry,
                              const std::vector<std::string>& suggestions) {
    Finding finding{.source = config.source(), .span = entry.key_span, .key = entry.key};
    finding.severity = Severity::info;
    finding.message = fmt::format(
        "unknown key {}: neither the Kubernetes operator nor Flink {} has such an option, and no option is "
        "a near misspelling of it, so it reads as a setting of an operator fork or extension; the Apache "
        "operator and Flink ignore it",
        quoted(entry.key), config.version().str());
    finding.help =
        suggestions.empty()
            ? "keep it if the operator build you run reads it, else remove the key"
            : fmt::format("keep it if the operator build you run reads it; the closest option is {}",
                          quoted(suggestions.front()));
    return finding;
}

// The finding for an unknown key no other kind describes: with the did-you-mean when there is one.
Finding unknown_key_finding(const FlinkConfig& config, const ConfigEntry& entry,
                            const std::vector<std::string>& suggestions) {
    Finding finding{
        .source = config.source(),
        .span = entry.key_span,
        .message = fmt::format("unknown key {}: Flink {} has no such option and ignores it silently",
                               quoted(entry.key), config.version().str()),
        .key = entry.key};
    if (!suggestions.empty()) {
        finding.message += fmt::format("; did you mean {}?", join_suggestions(suggestions));
        // Renaming is unsafe: the real option may change behaviour the job relied on.
        if (config.get(suggestions.front()) == nullptr) {
            finding.fix = rename_key_fix(entry, config, suggestions.front(), FixSafety::unsafe);
        }
        finding.help = fmt::format("rename the key to {}", quoted(suggestions.front()));
    } else {
        finding.help =
            "check the spelling against the Flink documentation of this version, or remove the key";
    }
    return finding;
}

}  // namespace

// The kinds of unknown key are classify_unknown_key's (rules/schema/unknown_keys.hpp); a removed key is
// FL202's and a key under a foreign namespace FL111's.
void check_unknown_key(const Model& model, Reporter& reporter) {
    for (const FlinkConfig& config : model.configs()) {
        for (const ConfigEntry& entry : config.entries()) {
            const UnknownKey unknown = classify_unknown_key(config, entry);
            switch (unknown.kind) {
                case UnknownKeyKind::invented:
                    reporter.report(
                        {.source = config.source(),
                         .span = entry.key_span,
                         .message = fmt::format("{} has never been a Flink option (it circulates in "
                                                "troubleshooting advice); Flink ignores it",
                                                quoted(entry.key)),
                         .help = std::string(unknown.invented->advice),
                         .key = entry.key,
                         .fix = invented_key_fix(entry, config)});
                    break;
                case UnknownKeyKind::retired:
                    reporter.report({.source = config.source(),
                                     .span = entry.key_span,
                                     .message = fmt::format("{} {}; Flink {} ignores it", quoted(entry.key),
                                                            unknown.retired->history, config.version().str()),
                                     .help = std::string(unknown.retired->advice),
                                     .key = entry.key,
                                     .severity = unknown.retired->written_by_tool
                                                     ? std::optional(Severity::info)
                                                     : std::nullopt});
                    break;
                case UnknownKeyKind::newer:
                    reporter.report(
                        {.source = config.source(),
                         .span = entry.key_span,
                         .message =
                             fmt::format("{} is an option only from Flink {} on: Flink {} ignores it",
                                         quoted(entry.key), unknown.newer->str(), config.version().str()),
                         .help = fmt::format("target Flink {} or later (--flink-version, .flinklint.yaml, "
                                             "spec.flinkVersion), or remove the key",
                                             unknown.newer->str()),
                         .key = entry.key});
                    break;
                case UnknownKeyKind::operator_reordered:
                    reporter.report(reordered_key_finding(config, entry, unknown.reordered));
                    break;
                case UnknownKeyKind::operator_extension:
                    reporter.report(extension_key_finding(config, entry, unknown.suggestions));
                    break;
                case UnknownKeyKind::unknown:
                    reporter.report(unknown_key_finding(config, entry, unknown.suggestions));
                    break;
                case UnknownKeyKind::not_unknown:
                case UnknownKeyKind::removed:
                case UnknownKeyKind::retired_still_read:
                case UnknownKeyKind::older_flink:
                case UnknownKeyKind::foreign_namespace:
                    break;
            }
        }
    }
}

}  // namespace flinklint::rules
