// The model rules read: every Flink configuration of a group of files (a directory, or the
// files given together), with the target version, effective values and Kubernetes objects.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "flinklint/catalog.hpp"
#include "flinklint/document.hpp"
#include "flinklint/memory_model.hpp"
#include "flinklint/operator_release.hpp"
#include "flinklint/profile_facts.hpp"
#include "flinklint/version.hpp"

namespace flinklint {

class EffectiveConfig;  // flinklint/effective_config.hpp
struct PodView;         // flinklint/deployment.hpp

// Where a configuration's Flink version came from (messages say so), most specific first after
// `forced`; command_line, config_file and default_version are the default for files without evidence.
enum class VersionSource {
    forced,            // --force-flink-version (or --flink-version V!)
    inline_comment,    // `# flinklint: flink-version=1.17` in the file
    per_path,          // .flinklint.yaml per-path flink-version
    flink_deployment,  // spec.flinkVersion
    image,             // the image tag of the container that reads it, or spec.image, or compose image:
    distribution,      // the file sits in the conf directory of an unpacked distribution (flink-1.8.1/conf/)
    sibling_dockerfile,  // a Dockerfile in the file's directory is built FROM a Flink image
    command_line,        // --flink-version
    config_file,         // .flinklint.yaml flink-version
    file_keys,           // keys only an older Flink wrote (`taskmanager.heap.mb` and no taskmanager.memory.*)
    default_version,
};

// One piece of evidence of the Flink version a configuration is read by.
struct VersionEvidence {
    FlinkVersion version;
    VersionSource source = VersionSource::default_version;
    std::string reason;  // "image flink:1.17.2 in docker-compose.yaml:4"
    std::string key{};   // file_keys: the key that dates the file
};

// The version of a configuration: the most specific evidence, with every piece found (a fix must
// hold for each Flink that may read the file).
struct VersionChoice {
    VersionEvidence chosen{kDefaultFlinkVersion, VersionSource::default_version, "default"};
    std::vector<VersionEvidence> all;
};

// One Flink configuration with its effective values (last occurrence wins, as in Flink).
class FlinkConfig {
public:
    FlinkConfig(const ParsedFile& file, const ConfigDocument& doc, VersionChoice version,
                DeploymentMode mode);

    [[nodiscard]] const ParsedFile& file() const { return *file_; }
    [[nodiscard]] const ConfigDocument& doc() const { return *doc_; }
    [[nodiscard]] const SourcePtr& source() const { return file_->source; }
    // The file's own Flink version (checked against the nearest catalog when none ships for it).
    [[nodiscard]] FlinkVersion version() const { return version_.chosen.version; }
    [[nodiscard]] VersionSource version_source() const { return version_.chosen.source; }
    // Why this version: "image flink:1.17.2 in docker-compose.yaml:4", and the catalog used when it differs.
    [[nodiscard]] std::string version_reason() const;
    // Every version evidence names for this configuration, the chosen one included.
    [[nodiscard]] const std::vector<VersionEvidence>& version_evidence() const { return version_.all; }
    [[nodiscard]] DeploymentMode mode() const { return mode_; }
    [[nodiscard]] const Catalog& catalog() const { return *catalog_; }
    // The Kubernetes object that holds this configuration (FlinkDeployment, ConfigMap, ...).
    [[nodiscard]] const K8sObject* owner() const;

    // Effective entry of exactly `key`.
    [[nodiscard]] const ConfigEntry* get(std::string_view key) const;
    // Effective entry of an option: its key, else its fallback keys, else its deprecated keys
    // (Flink's lookup order); nullptr when none is set.
    [[nodiscard]] const ConfigEntry* get_option(std::string_view option_key) const;
    // Value of an option with Flink's lookup, or nullopt.
    [[nodiscard]] std::optional<std::string> value(std::string_view option_key) const;
    // Every effective key -> value, for the memory model.
    [[nodiscard]] const FlatConfig& flat() const { return flat_; }
    // The entries in file order (duplicates kept).
    [[nodiscard]] const std::vector<ConfigEntry>& entries() const { return doc_->entries; }
    // What the catalog says of an entry's key, looked up once per entry (many rules ask).
    [[nodiscard]] KeyLookup lookup(const ConfigEntry& entry) const;
    // Where the configuration is, for messages: "FlinkDeployment my-job" or the file's path.
    [[nodiscard]] const std::string& where() const;
    // True when the file is read by Flink's legacy line parser.
    [[nodiscard]] bool is_legacy() const;
    // What Flink runs with (operator overrides applied) and the derived memory; built on first use
    // (linter/src/model/effective_config.cpp). Rules run single-threaded per model.
    [[nodiscard]] const EffectiveConfig& effective() const;
    // For a FlinkDeployment's or FlinkSessionJob's configuration: the operator release that reads it,
    // declared or the lowest the resource needs; nullopt for any other configuration.
    [[nodiscard]] const std::optional<OperatorRelease>& operator_release() const { return operator_; }

private:
    friend class Model;  // sets operator_ once every configuration is known

    const ParsedFile* file_;
    const ConfigDocument* doc_;
    VersionChoice version_;
    DeploymentMode mode_;
    const Catalog* catalog_;
    // key -> index of its last entry; looked up by string_view without a copy.
    struct KeyHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
    };
    std::unordered_map<std::string, std::size_t, KeyHash, std::equal_to<>> last_;
    std::vector<KeyLookup> lookups_;  // by entry index
    FlatConfig flat_;
    // Filled after the Model is built; shared so that FlinkConfig stays copyable in the vector.
    mutable std::shared_ptr<const EffectiveConfig> effective_;
    std::optional<OperatorRelease> operator_;
};

struct ModelOptions {
    std::optional<FlinkVersion> forced_version;           // every file, whatever it says
    std::string forced_reason = "--force-flink-version";  // what forced it, as messages say
    std::optional<FlinkVersion> cli_version;              // the default for files without evidence
    std::optional<FlinkVersion> config_version;  // from .flinklint.yaml: the default without cli_version
    // Source path -> its .flinklint.yaml per-path version, with the reason said in output.
    std::map<std::string, VersionEvidence, std::less<>> path_versions;
    std::optional<ProfileFacts> profile;  // `check --profile FILE`: declared hardware and workload
    // The Kubernetes operator release, when the user says which (operator-version, --operator-version).
    std::optional<OperatorRelease> operator_release;
};

class Model {
public:
    Model(std::vector<ParsedFile> files, const ModelOptions& options);
    Model(const Model&) = delete;
    Model& operator=(const Model&) = delete;

    [[nodiscard]] const std::vector<ParsedFile>& files() const { return files_; }
    [[nodiscard]] const std::vector<FlinkConfig>& configs() const { return configs_; }
    // What `--profile` declares; nullptr without a profile.
    [[nodiscard]] const ProfileFacts* profile() const { return profile_ ? &*profile_ : nullptr; }

    // Every Kubernetes object of the group, with the file that holds it.
    struct ObjectRef {
        const ParsedFile* file;
        const K8sObject* object;
    };
    [[nodiscard]] const std::vector<ObjectRef>& objects() const { return objects_; }

    // FlinkDeployments without `flinkConfiguration` (the operator still sizes their processes from
    // spec resources); built on first use (linter/src/model/effective_config.cpp).
    [[nodiscard]] const std::vector<std::shared_ptr<const EffectiveConfig>>& bare_deployments() const;
    // The pods of the group's workloads and FlinkDeployments, with the configuration each Flink
    // process reads and its listeners' inputs; built on first use (linter/src/model/deployment/).
    [[nodiscard]] const std::vector<PodView>& pods() const;
    // A FlinkDeployment or FlinkSessionJob written as a kustomize patch (linter/src/model/patches.cpp): what
    // it leaves out comes from the base it is merged into, so only what it sets is judged.
    [[nodiscard]] bool is_patch(const K8sObject& object) const;
    // The configurations an object holds (a ConfigMap's files, a FlinkDeployment's
    // flinkConfiguration), in model order; from an index built on first use.
    [[nodiscard]] const std::vector<const FlinkConfig*>& configs_owned_by(const K8sObject* owner) const;

private:
    void add_image_evidence(std::vector<VersionChoice>& choices);
    void add_operator_releases(const std::optional<OperatorRelease>& declared);

    std::vector<ParsedFile> files_;
    std::vector<FlinkConfig> configs_;
    std::vector<ObjectRef> objects_;
    mutable std::optional<std::vector<std::shared_ptr<const EffectiveConfig>>> bare_deployments_;
    mutable std::shared_ptr<const std::vector<PodView>> pods_;
    mutable std::shared_ptr<const std::unordered_map<const K8sObject*, std::vector<const FlinkConfig*>>>
        owned_;
    std::optional<ProfileFacts> profile_;
    VersionEvidence default_version_;
    std::optional<FlinkVersion> forced_version_;

public:
    // What a file without evidence is checked against, and a forced version (FlinkDeployments
    // without flinkConfiguration are versioned the same way).
    [[nodiscard]] const VersionEvidence& default_version() const { return default_version_; }
    [[nodiscard]] std::optional<FlinkVersion> forced_version() const { return forced_version_; }
};

// Keys whose values Flink masks in logs (GlobalConfiguration.isSensitive): never print their values.
bool is_sensitive_key(std::string_view key);
// Keys whose values flinklint never prints: the sensitive ones, and keys with a sensitive word
// misspelled (`security.ssl.keystore-pasword`), whose value is still a password.
bool is_secret_key(std::string_view key);

}  // namespace flinklint
