#include "rules/schema/unknown_keys.hpp"

#include <algorithm>

#include "flinklint/text_util.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

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

}  // namespace

UnknownKey classify_unknown_key(const FlinkConfig& config, const ConfigEntry& entry) {
    UnknownKey result;
    if (entry.key.empty() || under_nested_block(config, entry.key_span) ||
        config.lookup(entry).kind != KeyLookup::Kind::unknown) {
        return result;
    }
    const FlinkVersion version = config.version();
    if (last_version_knowing(entry.key, version)) {
        result.kind = UnknownKeyKind::removed;
    } else if ((result.invented = find_invented_key(entry.key)) != nullptr) {
        result.kind = UnknownKeyKind::invented;
    } else if ((result.retired = find_retired_key(entry.key)) != nullptr) {
        result.kind = version < result.retired->read_until ? UnknownKeyKind::retired_still_read
                                                           : UnknownKeyKind::retired;
    } else if ((result.newer = first_version_knowing(entry.key, version))) {
        result.kind = UnknownKeyKind::newer;
    } else {
        result.suggestions = config.catalog().suggest(entry.key);
        const bool close = !result.suggestions.empty() && near_miss(entry.key, result.suggestions.front());
        if (config.version_source() == VersionSource::file_keys && version < kCatalogVersions[0] && !close) {
            result.kind = UnknownKeyKind::older_flink;
        } else if (result.suggestions.empty() && !foreign_namespace(entry.key).empty()) {
            result.kind = UnknownKeyKind::foreign_namespace;
        } else if (operator_namespace(entry.key) && !close) {
            const auto reordered = reordered_operator_option(config.catalog(), entry.key);
            result.kind = reordered ? UnknownKeyKind::operator_reordered : UnknownKeyKind::operator_extension;
            if (reordered) result.reordered = *reordered;
        } else {
            result.kind = UnknownKeyKind::unknown;
        }
    }
    return result;
}

}  // namespace flinklint::rules
