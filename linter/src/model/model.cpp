#include "flinklint/model.hpp"

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

}  // namespace

Model::Model(std::vector<ParsedFile> files, const ModelOptions& options)
    : files_(std::move(files)), profile_(options.profile) {
    for (const ParsedFile& file : files_) {
        for (const K8sObject& object : file.objects) objects_.push_back({&file, &object});
        for (const ConfigDocument& doc : file.configs) {
            FlinkVersion version = kDefaultFlinkVersion;
            VersionSource source = VersionSource::default_version;
            if (options.cli_version) {
                version = *options.cli_version;
                source = VersionSource::command_line;
            } else if (options.config_version) {
                version = *options.config_version;
                source = VersionSource::config_file;
            } else if (doc.owner_object && *doc.owner_object < file.objects.size()) {
                const K8sObject& owner = file.objects[*doc.owner_object];
                if (owner.flink && owner.flink->flink_version) {
                    if (auto parsed = FlinkVersion::parse(owner.flink->flink_version.value)) {
                        version = *parsed;
                        source = VersionSource::flink_deployment;
                    }
                }
            }
            configs_.emplace_back(file, doc, version, source, mode_of(file, doc));
        }
    }
}

}  // namespace flinklint
