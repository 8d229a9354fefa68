// FL811 operator-resource-name-invalid: the operator's validator accepts FlinkDeployment names and a
// FlinkSessionJob's `spec.deploymentName` only if they match `[a-z]([-a-z\d]{0,43}[a-z\d])?`: lower
// case letters, digits and `-`, a letter first, at most 45 characters (the name becomes Flink's
// `kubernetes.cluster-id`, which prefixes the names of Services and ConfigMaps).
#include <fmt/format.h>

#include "rules/kubernetes/operator_support.hpp"

namespace flinklint::rules {
namespace {

std::string why(std::string_view name) {
    if (name.empty()) return "it is empty";
    if (name.size() > 45) return fmt::format("it has {} characters, the limit is 45", name.size());
    if (name.front() < 'a' || name.front() > 'z') return "it must start with a lower-case letter";
    for (char c : name) {
        if (c >= 'A' && c <= 'Z') return "it has upper-case letters";
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return fmt::format("`{}` is not allowed (only a-z, 0-9 and -)", c);
    }
    return "it must end with a letter or digit";
}

}  // namespace

void check_operator_resource_name_invalid(const Model& model, Reporter& reporter) {
    for (const OperatorResource& r : operator_resources(model)) {
        if (r.deployment()) {
            const Located& name = r.object->name;
            if (!name || valid_resource_name(name.value) || is_template_placeholder(name.value)) continue;
            Finding f = r.at(name.span, "metadata.name");
            f.message = fmt::format(
                "the operator rejects FlinkDeployment {}: {} ({}), because the name becomes "
                "Flink's cluster id",
                quoted(name.value), why(name.value), "pattern `[a-z]([-a-z0-9]{0,43}[a-z0-9])?`");
            f.help =
                "rename the resource: lower-case letters, digits and `-`, starting with a letter, at most 45 "
                "characters";
            reporter.report(std::move(f));
            continue;
        }
        const Located& target = r.spec().deployment_name;
        Finding f = r.at(target ? target.span : r.anchor(), "spec.deploymentName");
        if (!target) {
            f.message = fmt::format(
                "the operator rejects {}: `spec.deploymentName` is not set, so it names no "
                "session cluster",
                r.label());
            f.help =
                "set `spec.deploymentName` to the name of a session FlinkDeployment in the same namespace";
        } else if (!valid_resource_name(target.value)) {
            f.message = fmt::format(
                "the operator rejects {}: `spec.deploymentName` {} is not a valid "
                "FlinkDeployment name ({})",
                r.label(), quoted(target.value), why(target.value));
            f.help = "use the metadata.name of the session FlinkDeployment";
        } else {
            continue;
        }
        reporter.report(std::move(f));
    }
}

}  // namespace flinklint::rules
