// FL822 operator-required-field-missing: fields the CRDs leave optional but the operator's validator
// requires: `spec.serviceAccount` of a FlinkDeployment (its pods need it to manage Kubernetes
// resources) and `spec.job` of a FlinkSessionJob.
#include <fmt/format.h>

#include "rules/kubernetes/operator_support.hpp"

namespace flinklint::rules {

void check_operator_required_field_missing(const Model& model, Reporter& reporter) {
    for (const OperatorResource& r : operator_resources(model)) {
        if (model.is_patch(*r.object)) continue;  // a kustomize patch: the base holds what it omits
        Finding f = r.at(r.anchor());
        if (r.deployment() && !r.spec().service_account) {
            f.key = "spec.serviceAccount";
            f.message = fmt::format(
                "the operator rejects {}: `spec.serviceAccount` is not set (\"spec."
                "serviceAccount must be defined\")",
                r.label());
            f.help =
                "set `spec.serviceAccount` to the account the operator's Helm chart creates for jobs "
                "(`flink` "
                "by default, `jobServiceAccount` in the chart values)";
        } else if (!r.deployment() && !r.spec().has_job) {
            f.key = "spec.job";
            f.message = fmt::format(
                "the operator rejects {}: `spec.job` is not set (\"The job spec should not be "
                "empty\")",
                r.label());
            f.help = "add `spec.job` with at least `jarURI` and `parallelism`";
        } else {
            continue;
        }
        reporter.report(std::move(f));
    }
}

}  // namespace flinklint::rules
