// FL815 operator-health-check-needs-recovery: the operator's cluster health check
// (`kubernetes.operator.cluster.health-check.enabled: true`) restarts an unhealthy cluster through
// JobManager deployment recovery; its validator rejects the resource when
// `kubernetes.operator.jm-deployment-recovery.enabled` is false.
#include <fmt/format.h>

#include "rules/kubernetes/operator_support.hpp"

namespace flinklint::rules {

void check_operator_health_check_needs_recovery(const Model& model, Reporter& reporter) {
    for (const OperatorResource& r : operator_resources(model)) {
        if (!r.deployment() || r.config == nullptr) continue;
        const ConfigEntry* health =
            option_entry(r.config, "kubernetes.operator.cluster.health-check.enabled");
        const ConfigEntry* recovery =
            option_entry(r.config, "kubernetes.operator.jm-deployment-recovery.enabled");
        if (health == nullptr || recovery == nullptr || !parse_bool(health->value, false) ||
            parse_bool(recovery->value, true))
            continue;
        Finding f = r.at(recovery->key_span, recovery->key);
        f.message = fmt::format(
            "the operator rejects {}: the cluster health check ({}: true) needs JobManager "
            "deployment recovery, but {} is false",
            r.label(), quoted(health->key), quoted(recovery->key));
        f.help = fmt::format("remove {} (its default is true), or turn the health check off",
                             quoted(recovery->key));
        reporter.report(std::move(f));
    }
}

}  // namespace flinklint::rules
