// FL827 flink-conf-ignored-by-flink2: a `flink-conf.yaml` put into the conf directory of a Flink 2.x image
// (a ConfigMap, a Secret, hostPath or PVC file mounted by a workload, a docker-compose bind mount). Flink 2
// reads only `config.yaml`: mounted over the whole directory, the process finds no configuration file and
// does not start; mounted beside the image's own `config.yaml`, the mounted file is ignored. FL106 reports
// the file itself when the target version is set explicitly; this rule reads the version from the image tag.
#include <fmt/format.h>

#include "flinklint/deployment.hpp"
#include "flinklint/version.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

constexpr std::string_view kHelp =
    "convert the file to `config.yaml` (bin/migrate-config-file.sh of Flink 1.19/1.20 does it) and "
    "mount that instead";

std::string conf_dir(const Container& c) {
    std::string dir = "/opt/flink/conf";
    for (const EnvVar& env : c.env)
        if (env.name.value == "FLINK_CONF_DIR" && env.value) dir = env.value.value;
    while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
    return dir;
}

// A single file mounted at <conf>/flink-conf.yaml from a volume other than a ConfigMap (those are
// pod.conf_files), when nothing mounts a config.yaml beside it.
const VolumeMount* other_legacy_mount(const PodView& pod) {
    if (pod.object == nullptr || !pod.object->pod || pod.conf_dir_mounted) return nullptr;
    const std::string dir = conf_dir(*pod.main);
    const VolumeMount* found = nullptr;
    for (const VolumeMount& mount : pod.main->volume_mounts) {
        const std::string& path = mount.mount_path.value;
        if (path == dir + "/config.yaml") return nullptr;
        if (path != dir + "/flink-conf.yaml") continue;
        for (const Volume& volume : pod.object->pod->volumes)
            if (volume.name.value == mount.name.value && !volume.config_map_name && found == nullptr)
                found = &mount;
    }
    return found;
}

void report_other_mount(const PodView& pod, Reporter& reporter) {
    const VolumeMount* mount = other_legacy_mount(pod);
    if (mount == nullptr) return;
    Finding f{.source = pod.file->source, .span = mount->mount_path.span, .key = "flink-conf.yaml"};
    f.message = fmt::format(
        "{} mounts volume {} as {} into {}, which runs Flink {} and reads only config.yaml: every setting of "
        "the mounted file is ignored",
        pod.describe(), quoted(mount->name.value), mount->mount_path.value, pod.main->image.value,
        pod.image_version->str());
    f.help = std::string(kHelp);
    reporter.report(std::move(f));
}

void check_compose(const ParsedFile& file, Reporter& reporter) {
    for (const ComposeService& service : file.compose_services) {
        const auto version = image_flink_version(service.image.value);
        if (!version || *version < FlinkVersion{2, 0}) continue;
        const ComposeMount* legacy = nullptr;
        bool has_yaml = false;
        for (const ComposeMount& mount : service.mounts) {
            std::string target = mount.target;
            while (target.size() > 1 && target.back() == '/') target.pop_back();
            has_yaml = has_yaml || target == "/opt/flink/conf/config.yaml";
            if (target == "/opt/flink/conf/flink-conf.yaml" && legacy == nullptr) legacy = &mount;
        }
        if (legacy == nullptr || has_yaml) continue;
        Finding f{.source = file.source, .span = legacy->span, .key = "flink-conf.yaml"};
        f.message = fmt::format(
            "{} mounts {} as /opt/flink/conf/flink-conf.yaml into {}, which runs Flink {} and reads only "
            "config.yaml: every setting of the mounted file is ignored",
            service.where, legacy->source.empty() ? std::string("a volume") : quoted(legacy->source),
            service.image.value, version->str());
        f.help = std::string(kHelp);
        reporter.report(std::move(f));
    }
}

}  // namespace

void check_flink_conf_ignored_by_flink2(const Model& model, Reporter& reporter) {
    for (const ParsedFile& file : model.files()) check_compose(file, reporter);
    for (const PodView& pod : model.pods()) {
        if (pod.operator_managed || pod.main == nullptr || !pod.image_version ||
            *pod.image_version < FlinkVersion{2, 0})
            continue;
        const MountedConfigFile* legacy = nullptr;
        bool has_yaml = false;
        for (const MountedConfigFile& f : pod.conf_files) {
            if (f.name == "config.yaml") has_yaml = true;
            if (f.name == "flink-conf.yaml" && legacy == nullptr) legacy = &f;
        }
        if (has_yaml) continue;
        if (legacy == nullptr) {
            report_other_mount(pod, reporter);
            continue;
        }
        // FL106 already says so on the file when the version was given explicitly.
        if (legacy->config != nullptr && legacy->config->version_source() != VersionSource::default_version &&
            legacy->config->version_source() != VersionSource::image &&
            legacy->config->version() >= FlinkVersion{2, 0})
            continue;
        const std::string image = pod.main->image.value;
        const std::string source = legacy->config_map != nullptr
                                       ? fmt::format("ConfigMap {}", legacy->config_map->name.value)
                                       : std::string("the ConfigMap");
        Finding f{.source = pod.file->source, .span = legacy->mount, .key = "flink-conf.yaml"};
        if (pod.conf_dir_mounted) {
            f.message = fmt::format(
                "{} mounts {} over /opt/flink/conf with `flink-conf.yaml` but no `config.yaml`: "
                "{} runs Flink {}, which reads only config.yaml, so the {} finds no "
                "configuration file and does not start",
                pod.describe(), source, image, pod.image_version->str(), role_name(pod.role));
        } else {
            f.message = fmt::format(
                "{} mounts `flink-conf.yaml` from {} into {}, which runs Flink {} and reads only "
                "config.yaml: every setting of the mounted file is ignored",
                pod.describe(), source, image, pod.image_version->str());
        }
        f.help = std::string(kHelp);
        reporter.report(std::move(f));
    }
}

}  // namespace flinklint::rules
