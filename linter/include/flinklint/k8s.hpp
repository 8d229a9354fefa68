// Kubernetes objects around a Flink deployment, kept with positions for cross-document rules.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "flinklint/source.hpp"

namespace flinklint {

// A scalar as written in a manifest, with its position.
struct Located {
    std::string value;
    Span span;
    bool present = false;
    [[nodiscard]] explicit operator bool() const { return present; }
};

struct ContainerPort {
    Located name;
    Located container_port;  // integer text
    Located protocol;
};

struct Probe {
    std::string kind;     // liveness | readiness | startup
    std::string handler;  // tcpSocket | httpGet | grpc | exec
    Located port;         // number or name (tcpSocket/httpGet/grpc)
    Span span;            // the probe key
};

struct EnvVar {
    Located name;
    Located value;  // literal value (valueFrom is not resolved)
    bool from_secret = false;
    // valueFrom.configMapKeyRef: the variable holds that key of that ConfigMap.
    Located config_map_name;
    Located config_map_key;
};

struct VolumeMount {
    Located name;
    Located mount_path;
    Located sub_path;
    bool read_only = false;
};

struct Container {
    Located name;
    Located image;
    std::vector<Located> args;
    std::vector<Located> command;
    std::vector<ContainerPort> ports;
    std::vector<Probe> probes;
    std::vector<EnvVar> env;
    bool env_from = false;  // `envFrom`: variables from a ConfigMap or Secret flinklint does not resolve
    std::vector<VolumeMount> volume_mounts;
    Located cpu_request, cpu_limit, memory_request, memory_limit;
};

struct Volume {
    Located name;
    Located config_map_name;                                    // configMap.name, if a ConfigMap volume
    std::vector<std::pair<Located, Located>> config_map_items;  // key -> path
    bool config_map_optional = false;                           // configMap.optional: true
    Located secret_name;
    std::string type;  // the volume source key: emptyDir, configMap, persistentVolumeClaim, hostPath, ...
};

// Pod-carrying workloads (Deployment, StatefulSet, Job, Pod, DaemonSet, ReplicaSet),
// and the pod templates inside a FlinkDeployment.
struct PodSpecFacts {
    std::vector<Container> containers;
    std::vector<Container> init_containers;
    std::vector<Volume> volumes;
    std::map<std::string, std::string> labels;  // pod template labels

    // Pod template annotations, and `prometheus.io/port` among them (where Prometheus scrapes the pod).
    std::map<std::string, std::string> annotations;
    Located prometheus_port;
};

struct ServicePort {
    Located name;
    Located port;
    Located target_port;  // number or name
    Located node_port;
    Located protocol;
};

struct ServiceFacts {
    Located type;  // ClusterIP (default) | NodePort | LoadBalancer | ExternalName
    std::map<std::string, std::string> selector;
    std::vector<ServicePort> ports;
    bool load_balancer_source_ranges = false;  // spec.loadBalancerSourceRanges is set (non-empty)
    bool headless = false;                     // `clusterIP: None`: its name resolves to the pods themselves
};

// One backend of an Ingress (networking.k8s.io/v1 `service.{name,port}`, v1beta1 `serviceName/servicePort`).
struct IngressBackend {
    Located service_name;
    Located service_port;  // number or name
};

struct IngressFacts {
    std::vector<IngressBackend> backends;  // default backend and every rule path
    bool tls = false;
};

// spec of a FlinkDeployment / FlinkSessionJob (operator CRDs), as written.
struct FlinkResourceFacts {
    Located flink_version;  // spec.flinkVersion: v1_20
    Located image;
    Located service_account;
    Located mode;  // native | standalone
    Located jm_memory, jm_cpu, jm_replicas;
    Located tm_memory, tm_cpu, tm_replicas;
    Located ephemeral_jm, ephemeral_tm;
    bool has_job = false;
    Located job_jar_uri, job_parallelism, job_upgrade_mode, job_state, job_entry_class;
    std::vector<Located> job_args;  // spec.job.args
    Located savepoint_trigger_nonce, initial_savepoint_path;
    Located deployment_name;  // FlinkSessionJob
    bool has_ingress = false;
    Span ingress_span;  // the `ingress` key of spec
    Located ingress_template;
    std::map<std::string, std::string> ingress_annotations;
    std::vector<Located> log_configuration_keys;
    std::optional<PodSpecFacts> pod_template, jm_pod_template, tm_pod_template;
    // flinkConfiguration written as a nested object (operator >= 1.13) rather than a flat string map
    bool flink_configuration_nested = false;
};

// A `log4j*.properties` key of a ConfigMap, as far as which Log4j reads it.
struct LoggingFile {
    Located key;       // the data key
    Span log4j1_line;  // the first `log4j.rootLogger` / `log4j.appender.` line: Log4j 1 syntax
    // A key Log4j 2's properties reader takes (`rootLogger`, `appender.`, `logger.` at a line's start).
    bool log4j2 = false;
};

// spec of a FlinkStateSnapshot (operator 1.10+ CRD), what the operator's validator reads of it.
struct StateSnapshotFacts {
    bool savepoint = false;       // spec.savepoint
    bool checkpoint = false;      // spec.checkpoint
    bool already_exists = false;  // spec.savepoint.alreadyExists: true
    bool job_reference = false;   // spec.jobReference
};

struct K8sObject {
    std::string api_version;
    std::string kind;  // Deployment, StatefulSet, Service, ConfigMap, FlinkDeployment, ...
    Located name;      // metadata.name
    std::string namespace_;
    std::map<std::string, std::string> labels;
    std::map<std::string, std::string> annotations;
    Span span;                        // the whole document (start of `apiVersion`/first key to end)
    std::optional<PodSpecFacts> pod;  // workloads
    std::optional<ServiceFacts> service;
    std::optional<FlinkResourceFacts> flink;
    std::optional<StateSnapshotFacts> snapshot;  // FlinkStateSnapshot
    // Ingress objects
    std::optional<IngressFacts> ingress;
    std::optional<std::int64_t> replicas;      // spec.replicas of a workload
    std::vector<std::string> config_map_keys;  // data keys of a ConfigMap
    std::vector<LoggingFile> logging_files;    // its log4j*.properties keys written in Log4j 1 syntax
};

}  // namespace flinklint
