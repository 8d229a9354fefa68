// FL902 rest-exposed-without-auth: Flink's REST endpoint reachable from outside the cluster (a
// LoadBalancer or NodePort Service on the JobManager's REST port, an Ingress to it, a FlinkDeployment's
// `spec.ingress`, `kubernetes.rest-service.exposed.type: LoadBalancer|NodePort`) while nothing
// authenticates callers: Flink's REST API has no authentication of its own. With `web.submit.enable`
// (default true) anyone can upload a jar and run it; a session cluster accepts job submissions over
// REST even without it; every cluster lets callers cancel jobs and trigger savepoints.
#include <fmt/format.h>

#include <deque>

#include "flinklint/deployment.hpp"
#include "flinklint/text_util.hpp"
#include "rules/kubernetes/operator_support.hpp"

namespace flinklint::rules {
namespace {

struct Exposure {
    SourcePtr source;
    Span span;
    std::string how;              // "Service flink-rest (LoadBalancer)"
    const ProcessConfig* config;  // the JobManager's configuration
    bool application = false;
    std::string limited;  // why reach is narrower: "loadBalancerSourceRanges", ...
    bool proxy_auth = false;
};

bool auth_annotation(const std::map<std::string, std::string>& annotations) {
    for (const auto& [key, value] : annotations) {
        const std::string k = ascii_lower(key);
        for (std::string_view marker :
             {"auth-url", "auth-type", "auth-signin", "auth-secret", "auth-tls-verify-client", "oauth",
              "/auth", "authorization", "konghq.com/plugins", "router.middlewares"})
            if (k.find(marker) != std::string::npos) return true;
    }
    return false;
}

std::string limited_by(const K8sObject& object) {
    if (object.service && object.service->load_balancer_source_ranges) return "`loadBalancerSourceRanges`";
    for (const auto& [key, value] : object.annotations) {
        const std::string k = ascii_lower(key), v = ascii_lower(value);
        if (k.find("whitelist-source-range") != std::string::npos ||
            k.find("allowlist-source-range") != std::string::npos)
            return fmt::format("the {} annotation", quoted(key));
        if ((k.find("internal") != std::string::npos && (v == "true" || v == "0.0.0.0/0")) ||
            (k.find("load-balancer-type") != std::string::npos && v == "internal") ||
            (k.find("scheme") != std::string::npos && v == "internal"))
            return fmt::format("the internal load balancer annotation {}", quoted(key));
    }
    return {};
}

const K8sObject* service_named(const Model& model, std::string_view name, std::string_view ns) {
    for (const Model::ObjectRef& ref : model.objects())
        if (ref.object->service && ref.object->name.value == name &&
            (ns.empty() || ref.object->namespace_.empty() || ref.object->namespace_ == ns))
            return ref.object;
    return nullptr;
}

// The JobManager pod whose REST port `service` sends `port` (a Service port number or name; empty: any) to.
const PodView* rest_target(const K8sObject& service, std::string_view port,
                           const std::vector<PodView>& pods) {
    for (const ServicePort& sp : service.service->ports) {
        if (!port.empty() && sp.port.value != port && sp.name.value != port) continue;
        const Located& target = sp.target_port ? sp.target_port : sp.port;
        for (const PodView* pod : selected_pods(service, pods)) {
            if (pod->role != FlinkRole::jobmanager || !pod->config.known) continue;
            const auto number = resolve_port(*pod, target.value);
            if (!number) continue;
            const Listeners listeners = flink_listeners(*pod);
            if (const Listener* l = listeners.find(*number); l != nullptr && l->key == "rest.bind-port")
                return pod;
        }
    }
    return nullptr;
}

// The places that expose the REST endpoint, each with the JobManager configuration behind it.
class Exposures {
public:
    explicit Exposures(const Model& model) : model_(model), resources_(operator_resources(model)) {}

    // LoadBalancer and NodePort Services on the REST port, and Ingresses to it.
    void add_services_and_ingresses() {
        const std::vector<PodView>& pods = model_.pods();
        for (const Model::ObjectRef& ref : model_.objects()) {
            const K8sObject& object = *ref.object;
            if (object.service && object.service->type &&
                (object.service->type.value == "LoadBalancer" || object.service->type.value == "NodePort")) {
                if (const PodView* pod = rest_target(object, "", pods))
                    found.push_back(
                        {ref.file->source, object.service->type.span,
                         fmt::format("Service {} of type {}", object.name.value, object.service->type.value),
                         &pod->config, pod->application, limited_by(object), false});
            }
            if (object.ingress) add_ingress(ref, pods);
        }
    }

    // A FlinkDeployment's `spec.ingress`.
    void add_operator_ingresses() {
        for (const OperatorResource& r : resources_) {
            if (!r.deployment() || !r.spec().has_ingress) continue;
            K8sObject annotations_only;
            annotations_only.annotations = r.spec().ingress_annotations;
            found.push_back(
                {r.file->source,
                 r.spec().ingress_template ? r.spec().ingress_template.span : r.spec().ingress_span,
                 fmt::format("the `spec.ingress` of {}", r.label()), config_of(r.config), r.spec().has_job,
                 limited_by(annotations_only), auth_annotation(r.spec().ingress_annotations)});
        }
    }

    // `kubernetes.rest-service.exposed.type: LoadBalancer|NodePort` (Flink's native Kubernetes mode).
    void add_exposed_rest_services() {
        for (const FlinkConfig& config : model_.configs()) {
            const ConfigEntry* type = config.get_option("kubernetes.rest-service.exposed.type");
            if (type == nullptr) continue;
            const std::string value(trim(type->value));
            if (value != "LoadBalancer" && value != "NodePort") continue;
            const K8sObject* owner = config.owner();
            const bool application =
                owner != nullptr && owner->flink
                    ? owner->flink->has_job
                    : ascii_lower(config.value("execution.target").value_or("")) == "kubernetes-application";
            std::string limited;
            if (const auto a = config.value("kubernetes.rest-service.annotations");
                a && ascii_lower(*a).find("internal") != std::string::npos)
                limited = "an internal load balancer annotation in `kubernetes.rest-service.annotations`";
            found.push_back({config.source(), type->value_span, fmt::format("`{}: {}`", type->key, value),
                             config_of(&config), application, limited, false});
        }
    }

    std::vector<Exposure> found;

private:
    // The first backend of an Ingress that reaches a JobManager's REST port.
    void add_ingress(const Model::ObjectRef& ref, const std::vector<PodView>& pods) {
        const K8sObject& object = *ref.object;
        for (const IngressBackend& backend : object.ingress->backends) {
            const PodView* pod = nullptr;
            const OperatorResource* fd = nullptr;
            if (const K8sObject* svc = service_named(model_, backend.service_name.value, object.namespace_))
                pod = rest_target(*svc, backend.service_port.value, pods);
            for (const OperatorResource& r : resources_)
                if (r.deployment() && backend.service_name.value == r.object->name.value + "-rest") fd = &r;
            if (pod == nullptr && fd == nullptr) continue;
            found.push_back({ref.file->source, backend.service_name.span,
                             fmt::format("Ingress {}", object.name.value),
                             pod != nullptr ? &pod->config : config_of(fd->config),
                             pod != nullptr ? pod->application : fd->spec().has_job, limited_by(object),
                             auth_annotation(object.annotations)});
            return;
        }
    }

    // The configuration of a FlinkDeployment or a plain file (none: Flink's defaults), kept alive here.
    const ProcessConfig* config_of(const FlinkConfig* config) {
        if (config == nullptr) {
            alone_.emplace_back();
            alone_.back().known = true;
        } else {
            alone_.push_back(config_alone(*config));
        }
        return &alone_.back();
    }

    const Model& model_;
    std::vector<OperatorResource> resources_;
    std::deque<ProcessConfig> alone_;
};

void report_exposure(const Exposure& e, Reporter& reporter) {
    const ProcessConfig& c = *e.config;
    const bool ssl = c.flag("security.ssl.rest.enabled", c.flag("security.ssl.enabled", false));
    const bool mutual = ssl && c.flag("security.ssl.rest.authentication-enabled", false);
    if (mutual || e.proxy_auth) return;
    const bool submit = c.flag("web.submit.enable", true);
    const bool runs_code = submit || !e.application;
    Finding f{.source = e.source, .span = e.span, .key = "rest"};
    const std::string what =
        submit ? "anyone who reaches it can upload a jar and run code in the cluster "
                 "(`web.submit.enable` is "
                 "true, Flink's default), cancel jobs and trigger savepoints"
        : !e.application
            ? "anyone who reaches it can submit jobs to this session cluster over REST "
              "(`web.submit.enable: false` only hides the upload in the web UI), cancel jobs and "
              "trigger savepoints"
            : "anyone who reaches it can cancel the job and trigger savepoints";
    f.message = fmt::format("{} exposes Flink's REST endpoint beyond the cluster with no authentication: {}",
                            e.how, what);
    if (!runs_code || ssl || !e.limited.empty()) f.severity = Severity::info;
    if (ssl) f.message += "; `security.ssl.rest.enabled` encrypts the traffic but authenticates no client";
    if (!e.limited.empty()) f.message += fmt::format("; reach is limited by {}", e.limited);
    f.help =
        "keep the REST Service ClusterIP and put an authenticating proxy or ingress (OAuth2, mTLS) in "
        "front, or enable `security.ssl.rest.enabled` with `security.ssl.rest.authentication-enabled` "
        "(mutual TLS); set `web.submit.enable: false` where nobody uploads jars";
    reporter.report(std::move(f));
}

}  // namespace

void check_rest_exposed_without_auth(const Model& model, Reporter& reporter) {
    Exposures exposures(model);
    exposures.add_services_and_ingresses();
    exposures.add_operator_ingresses();
    exposures.add_exposed_rest_services();
    for (const Exposure& e : exposures.found) report_exposure(e, reporter);
}

}  // namespace flinklint::rules
