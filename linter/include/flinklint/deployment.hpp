// The deployment facts of a group: its pods as Flink sees them (which process runs in which
// container, which configuration it reads, the ports it listens on) and the Services that select
// them. Derived once per model (Model::pods(), linter/src/model/deployment/); read by the port,
// Kubernetes and security rules.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "flinklint/k8s.hpp"
#include "flinklint/model.hpp"
#include "flinklint/values.hpp"
#include "flinklint/version.hpp"

namespace flinklint {

enum class FlinkRole { none, jobmanager, taskmanager };
std::string_view role_name(FlinkRole role);  // "JobManager", "TaskManager"

// A value a Flink process reads, with where it was set.
struct SetValue {
    std::string key;  // as written (may be a deprecated or fallback key)
    std::string value;
    SourcePtr source;   // null for values nothing in the group shows (the image's entrypoint)
    Span span;          // the value as written
    std::string where;  // "ConfigMap flink-config/flink-conf.yaml", "container args", ...
};

// The configuration one Flink process reads, highest priority first: `-D` arguments of the
// container, FLINK_PROPERTIES, the config file (a mounted ConfigMap, or a FlinkDeployment's
// flinkConfiguration). Without a mounted file the official image's own file applies, which sets
// no port (Flink's defaults).
class ProcessConfig {
public:
    bool known = false;  // false: a config file flinklint cannot see (custom image, volume outside the group)
    FlinkVersion version = kDefaultFlinkVersion;
    std::vector<SetValue> arguments;  // `-Dkey=value` of the container
    // `key=value` words of the command line without `-D`: Flink does not read them as options.
    std::vector<SetValue> bare_arguments;
    std::vector<const FlinkConfig*> files;  // highest priority first

    // Value of an option with Flink's lookup (key, then fallback and deprecated keys) over all layers.
    [[nodiscard]] std::optional<SetValue> get(std::string_view option_key) const;
    [[nodiscard]] std::string value_or(std::string_view option_key, std::string_view fallback) const;
    [[nodiscard]] bool flag(std::string_view option_key, bool fallback) const;
    // Effective key -> value of every key starting with `prefix`.
    [[nodiscard]] std::map<std::string, SetValue> with_prefix(std::string_view prefix) const;
};

// A port of a pod: declared by a container, or one the operator's native mode adds.
struct PodPort {
    std::string name;
    int number = 0;
    std::string protocol = "TCP";
    const Container* container = nullptr;
    const ContainerPort* declared = nullptr;  // null for ports Flink's native mode adds
};

struct MountedConfigFile {
    std::string name;                       // the file name Flink sees in its conf directory
    std::string key;                        // the ConfigMap key it comes from
    const K8sObject* config_map = nullptr;  // null when the ConfigMap is not in the group
    const FlinkConfig* config = nullptr;    // the parsed file, if any
    Span mount;                             // the volumeMount's mountPath
};

struct PodView {
    const ParsedFile* file = nullptr;
    const K8sObject* object = nullptr;
    std::map<std::string, std::string> labels;
    std::string ns;
    std::int64_t replicas = 1;
    std::vector<const Container*> containers;  // regular containers
    std::vector<PodPort> ports;
    Located prometheus_port;  // pod annotation `prometheus.io/port`
    // Flink facts: role is none for pods that run no JobManager or TaskManager.
    FlinkRole role = FlinkRole::none;
    const Container* main = nullptr;   // the Flink container
    std::vector<const Probe*> probes;  // probes of the Flink container
    bool operator_managed = false;     // a FlinkDeployment's pods (built by the operator)
    bool native = false;               // native Kubernetes or the operator: fixed ports
    bool entrypoint = false;           // the official image's docker-entrypoint.sh runs
    bool application = false;          // an application cluster (standalone-job, job spec)
    bool official_image = false;
    std::optional<FlinkVersion> image_version;  // from an official image's tag
    bool conf_dir_mounted = false;              // a volume replaces the whole conf directory
    std::vector<MountedConfigFile> conf_files;  // ConfigMap files mounted into the conf directory
    ProcessConfig config;

    [[nodiscard]] std::string describe() const;  // "Deployment flink-taskmanager"
};

// Every pod of the model's workloads and FlinkDeployments; Model::pods() keeps the result.
std::vector<PodView> derive_pods(const Model& model);

// official_image (flinklint/version.hpp): the image of apache/flink-docker, whose ENTRYPOINT is
// docker-entrypoint.sh and CMD `help`.

// Pods a Service selects (labels and namespace).
std::vector<const PodView*> selected_pods(const K8sObject& service, const std::vector<PodView>& pods);

// The number a Service targetPort or probe port means in `pod`: a number, or a named port of its
// containers (only `container` when given). nullopt: a name no container declares.
std::optional<int> resolve_port(const PodView& pod, std::string_view port,
                                const Container* container = nullptr);
std::optional<int> port_number(std::string_view text);  // "6123" -> 6123; names and junk -> nullopt

// A port a Flink process listens on.
struct Listener {
    std::string what;  // "JobManager RPC", "blob server", "REST endpoint", ...
    std::string key;   // the option that decides it
    std::vector<PortRange> ranges;
    bool random = false;             // 0: Flink picks a free port at start
    std::optional<SetValue> set;     // where the value comes from; nullopt: Flink's default
    std::vector<std::string> names;  // container port names that usually carry it
    int usual_port = 0;              // the port the Flink docs' manifests use for it
    std::string forced_by;           // what fixes the port beside the configuration, if anything
    [[nodiscard]] bool contains(int port) const;
    [[nodiscard]] std::string value_text() const;  // "6123", "50100-50200", "0 (random)"
};

struct Listeners {
    std::vector<Listener> list;
    bool complete = true;  // false: something else may listen (a Java agent flinklint cannot read)
    [[nodiscard]] const Listener* find(int port) const;
};

// What the Flink process of `pod` listens on; empty and incomplete when its configuration is unknown.
Listeners flink_listeners(const PodView& pod);
Listeners listeners_for(FlinkRole role, const ProcessConfig& config, bool native, bool entrypoint,
                        const Container* main);
// The configuration of one FlinkConfig alone (a file, a ConfigMap key, a flinkConfiguration).
ProcessConfig config_alone(const FlinkConfig& config);
// The host files a docker-compose service bind-mounts where its Flink reads its configuration (its conf
// directory, or the file in it), as normalized_source_path gives them; `unknown` when something else is
// mounted there (a named volume, a path with a variable) whose files are not in view.
struct ComposeConfMounts {
    std::vector<std::string> files;
    bool unknown = false;
};
ComposeConfMounts compose_conf_mounts(const ComposeService& service, std::string_view compose_file);
// The Dockerfile in view that a compose service's `build:` names (context and `dockerfile`, relative to
// the compose file), by real path only; null when it is not among `files`.
const ParsedFile* compose_dockerfile(const ComposeService& service, std::string_view compose_file,
                                     const std::vector<ParsedFile>& files);
// `./a/../b/c` -> `b/c`; the `__` of flattened file names separates folders as `/` does.
std::string normalized_source_path(std::string_view path);
// Ports must be fixed: a FlinkDeployment (native and standalone mode), or `execution.target: kubernetes-*`.
bool runs_native(const FlinkConfig& config);

}  // namespace flinklint
