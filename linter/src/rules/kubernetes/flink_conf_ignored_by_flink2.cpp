// FL827 flink-conf-ignored-by-flink2: a ConfigMap that puts only `flink-conf.yaml` into the conf
// directory of a Flink 2.x image. Flink 2 reads only `config.yaml`: mounted over the whole directory,
// the process finds no configuration file and does not start; mounted beside the image's own
// `config.yaml` (subPath), the mounted file is ignored. FL106 reports the file itself when the target
// version is set explicitly; this rule reads the version from the image tag.
#include <fmt/format.h>

#include "flinklint/deployment.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {

void check_flink_conf_ignored_by_flink2(const Model& model, Reporter& reporter) {
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
        if (legacy == nullptr || has_yaml) continue;
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
        f.help =
            "convert the file to `config.yaml` (bin/migrate-config-file.sh of Flink 1.19/1.20 does it) and "
            "mount that key instead";
        reporter.report(std::move(f));
    }
}

}  // namespace flinklint::rules
