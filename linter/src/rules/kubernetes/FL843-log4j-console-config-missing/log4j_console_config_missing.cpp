// FL843 log4j-console-config-missing: a JobManager or TaskManager started in the foreground whose conf
// directory has no log4j-console.properties (nor logback-console.xml). The official image's entrypoint runs
// `bin/jobmanager.sh start-foreground` / `taskmanager.sh start-foreground`, which exec bin/flink-console.sh,
// and that configures logging only from ${FLINK_CONF_DIR}/log4j-console.properties (-Dlog4j.configuration,
// and -Dlog4j.configurationFile since the log4j 2 switch in 1.11) or logback-console.xml. A ConfigMap mounted
// over the whole conf directory, or FLINK_CONF_DIR pointed at a directory that holds only mounted files,
// replaces the image's copy: log4j then finds no configuration (log4j 2 falls back to errors only on the
// console, log4j 1 logs nothing) and the process's INFO log, the one kubectl logs and the web UI show, is
// gone.
#include <fmt/format.h>

#include <algorithm>

#include "flinklint/deployment.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

constexpr std::string_view kImageConfDir = "/opt/flink/conf";

const EnvVar* conf_dir_variable(const Container& c) {
    for (const EnvVar& env : c.env)
        if (env.name.value == "FLINK_CONF_DIR") return &env;
    return nullptr;
}

// Where to point: the ConfigMap volume mounted over the conf directory, or FLINK_CONF_DIR.
std::optional<Span> replaced_by(const PodView& pod, const EnvVar* conf_dir) {
    if (!pod.conf_dir_mounted) {
        // A directory of the image's own other than conf/ holds no log4j files either; one outside
        // /opt/flink exists only as the mount points kubelet makes.
        if (conf_dir == nullptr || !conf_dir->value || conf_dir->value.value.starts_with("/opt/flink/"))
            return std::nullopt;
        return conf_dir->value.span;
    }
    std::string dir =
        conf_dir != nullptr && conf_dir->value ? conf_dir->value.value : std::string(kImageConfDir);
    while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
    for (const VolumeMount& mount : pod.main->volume_mounts) {
        std::string path = mount.mount_path.value;
        while (path.size() > 1 && path.back() == '/') path.pop_back();
        if (path != dir || mount.sub_path || !pod.object->pod) continue;
        for (const Volume& volume : pod.object->pod->volumes)
            if (volume.name.value == mount.name.value && volume.config_map_name)
                // With `items` the list decides what the directory holds: point at it.
                return volume.config_map_items.empty() ? volume.config_map_name.span
                                                       : volume.config_map_items.front().first.span;
    }
    return std::nullopt;
}

std::string normalized(std::string path) {
    while (path.size() > 1 && path.back() == '/') path.pop_back();
    return path;
}

// Every file of the conf directory is in pod.conf_files: whatever is mounted into it is a ConfigMap, and a
// ConfigMap over the whole directory lists its `items`, or is among the files checked (its keys are known).
bool listing_known(const PodView& pod, const std::string& dir) {
    if (!pod.object->pod) return false;
    for (const VolumeMount& mount : pod.main->volume_mounts) {
        const std::string path = normalized(mount.mount_path.value);
        const bool whole = path == dir && !mount.sub_path;
        if (!whole && path != dir && !path.starts_with(dir + "/")) continue;
        const Volume* volume = nullptr;
        for (const Volume& v : pod.object->pod->volumes)
            if (v.name.value == mount.name.value) volume = &v;
        if (volume == nullptr || !volume->config_map_name) return false;
        if (!whole || !volume->config_map_items.empty()) continue;
        const bool seen =
            std::any_of(pod.conf_files.begin(), pod.conf_files.end(), [&](const MountedConfigFile& f) {
                return f.mount.begin == mount.mount_path.span.begin && f.config_map != nullptr;
            });
        if (!seen) return false;
    }
    return true;
}

}  // namespace

void check_log4j_console_config_missing(const Model& model, Reporter& reporter) {
    for (const PodView& pod : model.pods()) {
        // The entrypoint starts the process in the foreground; the config must list the whole directory.
        if (pod.role == FlinkRole::none || pod.operator_managed || !pod.entrypoint || pod.main == nullptr ||
            pod.conf_files.empty())
            continue;
        const bool has_log_config =
            std::any_of(pod.conf_files.begin(), pod.conf_files.end(), [](const auto& f) {
                return f.name == "log4j-console.properties" || f.name == "logback-console.xml";
            });
        if (has_log_config) continue;
        const EnvVar* conf_dir = conf_dir_variable(*pod.main);
        if (conf_dir != nullptr && !conf_dir->value) continue;  // from a ConfigMap or the downward API
        if (!listing_known(
                pod, normalized(conf_dir != nullptr ? conf_dir->value.value : std::string(kImageConfDir))))
            continue;
        const std::optional<Span> span = replaced_by(pod, conf_dir);
        if (!span) continue;
        std::string files;
        for (const MountedConfigFile& f : pod.conf_files) files += (files.empty() ? "" : ", ") + f.name;
        Finding f{.source = pod.file->source, .span = *span, .key = "log4j-console.properties"};
        f.message = fmt::format(
            "{} runs its {} in the foreground (bin/flink-console.sh), which reads its logging configuration "
            "from log4j-console.properties in the conf directory, but that directory holds only {}: log4j "
            "finds "
            "no configuration and the {} writes no INFO log (none in `kubectl logs` or the web UI)",
            pod.describe(), role_name(pod.role), files, role_name(pod.role));
        f.help =
            "add log4j-console.properties (from the Flink distribution's conf/) to the ConfigMap and its "
            "items, or mount only flink-conf.yaml with subPath and keep the image's conf directory";
        reporter.report(std::move(f));
    }
}

}  // namespace flinklint::rules
