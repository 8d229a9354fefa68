// The configuration Flink actually runs with: a FlinkConfig plus what the start-up path writes over it
// (the Kubernetes operator's spec fields, the official image's shipped defaults), the deployment mode
// that decides the legacy heap keys, and the TaskManager / JobManager memory derived from it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "flinklint/document.hpp"
#include "flinklint/k8s.hpp"
#include "flinklint/memory_model.hpp"
#include "flinklint/model.hpp"

namespace flinklint {

// A value the Kubernetes operator writes over `flinkConfiguration` (FlinkConfigBuilder), from a spec field.
struct SpecOverride {
    std::string key;    // `taskmanager.memory.process.size`
    std::string field;  // `spec.taskManager.resource.memory`
    Located written;    // the spec value as written (not present for defaults such as replicas 1)
    std::string value;  // the text the operator writes into `key`
    const ConfigEntry* replaced = nullptr;  // the flinkConfiguration entry it overwrites (key or alias)
    // Set when the deployment cannot run with this value: the operator refuses the string, or Flink
    // cannot read what the operator wrote (`1.5g` becomes `1500000000.0`). `key` is then left as configured.
    std::optional<std::string> error;
};

// Where the effective value of a key comes from.
struct ValueOrigin {
    enum class Kind {
        config,         // an entry of the configuration
        spec,           // a FlinkDeployment spec field
        image_default,  // the official image's shipped config file (FLINK_PROPERTIES are appended to it)
    };
    Kind kind = Kind::config;
    const ConfigEntry* entry = nullptr;  // kind == config
    const SpecOverride* spec = nullptr;  // kind == spec
    Span span;                           // the value to point at; empty for image defaults
};

class EffectiveConfig {
public:
    // `mode` replaces the deployment mode flinklint infers (`flinklint memory --mode`).
    explicit EffectiveConfig(const FlinkConfig& config, std::optional<DeploymentMode> mode = std::nullopt);
    // A FlinkDeployment without `flinkConfiguration`: only its spec fields configure it.
    EffectiveConfig(const ParsedFile& file, const K8sObject& deployment, FlinkVersion version,
                    std::optional<DeploymentMode> mode = std::nullopt);
    EffectiveConfig(const EffectiveConfig&) = delete;
    EffectiveConfig& operator=(const EffectiveConfig&) = delete;

    // The configuration behind this one; nullptr for a FlinkDeployment without flinkConfiguration.
    [[nodiscard]] const FlinkConfig* config() const { return config_; }
    [[nodiscard]] const ParsedFile& file() const { return *file_; }
    [[nodiscard]] const SourcePtr& source() const { return file_->source; }
    // The Kubernetes object that holds the configuration, if any.
    [[nodiscard]] const K8sObject* owner() const { return owner_; }
    // Human label: "FlinkDeployment my-job", "ConfigMap flink-config/flink-conf.yaml", the file name.
    [[nodiscard]] std::string where() const;
    [[nodiscard]] FlinkVersion version() const { return version_; }
    // Standalone: bin/*.sh start scripts (plain files, ConfigMaps and FLINK_PROPERTIES of the official
    // image, operator `mode: standalone`); active: the operator's native mode (Flink's Kubernetes
    // resource manager). Refines FlinkConfig::mode(), which calls every manifest active.
    [[nodiscard]] DeploymentMode mode() const { return mode_; }
    [[nodiscard]] MemoryOptions memory_options() const;
    // False where the configuration does not size any process: a FlinkSessionJob's flinkConfiguration
    // (the session cluster is already running), FLINK_PROPERTIES inside an operator resource.
    [[nodiscard]] bool sizes_processes() const { return sizes_processes_; }
    [[nodiscard]] bool is_flink_deployment() const;
    // False for a fragment that is not shown to be a cluster's whole configuration: a plain file of one
    // or two entries, or under src/main/resources or src/test/resources, that sets no process, Flink or
    // heap size and that no compose service or container in view mounts. Sizes Flink would miss there are
    // no failure to start: the rest of the configuration is elsewhere.
    [[nodiscard]] bool whole_cluster_config() const { return whole_cluster_config_; }

    // Every effective key -> value, after overrides and image defaults.
    [[nodiscard]] const FlatConfig& flat() const { return flat_; }
    [[nodiscard]] std::optional<std::string> value(std::string_view key) const;
    [[nodiscard]] bool contains(std::string_view key) const { return flat_.find(key) != flat_.end(); }
    [[nodiscard]] const std::vector<SpecOverride>& overrides() const { return overrides_; }
    [[nodiscard]] const SpecOverride* override_for(std::string_view key) const;
    // Keys whose value comes from the official image's config file.
    [[nodiscard]] const std::vector<std::string>& image_defaults() const { return image_defaults_; }
    // Where the effective value of exactly `key` comes from; nullopt when nothing sets it.
    [[nodiscard]] std::optional<ValueOrigin> origin(std::string_view key) const;

    // Flink's derivation on the effective configuration, computed once.
    [[nodiscard]] const TaskManagerResult& taskmanager() const { return taskmanager_; }
    [[nodiscard]] const JobManagerResult& jobmanager() const { return jobmanager_; }

private:
    void apply_spec(const FlinkResourceFacts& spec);
    void apply_image_defaults();
    void derive();

    const FlinkConfig* config_ = nullptr;
    const ParsedFile* file_ = nullptr;
    const K8sObject* owner_ = nullptr;
    FlinkVersion version_;
    DeploymentMode mode_ = DeploymentMode::standalone;
    bool sizes_processes_ = true;
    bool whole_cluster_config_ = true;
    FlatConfig flat_;
    std::vector<SpecOverride> overrides_;
    std::vector<std::string> image_defaults_;
    TaskManagerResult taskmanager_;
    JobManagerResult jobmanager_;
};

// Every configuration of the model that Flink runs with: each FlinkConfig's effective() and the
// FlinkDeployments without flinkConfiguration, in file order.
std::vector<const EffectiveConfig*> effective_configs(const Model& model);

// The memory sizes the official Flink image ships in its config file (1.11 and later).
inline constexpr std::string_view kImageJobManagerProcessSize = "1600m";
inline constexpr std::string_view kImageTaskManagerProcessSize = "1728m";

}  // namespace flinklint
