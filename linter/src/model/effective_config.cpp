// What Flink runs with: overrides of the Kubernetes operator (FlinkConfigBuilder, operator 1.15) and
// the official image's shipped config file, applied over a configuration; the memory derived once.
#include "flinklint/effective_config.hpp"

#include <fmt/format.h>

#include "flinklint/ingest.hpp"
#include "flinklint/operator_memory.hpp"
#include "flinklint/values.hpp"

namespace flinklint {
namespace {

bool owned_by_operator_resource(const K8sObject* owner) {
    return owner != nullptr && owner->flink.has_value();
}

DeploymentMode operator_mode(const K8sObject& owner) {
    // Native mode (the default) runs Flink's active Kubernetes resource manager; the operator's
    // standalone mode starts the image's bin/*.sh scripts.
    if (owner.flink && owner.flink->mode && owner.flink->mode.value == "standalone")
        return DeploymentMode::standalone;
    return DeploymentMode::active;
}

// Keys only a configuration that sizes a process carries: a total, a heap, or their legacy spellings.
constexpr std::string_view kSizeKeys[] = {"taskmanager.memory.process.size",
                                          "taskmanager.memory.flink.size",
                                          "taskmanager.memory.task.heap.size",
                                          "jobmanager.memory.process.size",
                                          "jobmanager.memory.flink.size",
                                          "jobmanager.memory.heap.size",
                                          "taskmanager.heap.size",
                                          "taskmanager.heap.mb",
                                          "jobmanager.heap.size",
                                          "jobmanager.heap.mb"};

// A plain file that is only part of a configuration: one or two entries (a snippet, an example), or a
// resource of a Java/Scala project (read by the job's local environment, not by a cluster), unless it
// sizes a process or a compose service or container mounts it (its image is then version evidence).
bool plain_fragment(const FlinkConfig& config) {
    for (const std::string_view key : kSizeKeys)
        if (config.flat().contains(key)) return false;
    for (const VersionEvidence& evidence : config.version_evidence())
        if (evidence.source == VersionSource::image) return false;
    return in_build_resources(config.source()->path()) || config.doc().entries.size() <= 2;
}

}  // namespace

EffectiveConfig::EffectiveConfig(const FlinkConfig& config, std::optional<DeploymentMode> mode)
    : config_(&config),
      file_(&config.file()),
      owner_(config.owner()),
      version_(config.version()),
      flat_(config.flat()) {
    const ConfigFormat format = config.doc().format;
    if (format == ConfigFormat::flink_deployment && owner_ != nullptr && owner_->flink) {
        mode_ = operator_mode(*owner_);
        sizes_processes_ = owner_->kind == "FlinkDeployment";
        if (sizes_processes_) apply_spec(*owner_->flink);
    } else if (format == ConfigFormat::compose_properties) {
        // FLINK_PROPERTIES are appended to the image's config file by docker-entrypoint.sh.
        mode_ = DeploymentMode::standalone;
        sizes_processes_ = !owned_by_operator_resource(owner_);
        apply_image_defaults();
    } else {
        // Plain files and ConfigMaps are read by the bin/*.sh scripts of a standalone cluster.
        mode_ = DeploymentMode::standalone;
        whole_cluster_config_ = owner_ != nullptr || !plain_fragment(config);
    }
    if (mode) mode_ = *mode;
    derive();
}

EffectiveConfig::EffectiveConfig(const ParsedFile& file, const K8sObject& deployment, FlinkVersion version,
                                 std::optional<DeploymentMode> mode)
    : file_(&file), owner_(&deployment), version_(version) {
    mode_ = mode.value_or(operator_mode(deployment));
    sizes_processes_ = deployment.kind == "FlinkDeployment";
    if (sizes_processes_ && deployment.flink) apply_spec(*deployment.flink);
    derive();
}

void EffectiveConfig::apply_spec(const FlinkResourceFacts& spec) {
    auto replaced_entry = [&](std::string_view key) -> const ConfigEntry* {
        return config_ != nullptr ? config_->get_option(key) : nullptr;
    };
    auto set = [&](std::string key, std::string field, const Located& written, std::string value) {
        SpecOverride entry{std::move(key),   std::move(field), written,
                           std::move(value), nullptr,          std::nullopt};
        entry.replaced = replaced_entry(entry.key);
        flat_[entry.key] = entry.value;
        overrides_.push_back(std::move(entry));
    };
    // Memory strings go through ResourceConfigUtils.parseResourceMemoryString.
    auto set_memory = [&](std::string key, std::string field, const Located& written) {
        SpecOverride entry{std::move(key), std::move(field), written, written.value, nullptr, std::nullopt};
        entry.replaced = replaced_entry(entry.key);
        const auto text = operator_memory_config_value(written.value);
        if (!text) {
            entry.error = text.error();
        } else {
            entry.value = *text;
            if (const auto bytes = parse_operator_memory(written.value); !bytes)
                entry.error = bytes.error();
            else
                flat_[entry.key] = entry.value;
        }
        overrides_.push_back(std::move(entry));
    };

    if (spec.jm_memory)
        set_memory("jobmanager.memory.process.size", "spec.jobManager.resource.memory", spec.jm_memory);
    if (spec.tm_memory) {
        set_memory("taskmanager.memory.process.size", "spec.taskManager.resource.memory", spec.tm_memory);
    }
    if (spec.jm_cpu)
        set("kubernetes.jobmanager.cpu.amount", "spec.jobManager.resource.cpu", spec.jm_cpu,
            spec.jm_cpu.value);
    if (spec.tm_cpu) {
        set("kubernetes.taskmanager.cpu.amount", "spec.taskManager.resource.cpu", spec.tm_cpu,
            spec.tm_cpu.value);
    }
    // Always written: the replicas field defaults to 1.
    set("kubernetes.jobmanager.replicas", "spec.jobManager.replicas", spec.jm_replicas,
        spec.jm_replicas ? spec.jm_replicas.value : "1");
    if (spec.has_job) {
        // TaskManager replicas take precedence: parallelism = replicas x slots.
        std::optional<std::int32_t> replicas;
        if (spec.tm_replicas) {
            if (const auto parsed = parse_java_int(spec.tm_replicas.value)) replicas = *parsed;
        }
        if (replicas) {
            std::int64_t slots = 1;
            if (const auto it = flat_.find("taskmanager.numberOfTaskSlots"); it != flat_.end()) {
                if (const auto parsed = parse_java_int(it->second)) slots = *parsed;
            }
            set("parallelism.default", "spec.taskManager.replicas", spec.tm_replicas,
                std::to_string(static_cast<std::int64_t>(*replicas) * slots));
        } else if (spec.job_parallelism) {
            set("parallelism.default", "spec.job.parallelism", spec.job_parallelism,
                spec.job_parallelism.value);
        }
    }
}

void EffectiveConfig::apply_image_defaults() {
    for (const auto& [key, value] :
         {std::pair{"jobmanager.memory.process.size", kImageJobManagerProcessSize},
          std::pair{"taskmanager.memory.process.size", kImageTaskManagerProcessSize}}) {
        if (flat_.find(key) != flat_.end()) continue;
        flat_.emplace(key, std::string(value));
        image_defaults_.emplace_back(key);
    }
}

void EffectiveConfig::derive() {
    const MemoryOptions options = memory_options();
    taskmanager_ = derive_taskmanager_memory(flat_, options);
    jobmanager_ = derive_jobmanager_memory(flat_, options);
}

MemoryOptions EffectiveConfig::memory_options() const {
    MemoryOptions options;
    options.version = version_;
    options.mode = mode_;
    return options;
}

bool EffectiveConfig::is_flink_deployment() const {
    return owner_ != nullptr && owner_->kind == "FlinkDeployment" &&
           (config_ == nullptr || config_->doc().format == ConfigFormat::flink_deployment);
}

std::string EffectiveConfig::where() const {
    if (config_ != nullptr && !config_->doc().origin.empty()) return config_->doc().origin;
    if (owner_ != nullptr) return owner_->kind + " " + owner_->name.value;
    return file_->source->path();
}

std::optional<std::string> EffectiveConfig::value(std::string_view key) const {
    const auto it = flat_.find(key);
    if (it == flat_.end()) return std::nullopt;
    return it->second;
}

const SpecOverride* EffectiveConfig::override_for(std::string_view key) const {
    for (const SpecOverride& entry : overrides_) {
        if (entry.key == key) return &entry;
    }
    return nullptr;
}

std::optional<ValueOrigin> EffectiveConfig::origin(std::string_view key) const {
    if (const SpecOverride* spec = override_for(key); spec != nullptr && spec->written) {
        return ValueOrigin{ValueOrigin::Kind::spec, nullptr, spec, spec->written.span};
    }
    if (config_ != nullptr) {
        if (const ConfigEntry* entry = config_->get(key)) {
            const Span span = entry->value_span.empty() ? entry->key_span : entry->value_span;
            return ValueOrigin{ValueOrigin::Kind::config, entry, nullptr, span};
        }
    }
    for (const std::string& image_key : image_defaults_) {
        if (image_key == key) return ValueOrigin{ValueOrigin::Kind::image_default, nullptr, nullptr, Span{}};
    }
    return std::nullopt;
}

const EffectiveConfig& FlinkConfig::effective() const {
    if (!effective_) effective_ = std::make_shared<const EffectiveConfig>(*this);
    return *effective_;
}

const std::vector<std::shared_ptr<const EffectiveConfig>>& Model::bare_deployments() const {
    if (bare_deployments_) return *bare_deployments_;
    std::vector<std::shared_ptr<const EffectiveConfig>> found;
    for (const ParsedFile& file : files_) {
        for (std::size_t i = 0; i < file.objects.size(); ++i) {
            const K8sObject& object = file.objects[i];
            if (object.kind != "FlinkDeployment" || !object.flink) continue;
            bool has_config = false;
            for (const ConfigDocument& doc : file.configs) {
                has_config =
                    has_config || (doc.owner_object == i && doc.format == ConfigFormat::flink_deployment);
            }
            if (has_config) continue;
            // As for configurations: forced, else spec.flinkVersion, else spec.image, else the default.
            FlinkVersion version = forced_version_.value_or(default_version_.version);
            if (!forced_version_) {
                if (const auto image = image_flink_version(object.flink->image.value)) version = *image;
                if (object.flink->flink_version)
                    version = FlinkVersion::parse(object.flink->flink_version.value).value_or(version);
            }
            found.push_back(std::make_shared<const EffectiveConfig>(file, object, version));
        }
    }
    bare_deployments_ = std::move(found);
    return *bare_deployments_;
}

std::vector<const EffectiveConfig*> effective_configs(const Model& model) {
    std::vector<const EffectiveConfig*> all;
    for (const FlinkConfig& config : model.configs()) all.push_back(&config.effective());
    for (const auto& bare : model.bare_deployments()) all.push_back(bare.get());
    return all;
}

}  // namespace flinklint
