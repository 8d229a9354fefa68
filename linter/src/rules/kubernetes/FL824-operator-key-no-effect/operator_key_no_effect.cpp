// FL824 operator-key-no-effect: a key the Kubernetes operator reads only from its own configuration
// (the Helm chart's `defaultConfiguration`, the operator's conf directory) written into a resource's
// flinkConfiguration, where the operator never looks for it: reconcile intervals, retries, leader
// election, watched namespaces, artifact allowlists, metrics of the operator itself, ...
#include <fmt/format.h>

#include "rules/kubernetes/operator_support.hpp"

namespace flinklint::rules {

void check_operator_key_no_effect(const Model& model, Reporter& reporter) {
    for (const OperatorResource& r : operator_resources(model)) {
        if (r.config == nullptr) continue;
        for (const ConfigEntry& entry : r.config->entries()) {
            const KeyLookup lookup = r.config->lookup(entry);
            const bool defaults = entry.key.starts_with("kubernetes.operator.default-configuration.");
            const bool operator_wide =
                lookup.option != nullptr && lookup.option->operator_scope == OperatorScope::operator_wide;
            if (!defaults && !operator_wide) continue;
            Finding f = r.at(entry.key_span, entry.key);
            f.message = defaults ? fmt::format(
                                       "{} has no effect in {}: the operator applies default configurations "
                                       "from its own configuration only",
                                       quoted(entry.key), r.label())
                                 : fmt::format(
                                       "{} has no effect in {}: the operator reads it from its own "
                                       "configuration only, never from a resource",
                                       quoted(entry.key), r.label());
            f.help =
                "move the setting to the operator's configuration (Helm value `defaultConfiguration`, "
                "`config.yaml`/`flink-conf.yaml` of the operator) or remove the line";
            f.fix = delete_entry_fix(entry, *r.config, FixSafety::safe);
            reporter.report(std::move(f));
        }
    }
}

}  // namespace flinklint::rules
