// FL829 session-job-targets-application-cluster: a FlinkSessionJob whose `spec.deploymentName` names a
// FlinkDeployment with a `job`, an application cluster. The operator's validator refuses it ("Can not
// submit session job to application cluster"): only session clusters (no `spec.job`) take session jobs.
#include <fmt/format.h>

#include "rules/kubernetes/operator_support.hpp"

namespace flinklint::rules {

void check_session_job_targets_application_cluster(const Model& model, Reporter& reporter) {
    const auto all = operator_resources(model);
    for (const OperatorResource& r : all) {
        if (r.deployment()) continue;
        const OperatorResource* cluster = session_cluster(all, r);
        if (cluster == nullptr || !cluster->spec().has_job) continue;
        Finding f = r.at(r.spec().deployment_name.span, "spec.deploymentName");
        f.message = fmt::format(
            "the operator rejects {}: {} runs its own job (it has `spec.job`), so it is an "
            "application cluster and takes no session jobs",
            r.label(), cluster->label());
        f.help = fmt::format(
            "point `deploymentName` at a FlinkDeployment without `spec.job`, or remove `spec.job` "
            "from {} to make it a session cluster",
            cluster->label());
        reporter.report(std::move(f));
    }
}

}  // namespace flinklint::rules
