// FL704 random-port-targeted: a probe or a Service points at a port Flink picks at random. Left at
// `0`, `taskmanager.rpc.port` and `blob.server.port` bind a free port at every start, and with
// ZooKeeper HA the JobManager's RPC binds `high-availability.jobmanager.port` (also `0` by default)
// instead of `jobmanager.rpc.port`. The official image's entrypoint fixes the blob port to 6124; native
// Kubernetes fixes blob, TaskManager RPC and REST ports.
#include <fmt/format.h>

#include <set>

#include "rules/ports/port_support.hpp"

namespace flinklint::rules {
namespace {

std::string fix_help(const Listener& l, int port, const PodView& pod) {
    std::string where = "the configuration the container reads";
    if (!pod.config.files.empty()) where = fmt::format("`{}`", rules::where(*pod.config.files.back()));
    return fmt::format("set `{}: {}` in {} so that the {} always binds the port that is checked", l.key, port,
                       where, l.what);
}

}  // namespace

void check_random_port_targeted(const Model& model, Reporter& reporter) {
    const std::vector<PodView>& pods = model.pods();
    for (const PodView& pod : pods) {
        if (pod.role == FlinkRole::none || pod.main == nullptr || !pod.config.known) continue;
        const Listeners listeners = flink_listeners(pod);
        for (const Probe* probe : pod.probes) {
            if (!probe->port) continue;
            const auto number = resolve_port(pod, probe->port.value, pod.main);
            if (!number || listeners.find(*number) != nullptr) continue;
            const Listener* l = random_listener_for(listeners, *number, probe->port.value);
            if (l == nullptr || declared_by_other_container(pod, *number)) continue;
            Finding finding{.source = pod.file->source, .span = probe->port.span, .key = l->key};
            finding.severity = probe->kind == "readiness" ? Severity::warning : Severity::error;
            finding.message = fmt::format(
                "the {}Probe of {} checks port {}, but {}: the {} binds a random port, "
                "not {}{}",
                probe->kind, pod.describe(), *number, setting_text(*l, "0"), l->what, *number,
                probe_consequence(*probe));
            finding.help = fix_help(*l, *number, pod);
            reporter.report(std::move(finding));
        }
    }
    // Services: a port that routes to a random Flink port reaches nothing.
    for (const Model::ObjectRef& ref : model.objects()) {
        if (!ref.object->service) continue;
        const auto selected = selected_pods(*ref.object, pods);
        for (const ServicePort& sp : ref.object->service->ports) {
            const Located& target = sp.target_port ? sp.target_port : sp.port;
            if (!target) continue;
            std::set<std::string> seen;
            for (const PodView* pod : selected) {
                if (pod->role == FlinkRole::none || !pod->config.known) continue;
                const auto number = resolve_port(*pod, target.value);
                if (!number) continue;
                const Listeners listeners = flink_listeners(*pod);
                if (listeners.find(*number) != nullptr || declared_by_other_container(*pod, *number))
                    continue;
                const std::string name = sp.name ? sp.name.value : target.value;
                const Listener* l = random_listener_for(listeners, *number, name);
                if (l == nullptr) l = random_listener_for(listeners, *number, target.value);
                // With ZooKeeper HA, TaskManagers find the JobManager through ZooKeeper, not this Service.
                if (l == nullptr || l->key == "high-availability.jobmanager.port" ||
                    !seen.insert(l->key).second)
                    continue;
                reporter.report({.source = ref.file->source,
                                 .span = target.span,
                                 .message = fmt::format(
                                     "Service {} sends port {} to {} on {}, but {}: the {} binds a random "
                                     "port, so connections through the Service are refused",
                                     ref.object->name.value, sp.port ? sp.port.value : target.value,
                                     pod->describe(), *number, setting_text(*l, "0"), l->what),
                                 .help = fix_help(*l, *number, *pod),
                                 .key = l->key});
            }
        }
    }
}

}  // namespace flinklint::rules
