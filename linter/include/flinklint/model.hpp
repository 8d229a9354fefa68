// The model rules read: every Flink configuration of a group of files (a directory, or the
// files given together), with the target version, effective values and Kubernetes objects.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "flinklint/catalog.hpp"
#include "flinklint/document.hpp"
#include "flinklint/memory_model.hpp"
#include "flinklint/profile_facts.hpp"
#include "flinklint/version.hpp"

namespace flinklint {

class EffectiveConfig;  // flinklint/effective_config.hpp
struct PodView;         // flinklint/deployment.hpp

// Where a configuration's target Flink version came from (messages say so).
enum class VersionSource { command_line, config_file, flink_deployment, default_version };

// One Flink configuration with its effective values (last occurrence wins, as in Flink).
class FlinkConfig {
public:
    FlinkConfig(const ParsedFile& file, const ConfigDocument& doc, FlinkVersion version,
                VersionSource version_source, DeploymentMode mode);

    [[nodiscard]] const ParsedFile& file() const { return *file_; }
    [[nodiscard]] const ConfigDocument& doc() const { return *doc_; }
    [[nodiscard]] const SourcePtr& source() const { return file_->source; }
    [[nodiscard]] FlinkVersion version() const { return version_; }
    [[nodiscard]] VersionSource version_source() const { return version_source_; }
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

private:
    const ParsedFile* file_;
    const ConfigDocument* doc_;
    FlinkVersion version_;
    VersionSource version_source_;
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
};

struct ModelOptions {
    std::optional<FlinkVersion> cli_version;
    std::optional<FlinkVersion> config_version;  // from .flinklint.yaml
    std::optional<ProfileFacts> profile;         // `check --profile FILE`: declared hardware and workload
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

private:
    std::vector<ParsedFile> files_;
    std::vector<FlinkConfig> configs_;
    std::vector<ObjectRef> objects_;
    mutable std::optional<std::vector<std::shared_ptr<const EffectiveConfig>>> bare_deployments_;
    mutable std::shared_ptr<const std::vector<PodView>> pods_;
    std::optional<ProfileFacts> profile_;
};

// Keys whose values Flink masks in logs (GlobalConfiguration.isSensitive): never print their values.
bool is_sensitive_key(std::string_view key);
// Keys whose values flinklint never prints: the sensitive ones, and keys with a sensitive word
// misspelled (`security.ssl.keystore-pasword`), whose value is still a password.
bool is_secret_key(std::string_view key);

}  // namespace flinklint
