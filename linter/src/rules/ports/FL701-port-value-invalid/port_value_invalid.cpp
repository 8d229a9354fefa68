// FL701 port-value-invalid: a port Flink or Kubernetes cannot use. Flink's port options take a
// port, a range or a list (`50100-50200,50300`, NetUtils.getPortRangeFromString) within 0..65535;
// a malformed or empty spec fails the process at start. Kubernetes refuses ports outside 1..65535.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "flinklint/text_util.hpp"

#include "flinklint/deployment.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

// Options NetUtils parses as a port spec (String options: port, range or list).
constexpr std::array<std::string_view, 7> kRangeOptions = {"blob.server.port",
                                                           "taskmanager.rpc.port",
                                                           "rest.bind-port",
                                                           "high-availability.jobmanager.port",
                                                           "queryable-state.proxy.ports",
                                                           "queryable-state.server.ports",
                                                           "metrics.internal.query-service.port"};
// Integer options: one port.
constexpr std::array<std::string_view, 3> kIntegerOptions = {"jobmanager.rpc.port", "rest.port",
                                                             "taskmanager.data.port"};

bool is_reporter_port(std::string_view key) {
    return key.starts_with("metrics.reporter.") && key.ends_with(".port");
}

void check_config(const FlinkConfig& config, Reporter& reporter) {
    for (const ConfigEntry& entry : config.entries()) {
        const KeyLookup lookup = config.lookup(entry);
        const std::string_view option =
            lookup.option != nullptr && lookup.kind != KeyLookup::Kind::pass_through
                ? std::string_view(lookup.option->key)
                : std::string_view(entry.key);
        const bool range_option =
            std::find(kRangeOptions.begin(), kRangeOptions.end(), option) != kRangeOptions.end() ||
            is_reporter_port(entry.key);
        const bool integer_option =
            std::find(kIntegerOptions.begin(), kIntegerOptions.end(), option) != kIntegerOptions.end();
        if (!range_option && !integer_option) continue;
        const std::string value(trim(entry.value));
        // Templates (`{{ port }}`, `${PORT}`, `$port$`, `@port@`) are filled in before Flink reads the file.
        if (value.empty() || value.find_first_of("${}<>@%") != std::string::npos) continue;
        Finding finding{.source = config.source(),
                        .span = entry.value_span.empty() ? entry.key_span : entry.value_span,
                        .key = entry.key};
        if (integer_option) {
            const auto n = parse_java_long(value);
            if (!n) continue;  // not a number: FL102 invalid-value reports it
            if (*n >= 0 && *n <= 65535) {
                const auto ha = config.value("high-availability.type");
                const bool ha_on = ha && ascii_lower(trim(*ha)) != "none";
                if (*n == 0 && (option == "rest.port" || (option == "jobmanager.rpc.port" && !ha_on))) {
                    finding.severity = Severity::warning;
                    finding.message = fmt::format(
                        "{} is 0: the {} binds a random port, but clients and TaskManagers connect to port 0 "
                        "and never reach it",
                        quoted(entry.key), option == "rest.port" ? "REST endpoint" : "JobManager RPC");
                    finding.help = fmt::format("set a fixed port (Flink's default is {})",
                                               option == "rest.port" ? "8081" : "6123");
                    reporter.report(std::move(finding));
                }
                continue;
            }
            finding.message =
                fmt::format("{} is {}, outside 0..65535: the process fails at start", quoted(entry.key), *n);
            finding.help = "write a port between 1 and 65535";
            reporter.report(std::move(finding));
            continue;
        }
        const auto ranges = parse_port_ranges(value);
        if (!ranges) {
            finding.message = fmt::format(
                "{} is not a port, range or list Flink can read ({}): the process fails "
                "at start",
                quoted(entry.key), ranges.error());
            finding.help = "write a port (`6124`), a range (`50100-50200`) or a comma-separated list of them";
            reporter.report(std::move(finding));
            continue;
        }
        if (ranges->empty()) {
            finding.message = fmt::format(
                "{} lists no port at all: Flink finds nothing to bind and the process "
                "fails at start",
                quoted(entry.key));
            finding.help = "write a port, a range or a comma-separated list of them";
            reporter.report(std::move(finding));
            continue;
        }
        for (const PortRange& r : *ranges) {
            if (r.first <= r.last) continue;
            finding.message = fmt::format(
                "{} holds the range {}-{}, which starts above its end: it contains no "
                "port, so Flink cannot bind and the process fails at start",
                quoted(entry.key), r.first, r.last);
            finding.help = fmt::format("write the range low to high: `{}-{}`", r.last, r.first);
            reporter.report(std::move(finding));
            break;
        }
    }
}

void check_manifest_port(const ParsedFile& file, const Located& port, std::string_view what,
                         Reporter& reporter) {
    if (!port) return;
    const auto n = port_number(port.value);
    if (!n || (*n >= 1 && *n <= 65535)) return;
    reporter.report(
        {.source = file.source,
         .span = port.span,
         .message = fmt::format("{} {} is outside 1..65535: the API server rejects the object", what, *n),
         .help = "write a port between 1 and 65535",
         .key = std::string(what)});
}

void check_pod(const ParsedFile& file, const PodSpecFacts& pod, Reporter& reporter) {
    for (const auto* list : {&pod.containers, &pod.init_containers}) {
        for (const Container& c : *list) {
            for (const ContainerPort& p : c.ports)
                check_manifest_port(file, p.container_port, "containerPort", reporter);
            for (const Probe& probe : c.probes)
                check_manifest_port(file, probe.port, probe.kind + "Probe port", reporter);
        }
    }
}

}  // namespace

void check_port_value_invalid(const Model& model, Reporter& reporter) {
    for (const FlinkConfig& config : model.configs()) check_config(config, reporter);
    for (const Model::ObjectRef& ref : model.objects()) {
        const K8sObject& object = *ref.object;
        if (object.pod) check_pod(*ref.file, *object.pod, reporter);
        if (object.flink) {
            for (const auto* t : {&object.flink->pod_template, &object.flink->jm_pod_template,
                                  &object.flink->tm_pod_template})
                if (t->has_value()) check_pod(*ref.file, **t, reporter);
        }
        if (!object.service) continue;
        for (const ServicePort& p : object.service->ports) {
            check_manifest_port(*ref.file, p.port, "Service port", reporter);
            check_manifest_port(*ref.file, p.target_port, "Service targetPort", reporter);
            check_manifest_port(*ref.file, p.node_port, "Service nodePort", reporter);
        }
    }
}

}  // namespace flinklint::rules
