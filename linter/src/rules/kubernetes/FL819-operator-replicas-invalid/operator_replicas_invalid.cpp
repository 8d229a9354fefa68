// FL819 operator-replicas-invalid: replica and parallelism values the operator's validator rejects:
// `spec.jobManager.replicas` < 1, `spec.taskManager.replicas` < 1, and for a job without
// `taskManager.replicas`, `job.parallelism` < 1 (it defaults to 0, so leaving it out is rejected too).
#include <fmt/format.h>

#include "flinklint/deployment.hpp"
#include "rules/kubernetes/operator_support.hpp"

namespace flinklint::rules {
namespace {

std::optional<long long> integer(const Located& l) {
    if (!l) return std::nullopt;
    const auto v = parse_java_long(l.value);
    return v ? std::optional<long long>(*v) : std::nullopt;
}

}  // namespace

void check_operator_replicas_invalid(const Model& model, Reporter& reporter) {
    for (const OperatorResource& r : operator_resources(model)) {
        const FlinkResourceFacts& spec = r.spec();
        if (r.deployment()) {
            if (const auto jm = integer(spec.jm_replicas); jm && *jm < 1) {
                Finding f = r.at(spec.jm_replicas.span, "spec.jobManager.replicas");
                f.message = fmt::format(
                    "the operator rejects {}: `spec.jobManager.replicas` is {}, it must be at "
                    "least 1",
                    r.label(), *jm);
                f.help =
                    "set it to 1 (or more, with high availability); suspend a job with `job.state: "
                    "suspended`";
                reporter.report(std::move(f));
            }
        }
        if (!spec.has_job) continue;
        const bool tm_replicas_defined = r.deployment() && spec.tm_replicas;
        if (tm_replicas_defined) {
            if (const auto tm = integer(spec.tm_replicas); tm && *tm < 1) {
                Finding f = r.at(spec.tm_replicas.span, "spec.taskManager.replicas");
                f.message = fmt::format(
                    "the operator rejects {}: `spec.taskManager.replicas` is {}, it must be at "
                    "least 1",
                    r.label(), *tm);
                f.help =
                    "set at least 1 TaskManager, or remove the field and size the job with `job.parallelism`";
                reporter.report(std::move(f));
            }
            continue;
        }
        const auto parallelism = integer(spec.job_parallelism);
        if (spec.job_parallelism && !parallelism) continue;  // the CRD's integer type rejects it first
        if (parallelism && *parallelism >= 1) continue;
        Finding f =
            r.at(spec.job_parallelism ? spec.job_parallelism.span : r.anchor(), "spec.job.parallelism");
        f.message =
            spec.job_parallelism
                ? fmt::format("the operator rejects {}: `job.parallelism` is {}, it must be at least 1",
                              r.label(), *parallelism)
                : fmt::format(
                      "the operator rejects {}: `job.parallelism` is not set (it defaults to 0) and "
                      "`taskManager.replicas` is not set either (\"Job parallelism must be larger "
                      "than 0\")",
                      r.label());
        f.help = "set `spec.job.parallelism` (or `spec.taskManager.replicas` on a FlinkDeployment)";
        reporter.report(std::move(f));
    }
}

}  // namespace flinklint::rules
