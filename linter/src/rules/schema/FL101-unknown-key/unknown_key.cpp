// FL101 unknown-key: a key no option of the target Flink version reads. Flink does not reject
// unknown keys; it never reads them, so a typo silently leaves the default in place.
#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "flinklint/option_values.hpp"
#include "flinklint/text_util.hpp"
#include "rules/rule_helpers.hpp"
#include "rules/schema/foreign_keys.hpp"
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

// The Kubernetes operator's namespaces. The operator reads its options by exact key
// (flink-autoscaler AutoScalerOptions under `job.autoscaler.`, flink-kubernetes-operator
// KubernetesOperatorConfigOptions under `kubernetes.operator.`) from the same flinkConfiguration, and
// like Flink it ignores every other key there; forks of the operator and autoscaler extensions add
// options of their own under these prefixes (`job.autoscaler.<algorithm>.enabled`).
bool operator_namespace(std::string_view key) {
    return key.starts_with("job.autoscaler.") || key.starts_with("kubernetes.operator.");
}

// A misspelling of `suggestion`: within the few edits the did-you-mean allows over the whole key, not
// merely the same segments with one more or one reordered.
bool near_miss(std::string_view key, std::string_view suggestion) {
    const std::size_t limit = std::min<std::size_t>(4, 1 + key.size() / 10);
    return edit_distance(key, suggestion, limit) <= limit;
}

// The words of an operator key below its namespace: `kubernetes.operator.job.autoscaler.parallelism.min`
// -> {min, parallelism}; `job.autoscaler.vertex.min-parallelism` -> {min, parallelism, vertex}.
std::vector<std::string_view> operator_words(std::string_view key, bool& autoscaler) {
    for (const std::string_view prefix : {"kubernetes.operator.job.autoscaler.", "job.autoscaler."}) {
        if (key.starts_with(prefix)) key.remove_prefix(prefix.size()), autoscaler = true;
    }
    if (!autoscaler && key.starts_with("kubernetes.operator.")) key.remove_prefix(20);
    std::vector<std::string_view> words;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= key.size(); ++i) {
        if (i < key.size() && key[i] != '.' && key[i] != '-' && key[i] != '_') continue;
        if (i > start) words.push_back(key.substr(start, i - start));
        start = i + 1;
    }
    std::ranges::sort(words);
    return words;
}

// The one operator option whose words include every word of `key` (two or more) in the same part of
// the operator (autoscaler or not): the key is the option with its words reordered or one dropped
// (`parallelism.min` for `vertex.min-parallelism`), a misspelling no edit distance finds. A fork's own
// option (`job.autoscaler.justin.enabled`) brings a word no option has and stays an extension.
std::optional<std::string_view> reordered_operator_option(const Catalog& catalog, std::string_view key) {
    bool autoscaler = false;
    const std::vector<std::string_view> words = operator_words(key, autoscaler);
    if (words.size() < 2) return std::nullopt;
    std::optional<std::string_view> found;
    for (const OptionInfo& option : catalog.options()) {
        if (!option.operator_option || option.is_pattern()) continue;
        bool option_autoscaler = false;
        const std::vector<std::string_view> option_words = operator_words(option.key, option_autoscaler);
        if (option_autoscaler != autoscaler || !std::ranges::includes(option_words, words)) continue;
        if (found) return std::nullopt;  // ambiguous
        found = option.key;
    }
    return found;
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

}  // namespace

void check_unknown_key(const Model& model, Reporter& reporter) {
    for (const FlinkConfig& config : model.configs()) {
        const Catalog& catalog = config.catalog();
        for (const ConfigEntry& entry : config.entries()) {
            if (entry.key.empty() || under_nested_block(config, entry.key_span)) continue;
            if (config.lookup(entry).kind != KeyLookup::Kind::unknown) continue;
            if (last_version_knowing(entry.key, config.version())) continue;  // FL202 removed-key says more

            if (const InventedKey* invented = find_invented_key(entry.key)) {
                reporter.report({.source = config.source(),
                                 .span = entry.key_span,
                                 .message = fmt::format("{} has never been a Flink option (it circulates in "
                                                        "troubleshooting advice); Flink ignores it",
                                                        quoted(entry.key)),
                                 .help = std::string(invented->advice),
                                 .key = entry.key,
                                 .fix = invented_key_fix(entry, config)});
                continue;
            }
            if (const RetiredKey* retired = find_retired_key(entry.key)) {
                if (config.version() < retired->read_until) continue;  // that Flink still read it
                reporter.report(
                    {.source = config.source(),
                     .span = entry.key_span,
                     .message = fmt::format("{} {}; Flink {} ignores it", quoted(entry.key), retired->history,
                                            config.version().str()),
                     .help = std::string(retired->advice),
                     .key = entry.key,
                     .severity = retired->written_by_tool ? std::optional(Severity::info) : std::nullopt});
                continue;
            }
            if (const auto newer = first_version_knowing(entry.key, config.version())) {
                reporter.report(
                    {.source = config.source(),
                     .span = entry.key_span,
                     .message = fmt::format("{} is an option only from Flink {} on: Flink {} ignores it",
                                            quoted(entry.key), newer->str(), config.version().str()),
                     .help = fmt::format("target Flink {} or later (--flink-version, .flinklint.yaml, "
                                         "spec.flinkVersion), or remove the key",
                                         newer->str()),
                     .key = entry.key});
                continue;
            }
            const std::vector<std::string> suggestions = catalog.suggest(entry.key);
            // Dated only by its keys to a Flink older than every catalog: a key no catalog knows may have
            // been an option of that Flink (`webclient.port` in 0.9), so only a near miss is reported.
            if (config.version_source() == VersionSource::file_keys &&
                config.version() < kCatalogVersions[0] &&
                (suggestions.empty() || !near_miss(entry.key, suggestions.front())))
                continue;
            // A key whose first segment is the namespace of no option, without a close option, is FL111's.
            if (suggestions.empty() && foreign_first_segment(entry.key)) continue;
            if (operator_namespace(entry.key) &&
                (suggestions.empty() || !near_miss(entry.key, suggestions.front()))) {
                if (const auto option = reordered_operator_option(catalog, entry.key))
                    reporter.report(reordered_key_finding(config, entry, *option));
                else
                    reporter.report(extension_key_finding(config, entry, suggestions));
                continue;
            }
            Finding finding{
                .source = config.source(),
                .span = entry.key_span,
                .message = fmt::format("unknown key {}: Flink {} has no such option and ignores it "
                                       "silently",
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
                    "check the spelling against the Flink documentation of this version, or remove "
                    "the key";
            }
            reporter.report(std::move(finding));
        }
    }
}

}  // namespace flinklint::rules
