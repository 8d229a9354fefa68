// FL822 operator-required-field-missing: fields the CRDs leave optional but the operator's validator
// requires: `spec.serviceAccount` of a FlinkDeployment (its pods need it to manage Kubernetes
// resources) and `spec.job` of a FlinkSessionJob; of a FlinkStateSnapshot, exactly one of `spec.savepoint`
// and `spec.checkpoint`, and `spec.jobReference` unless the savepoint already exists
// (DefaultValidator#validateStateSnapshot, operator release-1.15.0).
#include <fmt/format.h>

#include "rules/kubernetes/operator_support.hpp"

namespace flinklint::rules {
namespace {

void check_snapshots(const Model& model, Reporter& reporter) {
    for (const ParsedFile& file : model.files()) {
        for (const K8sObject& object : file.objects) {
            if (!object.snapshot) continue;
            const StateSnapshotFacts& s = *object.snapshot;
            Finding f{.source = file.source, .span = object.name ? object.name.span : object.span};
            if (s.savepoint == s.checkpoint) {
                f.key = s.savepoint ? "spec.checkpoint" : "spec.savepoint";
                f.message = fmt::format(
                    "the operator rejects FlinkStateSnapshot {}: {} (\"Exactly one of checkpoint or "
                    "savepoint "
                    "configurations has to be set.\")",
                    object.name.value,
                    s.savepoint ? "both `spec.savepoint` and `spec.checkpoint` are set"
                                : "neither `spec.savepoint` nor `spec.checkpoint` is set");
                f.help = "keep one of `spec.savepoint` and `spec.checkpoint`";
            } else if (!s.job_reference && !(s.savepoint && s.already_exists)) {
                f.key = "spec.jobReference";
                f.message = fmt::format(
                    "the operator rejects FlinkStateSnapshot {}: `spec.jobReference` is not set (\"Job "
                    "reference must be supplied for this snapshot\")",
                    object.name.value);
                f.help =
                    "add `spec.jobReference` (`kind: FlinkDeployment` or `FlinkSessionJob` and `name`), or "
                    "`spec.savepoint.alreadyExists: true` for a savepoint taken elsewhere";
            } else {
                continue;
            }
            reporter.report(std::move(f));
        }
    }
}

}  // namespace

void check_operator_required_field_missing(const Model& model, Reporter& reporter) {
    check_snapshots(model, reporter);
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
