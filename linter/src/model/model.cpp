#include "flinklint/model.hpp"

#include <fmt/format.h>

#include "flinklint/deployment.hpp"
#include "model/version_evidence.hpp"

namespace flinklint {
namespace {

// Native FlinkDeployments run Flink's active Kubernetes resource manager, which maps legacy heap
// keys to process sizes; everything else (plain files, ConfigMaps, FLINK_PROPERTIES, the
// operator's standalone mode) is started by the image's bin/*.sh scripts.
DeploymentMode mode_of(const ParsedFile& file, const ConfigDocument& doc) {
    if (doc.format != ConfigFormat::flink_deployment || !doc.owner_object ||
        *doc.owner_object >= file.objects.size()) {
        return DeploymentMode::standalone;
    }
    const K8sObject& owner = file.objects[*doc.owner_object];
    const bool standalone = owner.flink && owner.flink->mode && owner.flink->mode.value == "standalone";
    return standalone ? DeploymentMode::standalone : DeploymentMode::active;
}

// The lowest operator release a FlinkDeployment needs: one whose FlinkVersion enum has its
// spec.flinkVersion, and that reads a nested flinkConfiguration when it is written so.
OperatorRelease lowest_operator_for(const K8sObject& deployment) {
    OperatorRelease lowest{.release = {1, 0}, .reason = "any operator release"};
    const FlinkResourceFacts& flink = *deployment.flink;
    if (const auto version = FlinkVersion::parse(flink.flink_version.value)) {
        if (const auto release = first_operator_accepting(*version)) {
            lowest = {.release = *release,
                      .reason = fmt::format("spec.flinkVersion {} needs operator {} or later",
                                            flink.flink_version.value, release->str())};
        }
    }
    if (flink.flink_configuration_nested && lowest.release < kFirstOperatorWithNestedConfiguration) {
        lowest = {.release = kFirstOperatorWithNestedConfiguration,
                  .reason = fmt::format("a nested flinkConfiguration needs operator {} or later",
                                        kFirstOperatorWithNestedConfiguration.str())};
    }
    return lowest;
}

}  // namespace

// The operator reads part of a FlinkDeployment's or FlinkSessionJob's configuration itself; a
// session job is versioned by the FlinkDeployment it names, when the group has it.
void Model::add_operator_releases(const std::optional<OperatorRelease>& declared) {
    for (FlinkConfig& config : configs_) {
        const K8sObject* owner = config.owner();
        if (owner == nullptr || !owner->flink) continue;
        if (declared) {
            config.operator_ = declared;
            continue;
        }
        const K8sObject* deployment = owner->kind == "FlinkDeployment" ? owner : nullptr;
        for (const ObjectRef& ref : objects_) {
            if (deployment != nullptr) break;
            const K8sObject& object = *ref.object;
            if (object.kind == "FlinkDeployment" && object.flink && owner->flink->deployment_name &&
                object.name.value == owner->flink->deployment_name.value &&
                object.namespace_ == owner->namespace_) {
                deployment = &object;
            }
        }
        config.operator_ = deployment != nullptr
                               ? lowest_operator_for(*deployment)
                               : OperatorRelease{.release = {1, 0}, .reason = "any operator release"};
    }
}

// The image of the container that mounts a configuration is evidence of the Flink that reads it:
// derived from the pods of the group, which need the configurations built once first.
void Model::add_image_evidence(std::vector<VersionChoice>& choices) {
    bool any_pod = false;
    for (const ObjectRef& ref : objects_) any_pod = any_pod || ref.object->pod.has_value();
    if (!any_pod) return;
    for (const PodView& pod : derive_pods(*this)) {
        if (pod.main == nullptr || !pod.main->image) continue;
        const auto version = image_flink_version(pod.main->image.value);
        if (!version) continue;
        const auto add = [&](const FlinkConfig* config) {
            const auto index = static_cast<std::size_t>(config - configs_.data());
            if (index >= choices.size()) return;
            VersionEvidence evidence{
                *version, VersionSource::image,
                fmt::format("{} of {}", model_detail::image_reason(pod.main->image, *pod.file->source),
                            pod.describe())};
            bool known = false;
            for (const VersionEvidence& e : choices[index].all) known = known || e.reason == evidence.reason;
            if (!known) model_detail::add_evidence(choices[index], std::move(evidence));
        };
        for (const MountedConfigFile& mounted : pod.conf_files)
            if (mounted.config != nullptr) add(mounted.config);
        // FLINK_PROPERTIES (or any variable) taken from a ConfigMap key that holds a Flink configuration.
        for (const EnvVar& var : pod.main->env) {
            if (!var.config_map_name || !var.config_map_key) continue;
            for (const FlinkConfig& config : configs_) {
                const K8sObject* owner = config.owner();
                if (owner != nullptr && owner->kind == "ConfigMap" &&
                    owner->name.value == var.config_map_name.value &&
                    (owner->namespace_.empty() || pod.ns.empty() || owner->namespace_ == pod.ns) &&
                    config.doc().file_name == var.config_map_key.value)
                    add(&config);
            }
        }
    }
}

Model::Model(std::vector<ParsedFile> files, const ModelOptions& options)
    : files_(std::move(files)),
      profile_(options.profile),
      default_version_(model_detail::default_evidence(options)),
      forced_version_(options.forced_version) {
    std::vector<VersionChoice> choices;
    for (const ParsedFile& file : files_) {
        for (const K8sObject& object : file.objects) objects_.push_back({&file, &object});
        for (const ConfigDocument& doc : file.configs) {
            choices.push_back(model_detail::own_evidence(file, doc, options));
            VersionChoice provisional = choices.back();
            if (provisional.all.empty()) provisional.chosen = default_version_;
            configs_.emplace_back(file, doc, std::move(provisional), mode_of(file, doc));
        }
    }
    add_image_evidence(choices);
    const std::vector<model_detail::DockerfileImage> dockerfiles = model_detail::dockerfile_images(files_);
    model_detail::add_compose_mount_evidence(files_, configs_, dockerfiles, choices);
    if (!dockerfiles.empty()) model_detail::add_sibling_dockerfile_evidence(dockerfiles, configs_, choices);
    // Rebuilt in place: addresses stay, and nothing derived from the first pass is kept.
    for (std::size_t i = 0; i < configs_.size(); ++i) {
        VersionChoice& choice = choices[i];
        const FlinkConfig& first = configs_[i];
        if (choice.all.empty() && default_version_.source == VersionSource::default_version) {
            if (auto keys = model_detail::key_evidence(first.doc()))
                model_detail::add_evidence(choice, std::move(*keys));
        }
        if (choice.all.empty()) model_detail::add_evidence(choice, default_version_);
        configs_[i] = FlinkConfig(first.file(), first.doc(), std::move(choice), first.mode());
    }
    add_operator_releases(options.operator_release);
}

}  // namespace flinklint
