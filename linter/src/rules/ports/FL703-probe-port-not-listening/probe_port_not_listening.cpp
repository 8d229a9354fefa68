// FL703 probe-port-not-listening: a liveness, readiness or startup probe of a JobManager or
// TaskManager container checks a port its Flink process does not listen on, going by the
// configuration the container reads. A failing liveness probe restarts the container forever.
#include <fmt/format.h>

#include "rules/ports/port_support.hpp"

namespace flinklint::rules {

void check_probe_port_not_listening(const Model& model, Reporter& reporter) {
    const std::vector<PodView>& pods = model.pods();
    for (const PodView& pod : pods) {
        if (pod.role == FlinkRole::none || pod.main == nullptr || !pod.config.known) continue;
        const Listeners listeners = flink_listeners(pod);
        for (const Probe* probe : pod.probes) {
            if (!probe->port) continue;
            Finding finding{
                .source = pod.file->source, .span = probe->port.span, .key = probe->kind + "Probe"};
            finding.severity = probe->kind == "readiness" ? Severity::warning : Severity::error;
            const auto number = resolve_port(pod, probe->port.value, pod.main);
            if (!number) {
                finding.message = fmt::format(
                    "the {}Probe of container {} checks the port named {}, which the container does not "
                    "declare: the probe cannot succeed{}",
                    probe->kind, quoted(pod.main->name.value), quoted(probe->port.value),
                    probe_consequence(*probe));
                finding.help = "name a port of the container's `ports`, or write the port number";
                reporter.report(std::move(finding));
                continue;
            }
            if (!listeners.complete || listeners.find(*number) != nullptr) continue;
            if (random_listener_for(listeners, *number, probe->port.value) != nullptr) continue;  // FL704
            if (declared_by_other_container(pod, *number)) continue;
            finding.message = fmt::format(
                "the {}Probe of {} checks port {}, where its Flink process does not "
                "listen (it listens on: {}){}",
                probe->kind, pod.describe(), *number, listening_summary(listeners),
                probe_consequence(*probe));
            finding.help = probe_help(listeners, pod.role);
            reporter.report(std::move(finding));
        }
    }
}

}  // namespace flinklint::rules
