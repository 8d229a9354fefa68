// Pod specs, containers, volumes, services and operator resources, as written in a manifest.
#include "ingest/k8s_read.hpp"

namespace flinklint::ingestion {

std::size_t K8sReader::at(std::size_t map, std::initializer_list<std::string_view> path) const {
    std::size_t node = map;
    for (std::string_view key : path) {
        if (node == npos) return npos;
        node = map_get(doc_, node, key);
    }
    return node;
}

Located K8sReader::located(std::size_t index) {
    Located out;
    const std::size_t r = resolve(doc_, index);
    if (r == npos || doc_.nodes[r].kind != YNode::Kind::scalar || !take()) return out;
    out.value = doc_.nodes[r].value;
    out.span = doc_.nodes[index].span;
    out.present = true;
    return out;
}

std::vector<Located> K8sReader::scalars(std::size_t seq) {
    std::vector<Located> out;
    for_each_item(doc_, seq, [&](std::size_t item) {
        if (Located l = located(item)) out.push_back(std::move(l));
    });
    return out;
}

std::map<std::string, std::string> K8sReader::string_map(std::size_t map) {
    std::map<std::string, std::string> out;
    for_each_pair(doc_, map, [&](std::size_t key, std::size_t value) {
        if (!take()) return;
        out[scalar_text(doc_, key)] = scalar_text(doc_, value);
    });
    return out;
}

Container K8sReader::container(std::size_t map, std::vector<PropertiesRef>& properties) {
    Container c;
    c.name = located_at(map, {"name"});
    c.image = located_at(map, {"image"});
    c.args = scalars(at(map, {"args"}));
    c.command = scalars(at(map, {"command"}));
    for_each_item(doc_, at(map, {"ports"}), [&](std::size_t port) {
        if (!take()) return;
        c.ports.push_back({located_at(port, {"name"}), located_at(port, {"containerPort"}),
                           located_at(port, {"protocol"})});
    });
    for_each_pair(doc_, map, [&](std::size_t key, std::size_t value) {
        const std::string name = scalar_text(doc_, key);
        if (name != "livenessProbe" && name != "readinessProbe" && name != "startupProbe") return;
        Probe probe;
        probe.kind = name.substr(0, name.size() - 5);
        probe.span = doc_.nodes[key].span;
        for (std::string_view handler : {"tcpSocket", "httpGet", "grpc", "exec"}) {
            const std::size_t h = map_get(doc_, value, handler);
            if (h == npos) continue;
            probe.handler = std::string(handler);
            probe.port = located_at(h, {"port"});
            break;
        }
        c.probes.push_back(std::move(probe));
    });
    for_each_item(doc_, at(map, {"env"}), [&](std::size_t var) {
        if (!take()) return;
        EnvVar env;
        env.name = located_at(var, {"name"});
        env.value = located_at(var, {"value"});
        if (const std::size_t from = map_get(doc_, var, "valueFrom"); from != npos) {
            env.from_secret = map_get(doc_, from, "secretKeyRef") != npos;
            env.config_map_name = located_at(from, {"configMapKeyRef", "name"});
            env.config_map_key = located_at(from, {"configMapKeyRef", "key"});
        }
        if (env.name.value == "FLINK_PROPERTIES" && env.value)
            properties.push_back({c.name.value, c.image, map_get(doc_, var, "value")});
        c.env.push_back(std::move(env));
    });
    c.env_from = at(map, {"envFrom"}) != npos;
    for_each_item(doc_, at(map, {"volumeMounts"}), [&](std::size_t mount) {
        if (!take()) return;
        VolumeMount m;
        m.name = located_at(mount, {"name"});
        m.mount_path = located_at(mount, {"mountPath"});
        m.sub_path = located_at(mount, {"subPath"});
        m.read_only = scalar_text(doc_, at(mount, {"readOnly"})) == "true";
        c.volume_mounts.push_back(std::move(m));
    });
    c.cpu_request = located_at(map, {"resources", "requests", "cpu"});
    c.cpu_limit = located_at(map, {"resources", "limits", "cpu"});
    c.memory_request = located_at(map, {"resources", "requests", "memory"});
    c.memory_limit = located_at(map, {"resources", "limits", "memory"});
    return c;
}

Volume K8sReader::volume(std::size_t map) {
    Volume v;
    v.name = located_at(map, {"name"});
    v.config_map_name = located_at(map, {"configMap", "name"});
    for_each_item(doc_, at(map, {"configMap", "items"}), [&](std::size_t item) {
        if (!take()) return;
        v.config_map_items.emplace_back(located_at(item, {"key"}), located_at(item, {"path"}));
    });
    v.config_map_optional = located_at(map, {"configMap", "optional"}).value == "true";
    v.secret_name = located_at(map, {"secret", "secretName"});
    for_each_pair(doc_, map, [&](std::size_t key, std::size_t) {
        if (std::string name = scalar_text(doc_, key); name != "name" && v.type.empty())
            v.type = std::move(name);
    });
    return v;
}

PodSpecFacts K8sReader::pod(std::size_t pod_template, std::vector<PropertiesRef>& properties) {
    PodSpecFacts facts;
    facts.labels = string_map(at(pod_template, {"metadata", "labels"}));
    facts.annotations = string_map(at(pod_template, {"metadata", "annotations"}));
    facts.prometheus_port = located_at(pod_template, {"metadata", "annotations", "prometheus.io/port"});
    const std::size_t spec = at(pod_template, {"spec"});
    for_each_item(doc_, at(spec, {"containers"}), [&](std::size_t c) {
        if (take()) facts.containers.push_back(container(c, properties));
    });
    for_each_item(doc_, at(spec, {"initContainers"}), [&](std::size_t c) {
        if (take()) facts.init_containers.push_back(container(c, properties));
    });
    for_each_item(doc_, at(spec, {"volumes"}), [&](std::size_t v) {
        if (take()) facts.volumes.push_back(volume(v));
    });
    return facts;
}

ServiceFacts K8sReader::service(std::size_t spec) {
    ServiceFacts facts;
    facts.type = located_at(spec, {"type"});
    facts.selector = string_map(at(spec, {"selector"}));
    facts.headless = located_at(spec, {"clusterIP"}).value == "None";
    for_each_item(doc_, at(spec, {"ports"}), [&](std::size_t port) {
        if (!take()) return;
        facts.ports.push_back({located_at(port, {"name"}), located_at(port, {"port"}),
                               located_at(port, {"targetPort"}), located_at(port, {"nodePort"}),
                               located_at(port, {"protocol"})});
    });
    for_each_item(doc_, at(spec, {"loadBalancerSourceRanges"}),
                  [&](std::size_t) { facts.load_balancer_source_ranges = true; });
    return facts;
}

IngressFacts K8sReader::ingress(std::size_t spec) {
    IngressFacts facts;
    const auto add = [&](std::size_t backend) {
        if (backend == npos || !take()) return;
        IngressBackend b;
        if (at(backend, {"service"}) != npos) {  // networking.k8s.io/v1
            b.service_name = located_at(backend, {"service", "name"});
            b.service_port = located_at(backend, {"service", "port", "number"});
            if (!b.service_port) b.service_port = located_at(backend, {"service", "port", "name"});
        } else {  // extensions/v1beta1, networking.k8s.io/v1beta1
            b.service_name = located_at(backend, {"serviceName"});
            b.service_port = located_at(backend, {"servicePort"});
        }
        if (b.service_name) facts.backends.push_back(std::move(b));
    };
    add(at(spec, {"defaultBackend"}));
    add(at(spec, {"backend"}));
    for_each_item(doc_, at(spec, {"rules"}), [&](std::size_t rule) {
        for_each_item(doc_, at(rule, {"http", "paths"}),
                      [&](std::size_t path) { add(at(path, {"backend"})); });
    });
    for_each_item(doc_, at(spec, {"tls"}), [&](std::size_t) { facts.tls = true; });
    return facts;
}

FlinkResourceFacts K8sReader::flink_resource(std::size_t spec, std::vector<PropertiesRef>& properties) {
    FlinkResourceFacts f;
    f.flink_version = located_at(spec, {"flinkVersion"});
    f.image = located_at(spec, {"image"});
    f.service_account = located_at(spec, {"serviceAccount"});
    f.mode = located_at(spec, {"mode"});
    f.jm_memory = located_at(spec, {"jobManager", "resource", "memory"});
    f.jm_cpu = located_at(spec, {"jobManager", "resource", "cpu"});
    f.jm_replicas = located_at(spec, {"jobManager", "replicas"});
    f.ephemeral_jm = located_at(spec, {"jobManager", "resource", "ephemeralStorage"});
    f.tm_memory = located_at(spec, {"taskManager", "resource", "memory"});
    f.tm_cpu = located_at(spec, {"taskManager", "resource", "cpu"});
    f.tm_replicas = located_at(spec, {"taskManager", "replicas"});
    f.ephemeral_tm = located_at(spec, {"taskManager", "resource", "ephemeralStorage"});
    const std::size_t job = at(spec, {"job"});
    f.has_job = is_kind(doc_, job, YNode::Kind::map);
    f.job_jar_uri = located_at(job, {"jarURI"});
    f.job_parallelism = located_at(job, {"parallelism"});
    f.job_upgrade_mode = located_at(job, {"upgradeMode"});
    f.job_state = located_at(job, {"state"});
    f.job_entry_class = located_at(job, {"entryClass"});
    f.job_args = scalars(at(job, {"args"}));
    f.savepoint_trigger_nonce = located_at(job, {"savepointTriggerNonce"});
    f.initial_savepoint_path = located_at(job, {"initialSavepointPath"});
    f.deployment_name = located_at(spec, {"deploymentName"});
    const std::size_t ingress = at(spec, {"ingress"});
    f.has_ingress = ingress != npos && !is_kind(doc_, ingress, YNode::Kind::null);
    for_each_pair(doc_, spec, [&](std::size_t key, std::size_t) {
        if (f.has_ingress && scalar_text(doc_, key) == "ingress") f.ingress_span = doc_.nodes[key].span;
    });
    f.ingress_template = located_at(ingress, {"template"});
    f.ingress_annotations = string_map(at(ingress, {"annotations"}));
    for_each_pair(doc_, at(spec, {"logConfiguration"}), [&](std::size_t key, std::size_t) {
        if (Located l = located(key)) f.log_configuration_keys.push_back(std::move(l));
    });
    if (const std::size_t t = at(spec, {"podTemplate"}); is_kind(doc_, t, YNode::Kind::map))
        f.pod_template = pod(t, properties);
    if (const std::size_t t = at(spec, {"jobManager", "podTemplate"}); is_kind(doc_, t, YNode::Kind::map))
        f.jm_pod_template = pod(t, properties);
    if (const std::size_t t = at(spec, {"taskManager", "podTemplate"}); is_kind(doc_, t, YNode::Kind::map))
        f.tm_pod_template = pod(t, properties);
    return f;
}

}  // namespace flinklint::ingestion
