// FL814 operator-ha-required: the operator's validator needs high availability
// (`high-availability.type` other than NONE) for standby JobManagers (`spec.jobManager.replicas` > 1)
// and for `kubernetes.operator.deployment.rollback.enabled: true`.
#include <fmt/format.h>

#include "flinklint/deployment.hpp"
#include "rules/kubernetes/operator_support.hpp"

namespace flinklint::rules {

void check_operator_ha_required(const Model& model, Reporter& reporter) {
    for (const OperatorResource& r : operator_resources(model)) {
        if (!r.deployment() || ha_enabled(r.config)) continue;
        const std::string help =
            "set `high-availability.type: kubernetes` and `high-availability.storageDir` (a durable path) in "
            "flinkConfiguration";
        const Located& replicas = r.spec().jm_replicas;
        if (const auto n = port_number(replicas.value); n && *n > 1) {
            Finding f = r.at(replicas.span, "spec.jobManager.replicas");
            f.message = fmt::format(
                "the operator rejects {}: standby JobManagers (`spec.jobManager.replicas: {}`) "
                "need high availability to elect a leader, which is not enabled",
                r.label(), *n);
            f.help = help;
            reporter.report(std::move(f));
        }
        const ConfigEntry* rollback =
            option_entry(r.config, "kubernetes.operator.deployment.rollback.enabled");
        if (rollback != nullptr && parse_bool(rollback->value, false)) {
            Finding f = r.at(rollback->key_span, rollback->key);
            f.message = fmt::format(
                "the operator rejects {}: rollbacks ({}: true) need high availability, which "
                "is not enabled (\"HA must be enabled for rollback support\")",
                r.label(), quoted(rollback->key));
            f.help = help;
            reporter.report(std::move(f));
        }
    }
}

}  // namespace flinklint::rules
