// FL813 operator-managed-key: `kubernetes.namespace`, `kubernetes.cluster-id` and
// `high-availability.cluster-id` in a FlinkDeployment's flinkConfiguration. The operator derives them
// from the resource's namespace and name, and its validator rejects a resource that sets them
// ("Forbidden Flink config key").
#include <fmt/format.h>

#include "rules/kubernetes/operator_support.hpp"

namespace flinklint::rules {

void check_operator_managed_key(const Model& model, Reporter& reporter) {
    for (const OperatorResource& r : operator_resources(model)) {
        if (!r.deployment() || r.config == nullptr) continue;
        for (const ConfigEntry& entry : r.config->entries()) {
            const bool forbidden = entry.key == "kubernetes.namespace" ||
                                   entry.key == "kubernetes.cluster-id" ||
                                   entry.key == "high-availability.cluster-id";
            if (!forbidden) continue;
            const std::string from =
                entry.key == "kubernetes.namespace" ? "metadata.namespace" : "metadata.name";
            Finding f = r.at(entry.key_span, entry.key);
            f.message = fmt::format(
                "the operator rejects {}: {} is set by the operator from {} (\"Forbidden "
                "Flink config key\")",
                r.label(), quoted(entry.key), quoted(from));
            f.help = fmt::format("remove the line; to change the value, change {}", quoted(from));
            // Unsafe: the resource starts to deploy, under the name the operator derives.
            f.fix = delete_entry_fix(entry, *r.config, FixSafety::unsafe);
            reporter.report(std::move(f));
        }
    }
}

}  // namespace flinklint::rules
