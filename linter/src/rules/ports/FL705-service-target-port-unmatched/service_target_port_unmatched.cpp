// FL705 service-target-port-unmatched: a Service port whose targetPort reaches nothing in the pods
// it selects. A named targetPort that no selected container declares leaves the Service without
// endpoints for that port; a numeric one that no container declares and no Flink process of the
// selected pods listens on is refused.
#include <fmt/format.h>

#include "rules/ports/port_support.hpp"

namespace flinklint::rules {
namespace {

std::string pod_names(const std::vector<const PodView*>& pods) {
    std::string out;
    for (const PodView* pod : pods) {
        if (!out.empty()) out += ", ";
        out += pod->describe();
    }
    return out;
}

// Every container of the pod is accounted for: the Flink process with a known configuration, or a
// container that declares its ports.
bool fully_known(const PodView& pod, const Listeners& listeners) {
    if (pod.role == FlinkRole::none || !listeners.complete) return false;
    for (const Container* c : pod.containers) {
        if (c == pod.main) continue;
        if (c->ports.empty()) return false;
    }
    return true;
}

}  // namespace

void check_service_target_port_unmatched(const Model& model, Reporter& reporter) {
    const std::vector<PodView>& pods = model.pods();
    for (const Model::ObjectRef& ref : model.objects()) {
        const K8sObject& service = *ref.object;
        if (!service.service || (service.service->type && service.service->type.value == "ExternalName"))
            continue;
        const auto selected = selected_pods(service, pods);
        if (selected.empty()) continue;  // the pods are created elsewhere
        for (const ServicePort& sp : service.service->ports) {
            const Located& target = sp.target_port ? sp.target_port : sp.port;
            if (!target) continue;
            const auto number = port_number(target.value);
            const std::string shown =
                sp.name ? fmt::format("{} ({})", quoted(sp.name.value), sp.port.value) : sp.port.value;
            if (!number) {
                bool found = false;
                for (const PodView* pod : selected)
                    found = found || resolve_port(*pod, target.value).has_value();
                if (found) continue;
                reporter.report(
                    {.source = ref.file->source,
                     .span = target.span,
                     .message =
                         fmt::format("Service {} port {} targets the port named {}, which no container of "
                                     "the pods it selects declares ({}): the Service has no endpoints for "
                                     "this port and connections to it fail",
                                     service.name.value, shown, quoted(target.value), pod_names(selected)),
                     .help = "name a containerPort of the selected pods, or write the port number",
                     .key = "targetPort"});
                continue;
            }
            bool reached = false;
            bool judged = true;
            const PodView* flink_pod = nullptr;
            Listeners flink_ports;
            for (const PodView* pod : selected) {
                for (const PodPort& p : pod->ports) reached = reached || p.number == *number;
                const Listeners listeners = flink_listeners(*pod);
                if (listeners.find(*number) != nullptr) reached = true;
                if (!fully_known(*pod, listeners)) judged = false;
                if (pod->role != FlinkRole::none && flink_pod == nullptr) {
                    flink_pod = pod;
                    flink_ports = listeners;
                }
            }
            if (reached || !judged || flink_pod == nullptr) continue;
            if (random_listener_for(flink_ports, *number, sp.name ? sp.name.value : "") != nullptr)
                continue;  // FL704
            reporter.report({.source = ref.file->source,
                             .span = target.span,
                             .message = fmt::format(
                                 "Service {} port {} sends traffic to port {}, which nothing in {} listens "
                                 "on (the {} listens on: {}): connections through this port are refused",
                                 service.name.value, shown, *number, pod_names(selected),
                                 role_name(flink_pod->role), listening_summary(flink_ports)),
                             .help = "point targetPort at the port the process listens on (or set the Flink "
                                     "option to this port)",
                             .key = "targetPort"});
        }
    }
}

}  // namespace flinklint::rules
