#include "flinklint/deployment.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "flinklint/text_util.hpp"
#include "model/deployment/pod_detail.hpp"

namespace flinklint {

namespace deployment_detail {

bool same_namespace(std::string_view a, std::string_view b) {
    return a.empty() || b.empty() || a == b;
}

}  // namespace deployment_detail

namespace {

using deployment_detail::same_namespace;
using deployment_detail::words;

// What the container's command line starts: from its words, e.g. `taskmanager`, `bin/jobmanager.sh`,
// `standalone-job`; flags (`-Dtaskmanager.resource-id=...`) are skipped.
FlinkRole role_of_command(const Container& c, bool& application, bool& entrypoint, bool& other_process) {
    std::vector<const Located*> parts;
    for (const Located& l : c.command) parts.push_back(&l);
    for (const Located& l : c.args) parts.push_back(&l);
    FlinkRole role = FlinkRole::none;
    // In a `bash -c` script only commands count (a path, a `.sh`, a verb alone): the script's other words
    // (`echo "Waiting for JobManager"`, `nc -z flink-jobmanager 6123` in a client that runs `flink run`)
    // name processes it waits for, not the one it runs.
    bool shell = false, script = false;
    for (const Located* part : parts) {
        for (std::string_view word : words(part->value)) {
            if (script && word.find('/') == std::string_view::npos && !word.ends_with(".sh") &&
                word != "jobmanager" && word != "taskmanager" && word != "standalone-job")
                continue;
            if (word == "-c" && shell) script = true;
            if (word == "sh" || word == "bash" || word.ends_with("/sh") || word.ends_with("/bash"))
                shell = true;
            if (word.starts_with("-")) continue;
            const std::string base =
                ascii_lower(word.substr(word.rfind('/') == std::string_view::npos ? 0 : word.rfind('/') + 1));
            if (base.find("docker-entrypoint") != std::string::npos) entrypoint = true;
            if (role != FlinkRole::none || other_process) continue;
            if (base.find("history") != std::string::npos || base.find("sql-gateway") != std::string::npos) {
                other_process = true;
            } else if (base.find("taskmanager") != std::string::npos ||
                       base.find("taskexecutor") != std::string::npos) {
                role = FlinkRole::taskmanager;
            } else if (base.find("standalone-job") != std::string::npos ||
                       base.find("applicationclusterentry") != std::string::npos) {
                role = FlinkRole::jobmanager;
                application = true;
            } else if (base.find("jobmanager") != std::string::npos ||
                       base.find("sessionclusterentry") != std::string::npos) {
                role = FlinkRole::jobmanager;
            }
        }
    }
    // The image's entrypoint runs when the command is not overridden and the first argument is one of its
    // verbs.
    if (c.command.empty() && !c.args.empty()) {
        const auto first = words(c.args.front().value);
        if (!first.empty() && (first.front() == "jobmanager" || first.front() == "taskmanager" ||
                               first.front() == "standalone-job"))
            entrypoint = true;
    }
    return role;
}

FlinkRole role_of_name(std::string_view text) {
    const std::string lower = ascii_lower(text);
    if (lower.find("taskmanager") != std::string::npos) return FlinkRole::taskmanager;
    if (lower.find("jobmanager") != std::string::npos) return FlinkRole::jobmanager;
    return FlinkRole::none;
}

PodView workload_view(const Model& model, const Model::ObjectRef& ref) {
    const K8sObject& object = *ref.object;
    const PodSpecFacts& pod = *object.pod;
    PodView view;
    view.file = ref.file;
    view.object = &object;
    view.labels = pod.labels;
    view.ns = object.namespace_;
    view.replicas = object.replicas.value_or(1);
    view.prometheus_port = pod.prometheus_port;
    for (const Container& c : pod.containers) {
        view.containers.push_back(&c);
        for (const ContainerPort& p : c.ports) {
            if (const auto n = port_number(p.container_port.value))
                view.ports.push_back({p.name.value, *n, p.protocol ? p.protocol.value : "TCP", &c, &p});
        }
    }
    for (const Container& c : pod.containers) {
        bool application = false, entrypoint = false, other = false;
        FlinkRole role = role_of_command(c, application, entrypoint, other);
        if (other) continue;
        std::optional<FlinkVersion> version;
        const bool official = official_image(c.image.value, version);
        const bool flinkish = official || ascii_lower(c.image.value).find("flink") != std::string::npos ||
                              c.name.value == "flink-main-container";
        if (role == FlinkRole::none && flinkish && pod.containers.size() == 1) {
            const auto component = pod.labels.find("component");
            if (component != pod.labels.end()) role = role_of_name(component->second);
            if (role == FlinkRole::none) role = role_of_name(c.name.value);
            if (role == FlinkRole::none) role = role_of_name(object.name.value);
        }
        if (role == FlinkRole::none) continue;
        view.role = role;
        view.main = &c;
        view.application = application;
        view.entrypoint = entrypoint;
        view.official_image = official;
        view.image_version = version;
        for (const Probe& p : c.probes) view.probes.push_back(&p);
        deployment_detail::link_config(model, *ref.file, pod, view);
        break;
    }
    return view;
}

void add_flink_deployment_views(const Model& model, const Model::ObjectRef& ref, std::vector<PodView>& out) {
    const K8sObject& object = *ref.object;
    const FlinkResourceFacts& spec = *object.flink;
    const bool native = !(spec.mode && spec.mode.value == "standalone");
    for (FlinkRole role : {FlinkRole::jobmanager, FlinkRole::taskmanager}) {
        PodView view;
        view.file = ref.file;
        view.object = &object;
        view.ns = object.namespace_;
        view.role = role;
        view.operator_managed = true;
        // Both modes fix blob, TaskManager RPC and REST ports (checkAndUpdatePortConfigOption).
        view.native = true;
        view.application = spec.has_job;
        const bool jm = role == FlinkRole::jobmanager;
        view.labels = {{"app", object.name.value},
                       {"component", jm ? "jobmanager" : "taskmanager"},
                       {"type", native ? "flink-native-kubernetes" : "flink-standalone-kubernetes"}};
        const Located& replicas = jm ? spec.jm_replicas : spec.tm_replicas;
        if (const auto n = port_number(replicas.value)) view.replicas = *n;
        for (const auto* tmpl : {jm ? &spec.jm_pod_template : &spec.tm_pod_template, &spec.pod_template}) {
            if (!tmpl->has_value()) continue;
            for (const auto& [k, v] : (*tmpl)->labels) view.labels.emplace(k, v);
            if (!view.prometheus_port) view.prometheus_port = (*tmpl)->prometheus_port;
            for (const Container& c : (*tmpl)->containers) {
                view.containers.push_back(&c);
                for (const ContainerPort& p : c.ports)
                    if (const auto n = port_number(p.container_port.value))
                        view.ports.push_back(
                            {p.name.value, *n, p.protocol ? p.protocol.value : "TCP", &c, &p});
                if (c.name.value != "flink-main-container") continue;
                if (view.main == nullptr) view.main = &c;
                for (const Probe& p : c.probes) view.probes.push_back(&p);
            }
        }
        if (const FlinkConfig* config =
                deployment_detail::config_of(model, &object, "", ConfigFormat::flink_deployment)) {
            view.config.files.push_back(config);
            view.config.version = config->version();
        } else if (spec.flink_version) {
            view.config.version =
                FlinkVersion::parse(spec.flink_version.value).value_or(kDefaultFlinkVersion);
        }
        view.config.known = true;
        // Flink's native decorators add the container ports of the main container.
        const Listeners listeners = flink_listeners(view);
        for (const Listener& l : listeners.list) {
            if (l.random || l.ranges.size() != 1 || l.ranges[0].first != l.ranges[0].last) continue;
            const std::string name = l.key == "jobmanager.rpc.port"    ? "jobmanager-rpc"
                                     : l.key == "blob.server.port"     ? "blobserver"
                                     : l.key == "rest.bind-port"       ? "rest"
                                     : l.key == "taskmanager.rpc.port" ? "taskmanager-rpc"
                                                                       : "";
            if (!name.empty()) view.ports.push_back({name, l.ranges[0].first, "TCP", view.main, nullptr});
        }
        out.push_back(std::move(view));
    }
}

}  // namespace

std::string_view role_name(FlinkRole role) {
    switch (role) {
        case FlinkRole::jobmanager:
            return "JobManager";
        case FlinkRole::taskmanager:
            return "TaskManager";
        case FlinkRole::none:
            break;
    }
    return "pod";
}

std::string PodView::describe() const {
    if (operator_managed)
        return fmt::format("the {} pods of FlinkDeployment {}", role_name(role), object->name.value);
    return fmt::format("{} {}", object->kind, object->name.value);
}

bool runs_native(const FlinkConfig& config) {
    if (config.doc().format == ConfigFormat::flink_deployment) {
        const K8sObject* owner = config.owner();
        // The operator's standalone mode reads these ports with KubernetesUtils.parsePort too.
        return owner != nullptr && owner->kind == "FlinkDeployment" && owner->flink.has_value();
    }
    const auto target = config.value("execution.target");
    return target && ascii_lower(trim(*target)).starts_with("kubernetes-");
}

const std::vector<PodView>& Model::pods() const {
    // Rules run single-threaded per model, like FlinkConfig::effective().
    if (!pods_) pods_ = std::make_shared<const std::vector<PodView>>(derive_pods(*this));
    return *pods_;
}

const std::vector<const FlinkConfig*>& Model::configs_owned_by(const K8sObject* owner) const {
    // Asked once per pod and mount: a scan of every configuration each time was quadratic in a file
    // of thousands of FlinkDeployments. Single-threaded per model, like pods().
    if (!owned_) {
        auto index =
            std::make_shared<std::unordered_map<const K8sObject*, std::vector<const FlinkConfig*>>>();
        for (const FlinkConfig& config : configs_) (*index)[config.owner()].push_back(&config);
        owned_ = std::move(index);
    }
    static const std::vector<const FlinkConfig*> kNone;
    const auto it = owned_->find(owner);
    return it == owned_->end() ? kNone : it->second;
}

std::vector<PodView> derive_pods(const Model& model) {
    std::vector<PodView> views;
    for (const Model::ObjectRef& ref : model.objects()) {
        if (ref.object->pod) views.push_back(workload_view(model, ref));
        if (ref.object->kind == "FlinkDeployment" && ref.object->flink)
            add_flink_deployment_views(model, ref, views);
    }
    return views;
}

std::vector<const PodView*> selected_pods(const K8sObject& service, const std::vector<PodView>& pods) {
    std::vector<const PodView*> out;
    if (!service.service || service.service->selector.empty()) return out;
    for (const PodView& pod : pods) {
        if (!same_namespace(service.namespace_, pod.ns)) continue;
        const bool all = std::all_of(service.service->selector.begin(), service.service->selector.end(),
                                     [&](const auto& kv) {
                                         const auto it = pod.labels.find(kv.first);
                                         return it != pod.labels.end() && it->second == kv.second;
                                     });
        if (all) out.push_back(&pod);
    }
    // Of several deployments with the same labels, the ones in the Service's own namespace, then the
    // ones written beside it, are those it was written for.
    const auto narrow = [&out](auto&& keep) {
        std::vector<const PodView*> kept;
        for (const PodView* pod : out)
            if (keep(*pod)) kept.push_back(pod);
        if (!kept.empty()) out = std::move(kept);
    };
    if (!service.namespace_.empty()) narrow([&](const PodView& p) { return p.ns == service.namespace_; });
    narrow([&](const PodView& p) {
        return std::any_of(p.file->objects.begin(), p.file->objects.end(),
                           [&](const K8sObject& o) { return &o == &service; });
    });
    return out;
}

std::optional<int> port_number(std::string_view text) {
    text = trim(text);
    int n = 0;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), n);
    if (text.empty() || r.ec != std::errc() || r.ptr != text.data() + text.size()) return std::nullopt;
    return n;
}

std::optional<int> resolve_port(const PodView& pod, std::string_view port, const Container* container) {
    if (const auto n = port_number(port)) return n;
    for (const PodPort& p : pod.ports)
        if (p.name == port && (container == nullptr || p.container == container)) return p.number;
    return std::nullopt;
}

}  // namespace flinklint
