// FL708 jobmanager-service-port-missing: TaskManagers whose jobmanager.rpc.address is a Service's name reach
// the JobManager through that Service, which forwards only the ports it lists. Without high availability the
// TaskManager connects to jobmanager.rpc.address:jobmanager.rpc.port (HighAvailabilityServicesUtils
// #getJobManagerAddress) and later downloads job artifacts from the blob server at the JobManager's RPC host
// name and the port the JobManager reports (TaskExecutor#establishJobManagerConnection), so a Service without
// either port leaves the TaskManagers unregistered or unable to run a job. A headless Service resolves to the
// pods themselves and forwards nothing: it is not judged.
#include <fmt/format.h>

#include <set>

#include "flinklint/text_util.hpp"
#include "rules/ports/port_support.hpp"

namespace flinklint::rules {
namespace {

bool in_namespace(std::string_view a, std::string_view b) {
    return a.empty() || b.empty() || a == b;
}

bool high_availability(const ProcessConfig& config) {
    const auto ha = config.get("high-availability.type");
    return ha && ascii_lower(trim(ha->value)) != "none" && !trim(ha->value).empty();
}

// The Service a host name names from a pod in namespace `own`: `flink-jobmanager` (the pod's namespace),
// `flink-jobmanager.ns`, `flink-jobmanager.ns.svc.cluster.local`.
bool names_service(std::string_view host, const K8sObject& service, std::string_view own) {
    const std::string_view name = host.substr(0, host.find('.'));
    if (name != service.name.value) return false;
    if (name.size() == host.size())
        return service.namespace_.empty() || own.empty() || own == service.namespace_;
    std::string_view ns = host.substr(name.size() + 1);
    ns = ns.substr(0, ns.find('.'));
    return service.namespace_.empty() || ns == service.namespace_;
}

bool forwards(const ServiceFacts& service, int port) {
    for (const ServicePort& sp : service.ports)
        if (port_number(sp.port.value) == port) return true;
    return false;
}

std::string forwarded(const ServiceFacts& service) {
    std::string out;
    for (const ServicePort& sp : service.ports) {
        if (!out.empty()) out += ", ";
        out += sp.port.value;
    }
    return out.empty() ? "no port" : "only " + out;
}

Span service_span(const K8sObject& service) {
    return service.service->ports.empty() ? service.name.span : service.service->ports.front().port.span;
}

// JOB_MANAGER_RPC_ADDRESS, which the official image's docker-entrypoint.sh writes as jobmanager.rpc.address
// when nothing in the configuration sets it later (FLINK_PROPERTIES, `-D`).
std::optional<SetValue> entrypoint_address(const PodView& pod) {
    if (!pod.entrypoint || pod.main == nullptr) return std::nullopt;
    for (const EnvVar& var : pod.main->env)
        if (var.name.value == "JOB_MANAGER_RPC_ADDRESS" && var.value)
            return SetValue{var.name.value, var.value.value, pod.file->source, var.value.span,
                            "JOB_MANAGER_RPC_ADDRESS"};
    return std::nullopt;
}

// The entrypoint writes its host-name fallback only where it can: no ConfigMap (read-only) over the file.
bool entrypoint_names(const PodView& pod) {
    return pod.entrypoint && pod.conf_files.empty() && !pod.conf_dir_mounted;
}

std::optional<SetValue> own_address(const PodView& pod) {
    if (auto address = pod.config.get("jobmanager.rpc.address")) return address;
    return entrypoint_address(pod);
}

// The blob server of a JobManager that calls itself `host` (its RPC host name is where TaskManagers fetch
// blobs), or that the entrypoint names after its own host (FL708 reports that address; named as the
// Service, as it must be, it needs the blob port there); nullptr when it calls itself something else or
// its ports are unknown.
const Listener* blob_server(const PodView& jobmanager, std::string_view host, Listeners& listeners) {
    const auto own = own_address(jobmanager);
    if (own ? trim(own->value) != host : !entrypoint_names(jobmanager)) return nullptr;
    listeners = flink_listeners(jobmanager);
    for (const Listener& l : listeners.list)
        if (l.key == "blob.server.port") return &l;
    return nullptr;
}

struct Use {
    const PodView* taskmanager;
    SetValue address;
    int rpc_port;
};

void report(Reporter& reporter, const Model::ObjectRef& ref, const Use& use, std::string message,
            std::string help) {
    Finding f{.source = ref.file->source,
              .span = service_span(*ref.object),
              .message = std::move(message),
              .help = std::move(help),
              .key = "ports"};
    if (use.address.source != nullptr)
        f.related.push_back({.source = use.address.source,
                             .span = use.address.span,
                             .message = "the TaskManagers' JobManager address"});
    reporter.report(std::move(f));
}

// A JobManager started by the entrypoint with no address of its own: the entrypoint writes its host name
// as jobmanager.rpc.address, the RPC system (Akka, Pekko from 1.18) binds its actor system to that name
// and drops messages addressed to another one ("dropping message ... for non-local recipient"), so the
// TaskManagers, which address it by the Service's name, never register.
void report_unnamed_jobmanager(const PodView& jm, const Use& use, Reporter& reporter) {
    if (jm.main == nullptr || !jm.config.known || !entrypoint_names(jm) || own_address(jm) ||
        high_availability(jm.config))
        return;
    Finding f{.source = jm.file->source, .span = jm.main->name.span, .key = "JOB_MANAGER_RPC_ADDRESS"};
    f.message = fmt::format(
        "{} starts a JobManager that nothing gives an address (no `jobmanager.rpc.address`, no "
        "JOB_MANAGER_RPC_ADDRESS): the image's docker-entrypoint.sh sets it to the pod's host name, and its "
        "RPC "
        "system accepts only messages addressed to that name, while {} addresses it as `{}` (the Service): "
        "the messages are dropped and no TaskManager registers",
        jm.describe(), use.taskmanager->describe(), trim(use.address.value));
    f.help =
        fmt::format("set JOB_MANAGER_RPC_ADDRESS (or `jobmanager.rpc.address`) of the JobManager to `{}`",
                    trim(use.address.value));
    if (use.address.source != nullptr)
        f.related.push_back({.source = use.address.source,
                             .span = use.address.span,
                             .message = "the TaskManagers' JobManager address"});
    reporter.report(std::move(f));
}

void check_service(const Model::ObjectRef& ref, const Use& use, const std::vector<PodView>& pods,
                   Reporter& reporter) {
    const K8sObject& service = *ref.object;
    const ServiceFacts& facts = *service.service;
    const std::string host(trim(use.address.value));
    if (!forwards(facts, use.rpc_port))
        report(
            reporter, ref, use,
            fmt::format("Service {} forwards {}, not the JobManager RPC port {}: {} reaches the JobManager "
                        "at `{}:{}` (jobmanager.rpc.address), so it never registers with the ResourceManager",
                        service.name.value, forwarded(facts), use.rpc_port, use.taskmanager->describe(), host,
                        use.rpc_port),
            fmt::format("add `- name: rpc`, `port: {0}`, `targetPort: {0}` to the Service's ports",
                        use.rpc_port));
    for (const PodView* jm : selected_pods(service, pods)) {
        // An application cluster's job jar is usually in every image (usrlib): whether its TaskManagers fetch
        // anything from the blob server is not visible. A session cluster's jobs are uploaded to it.
        if (jm->role != FlinkRole::jobmanager) continue;
        report_unnamed_jobmanager(*jm, use, reporter);
        if (jm->application) continue;
        Listeners listeners;
        const Listener* blob = blob_server(*jm, host, listeners);
        if (blob == nullptr) continue;
        const bool fixed =
            !blob->random && blob->ranges.size() == 1 && blob->ranges[0].first == blob->ranges[0].last;
        if (fixed && forwards(facts, blob->ranges[0].first)) return;
        const std::string what = fixed ? fmt::format("not the blob server port {} ({})",
                                                     blob->ranges[0].first, listener_origin(*blob))
                                       : fmt::format("and the blob server listens on {} ({})",
                                                     blob->value_text(), listener_origin(*blob));
        report(
            reporter, ref, use,
            fmt::format(
                "Service {} forwards {}, {}: TaskManagers download job artifacts from the blob server "
                "at the JobManager's RPC host `{}`, so tasks fail to deploy once a job is submitted",
                service.name.value, forwarded(facts), what, host),
            fixed ? fmt::format("add port {} to the Service", blob->ranges[0].first)
                  : "set `blob.server.port` to a fixed port (the image uses 6124) and add it to the Service");
        return;
    }
}

// The JobManager address written for the TaskManager: its configuration's, else the FLINK_PROPERTIES of its
// container even where a `command:` keeps the entrypoint from applying them (FL840 reports that; the
// Service is still the one the TaskManagers are meant to reach).
std::optional<SetValue> address_for(const Model& model, const PodView& tm) {
    if (auto address = own_address(tm)) return address;
    if (tm.entrypoint || tm.main == nullptr) return std::nullopt;
    const std::string origin = " container " + tm.main->name.value + " FLINK_PROPERTIES";
    for (const FlinkConfig* config : model.configs_owned_by(tm.object)) {
        if (config->doc().format != ConfigFormat::compose_properties ||
            !config->doc().origin.ends_with(origin))
            continue;
        if (const ConfigEntry* entry = config->get_option("jobmanager.rpc.address"))
            return SetValue{entry->key, entry->value, config->source(), entry->value_span, config->where()};
    }
    return std::nullopt;
}

// An address that names the JobManager's Deployment while no Service of that name is in view and a Service
// in view selects the JobManager's pods under another name: Kubernetes DNS names Services (and a
// StatefulSet's pods through its headless Service), never a Deployment, so the TaskManagers cannot resolve
// the JobManager and never register. Reported once per address as written.
void check_workload_address(const Model& model, const PodView& tm, const SetValue& address,
                            std::set<std::pair<const Source*, std::size_t>>& reported, Reporter& reporter) {
    const std::string host(trim(address.value));
    const std::string_view name = std::string_view(host).substr(0, host.find('.'));
    if (address.source == nullptr || name.empty()) return;
    const PodView* jm = nullptr;
    for (const PodView& pod : model.pods())
        if (pod.role == FlinkRole::jobmanager && pod.object != nullptr && pod.object->kind == "Deployment" &&
            pod.object->name.value == name && in_namespace(pod.ns, tm.ns))
            jm = &pod;
    if (jm == nullptr) return;
    const K8sObject* service = nullptr;
    for (const Model::ObjectRef& ref : model.objects()) {
        if (!ref.object->service) continue;
        if (ref.object->name.value == name) return;  // a Service of that name answers it
        for (const PodView* pod : selected_pods(*ref.object, model.pods()))
            if (pod == jm) service = ref.object;
    }
    if (service == nullptr || !reported.insert({address.source.get(), address.span.begin}).second) return;
    Finding f{.source = address.source, .span = address.span, .key = "jobmanager.rpc.address"};
    f.message = fmt::format(
        "{} looks for the JobManager at `{}`, the name of {}, not of a Service: Kubernetes DNS names "
        "Services, "
        "not Deployments, so the TaskManagers cannot resolve the JobManager and never register; the "
        "JobManager's Service is {}",
        tm.describe(), host, jm->describe(), service->name.value);
    f.help = fmt::format("set `jobmanager.rpc.address: {}` (the Service that selects the JobManager)",
                         service->name.value);
    reporter.report(std::move(f));
}

}  // namespace

void check_jobmanager_service_port_missing(const Model& model, Reporter& reporter) {
    const std::vector<PodView>& pods = model.pods();
    std::set<const K8sObject*> judged;  // one finding per Service, whichever TaskManager uses it
    std::set<std::pair<const Source*, std::size_t>> workload_addresses;
    for (const PodView& tm : pods) {
        if (tm.role != FlinkRole::taskmanager || tm.operator_managed || tm.native || !tm.config.known)
            continue;
        if (high_availability(tm.config)) continue;  // the leader's address comes from the HA services
        const auto address = address_for(model, tm);
        if (!address || is_template_placeholder(address->value)) continue;
        check_workload_address(model, tm, *address, workload_addresses, reporter);
        const auto rpc_port = port_number(tm.config.value_or("jobmanager.rpc.port", "6123"));
        if (!rpc_port) continue;
        for (const Model::ObjectRef& ref : model.objects()) {
            const K8sObject& service = *ref.object;
            if (!service.service || service.service->headless ||
                !names_service(trim(address->value), service, tm.ns) || judged.count(&service) != 0)
                continue;
            if (service.service->type && service.service->type.value == "ExternalName") continue;
            bool jobmanagers = false;
            for (const PodView* pod : selected_pods(service, pods))
                jobmanagers = jobmanagers || pod->role == FlinkRole::jobmanager;
            if (!jobmanagers) continue;  // a Service for something else, or pods created elsewhere
            judged.insert(&service);
            check_service(ref, Use{&tm, *address, *rpc_port}, pods, reporter);
        }
    }
}

}  // namespace flinklint::rules
