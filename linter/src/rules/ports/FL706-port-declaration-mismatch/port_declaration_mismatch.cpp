// FL706 port-declaration-mismatch: a containerPort of a JobManager or TaskManager container that
// names a Flink port (`rpc`, `blob-server`, `webui`, `metrics`, ...) with a number its Flink process
// does not use, or a Flink port declared with protocol UDP. Services, NetworkPolicies and Prometheus
// discovery follow the declaration, not the process. Flink's RPC, blob, data, REST and metrics
// traffic is TCP only.
#include <fmt/format.h>

#include "flinklint/text_util.hpp"
#include "rules/ports/port_support.hpp"

namespace flinklint::rules {
namespace {

const Listener* named_listener(const Listeners& listeners, std::string_view name) {
    const std::string lower = ascii_lower(name);
    for (const Listener& l : listeners.list)
        for (const std::string& n : l.names)
            if (n == lower) return &l;
    return nullptr;
}

void check_udp(const ParsedFile& file, const Located& protocol, int number, const Listener& l,
               std::string_view what, Reporter& reporter) {
    if (!protocol || ascii_lower(protocol.value) != "udp") return;
    reporter.report(
        {.source = file.source,
         .span = protocol.span,
         .message = fmt::format("{} {} is declared UDP, but the {} on port {} speaks TCP only (Flink "
                                "uses no UDP at all): nothing answers on this port",
                                what, number, l.what, number),
         .help = "declare the port with `protocol: TCP` (the default); firewall rules for Flink need "
                 "TCP only",
         .key = "protocol"});
}

}  // namespace

void check_port_declaration_mismatch(const Model& model, Reporter& reporter) {
    const std::vector<PodView>& pods = model.pods();
    for (const PodView& pod : pods) {
        if (pod.role == FlinkRole::none || pod.main == nullptr || !pod.config.known) continue;
        const Listeners listeners = flink_listeners(pod);
        for (const ContainerPort& port : pod.main->ports) {
            const auto number = port_number(port.container_port.value);
            if (!number) continue;
            if (const Listener* on = listeners.find(*number)) {
                check_udp(*pod.file, port.protocol, *number, *on, "containerPort", reporter);
                continue;
            }
            if (!port.name) continue;
            const Listener* l = named_listener(listeners, port.name.value);
            if (l == nullptr || l->random) continue;  // random ports: FL704 when something relies on them
            reporter.report({.source = pod.file->source,
                             .span = port.container_port.span,
                             .message = fmt::format(
                                 "containerPort {} of {} declares {}, but the {} listens on {} ({}): "
                                 "Services, NetworkPolicies and scrapers that use this declaration miss it",
                                 quoted(port.name.value), pod.describe(), *number, l->what, l->value_text(),
                                 listener_origin(*l)),
                             .help = fmt::format("declare containerPort {} or set `{}: {}`",
                                                 l->ranges.empty() ? 0 : l->ranges[0].first, l->key, *number),
                             .key = l->key});
        }
    }
    // Prometheus pod discovery scrapes the annotated port.
    for (const PodView& pod : pods) {
        if (pod.role == FlinkRole::none || !pod.config.known || !pod.prometheus_port) continue;
        const auto number = port_number(pod.prometheus_port.value);
        if (!number || declared_by_other_container(pod, *number)) continue;
        const Listeners listeners = flink_listeners(pod);
        if (!listeners.complete || listeners.find(*number) != nullptr) continue;
        const Listener* reporter_port = nullptr;
        for (const Listener& l : listeners.list)
            if (l.what == "Prometheus reporter") reporter_port = &l;
        reporter.report(
            {.source = pod.file->source,
             .span = pod.prometheus_port.span,
             .message =
                 reporter_port != nullptr
                     ? fmt::format(
                           "the annotation `prometheus.io/port: {}` of {} points Prometheus at port {}, "
                           "but the Prometheus reporter listens on {} ({}): no metrics are scraped",
                           *number, pod.describe(), *number, reporter_port->value_text(),
                           listener_origin(*reporter_port))
                     : fmt::format(
                           "the annotation `prometheus.io/port: {}` of {} points Prometheus at port {}, "
                           "but no Prometheus reporter is configured for the {}: no metrics are "
                           "scraped",
                           *number, pod.describe(), *number, role_name(pod.role)),
             .help = reporter_port != nullptr
                         ? fmt::format("annotate the reporter's port, or set `{}: {}`", reporter_port->key,
                                       *number)
                         : fmt::format("set `metrics.reporter.prom.factory.class: "
                                       "org.apache.flink.metrics.prometheus.PrometheusReporterFactory` and "
                                       "`metrics.reporter.prom.port: {}`",
                                       *number),
             .key = "prometheus.io/port"});
    }
    // Service ports declared UDP in front of a Flink port.
    for (const Model::ObjectRef& ref : model.objects()) {
        if (!ref.object->service) continue;
        const auto selected = selected_pods(*ref.object, pods);
        for (const ServicePort& sp : ref.object->service->ports) {
            const Located& target = sp.target_port ? sp.target_port : sp.port;
            for (const PodView* pod : selected) {
                const auto number = resolve_port(*pod, target.value);
                if (!number) continue;
                const Listeners listeners = flink_listeners(*pod);
                if (const Listener* l = listeners.find(*number)) {
                    check_udp(*ref.file, sp.protocol, *number, *l, "Service port", reporter);
                    break;
                }
            }
        }
    }
}

}  // namespace flinklint::rules
