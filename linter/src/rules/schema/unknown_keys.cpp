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
        if (result.suggestions.empty() && !foreign_namespace(entry.key).empty()) {
            result.kind = UnknownKeyKind::foreign_namespace;
        } else if (operator_namespace(entry.key) &&
                   (result.suggestions.empty() || !near_miss(entry.key, result.suggestions.front()))) {
            result.kind = UnknownKeyKind::operator_extension;
        } else {
            result.kind = UnknownKeyKind::unknown;
        }
    }
    return result;
}

}  // namespace flinklint::rules
