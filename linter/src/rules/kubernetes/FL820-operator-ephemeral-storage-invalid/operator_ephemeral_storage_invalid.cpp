// FL820 operator-ephemeral-storage-invalid: `spec.jobManager.resource.ephemeralStorage` and
// `spec.taskManager.resource.ephemeralStorage` must parse as Kubernetes quantities (the operator's
// validator calls Quantity.parse and getAmountInBytes); anything else rejects the resource.
// Memory strings are FL802's; a memory the configuration cannot derive is FL301/FL302's.
#include <fmt/format.h>

#include "flinklint/values.hpp"
#include "rules/kubernetes/operator_support.hpp"

namespace flinklint::rules {

void check_operator_ephemeral_storage_invalid(const Model& model, Reporter& reporter) {
    for (const OperatorResource& r : operator_resources(model)) {
        if (!r.deployment()) continue;
        for (const auto& [field, path] :
             {std::pair{&r.spec().ephemeral_jm, "spec.jobManager.resource.ephemeralStorage"},
              std::pair{&r.spec().ephemeral_tm, "spec.taskManager.resource.ephemeralStorage"}}) {
            if (!*field || parse_kubernetes_quantity(field->value)) continue;
            Finding f = r.at(field->span, path);
            f.message = fmt::format("the operator rejects {}: {} {} is not a Kubernetes quantity", r.label(),
                                    quoted(path), quoted(field->value));
            f.help = "write a quantity such as `10Gi` or `512Mi` (binary) or `10G` (decimal)";
            reporter.report(std::move(f));
        }
    }
}

}  // namespace flinklint::rules
