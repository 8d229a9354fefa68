// FL710 taskmanager-host-unreachable: `taskmanager.host` is the address a TaskManager advertises to the
// ResourceManager and JobMasters (flink-core TaskManagerOptions.HOST: "the external address of the network
// interface where the TaskManager is exposed"; TaskManagerRunner#determineTaskManagerBindAddress returns it
// as the RPC service's external address). The ResourceManager connects back to that address before it accepts
// the registration (ResourceManager#registerTaskExecutor: rpcService.connect(taskExecutorAddress)). A
// wildcard (0.0.0.0, ::) is a bind address: from the JobManager's pod it is the JobManager's own host, so the
// TaskManager is declined and never offers a slot. One fixed address in the configuration of several
// TaskManager pods makes them all advertise the same host (the option's description: "different TaskManagers
// need different values"), so the calls meant for one reach another or none.
#include <fmt/format.h>

#include "flinklint/deployment.hpp"
#include "flinklint/text_util.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

bool wildcard(std::string_view host) {
    return host == "0.0.0.0" || host == "::" || host == "[::]" || host == "0:0:0:0:0:0:0:0";
}

// A value Kubernetes or a template fills per pod (`$(POD_IP)`, `${HOST}`, `{{ ... }}`) is not judged.
bool filled_later(std::string_view value) {
    return value.find('$') != std::string_view::npos || value.find("{{") != std::string_view::npos;
}

}  // namespace

void check_taskmanager_host_unreachable(const Model& model, Reporter& reporter) {
    for (const PodView& pod : model.pods()) {
        // Native Kubernetes and the operator start TaskManagers their own way; a configuration not in view
        // is not judged.
        if (pod.role != FlinkRole::taskmanager || pod.operator_managed || pod.native || !pod.config.known)
            continue;

        const auto host = pod.config.get("taskmanager.host");
        if (!host || host->source == nullptr || host->span.empty()) continue;
        const std::string value(strip_quotes(trim(host->value)));
        if (value.empty() || filled_later(value)) continue;
        Finding f{.source = host->source, .span = host->span, .key = "taskmanager.host"};
        if (wildcard(value)) {
            f.message = fmt::format(
                "{} advertises `taskmanager.host: {}` ({}) to the ResourceManager: that is a bind address, "
                "and from the JobManager's pod it is the JobManager's own host, so the ResourceManager "
                "cannot "
                "connect back, declines the registration and the TaskManager never offers a slot",
                pod.describe(), value, host->where);
            f.help =
                "remove `taskmanager.host` (the TaskManager then advertises its own address) and bind with "
                "`taskmanager.bind-host: 0.0.0.0`, or pass the pod's IP (`-Dtaskmanager.host=$(POD_IP)`)";
        } else if (pod.replicas > 1) {
            f.message = fmt::format(
                "{} runs {} TaskManager pods that all read `taskmanager.host: {}` ({}): each advertises "
                "the same address, so the JobManager's calls for one TaskManager reach another or none, and "
                "tasks fail to deploy",
                pod.describe(), pod.replicas, value, host->where);
            f.help = "remove `taskmanager.host`, or set it per pod (`-Dtaskmanager.host=$(POD_IP)`)";
        } else {
            continue;
        }
        reporter.report(std::move(f));
    }
}

}  // namespace flinklint::rules
