// FL609 checkpoint-dir-ephemeral: a checkpoint or savepoint directory on the local file system of the
// containers (`file:///tmp/...`, or a path without scheme while the default scheme is local) that no
// volume is mounted at. Every TaskManager writes its state files into its own container, the JobManager
// cannot read them back on recovery, and all of it is gone when a pod is replaced.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <vector>

#include "flinklint/deployment.hpp"
#include "flinklint/text_util.hpp"
#include "rules/checkpoint/checkpoint_support.hpp"
#include "rules/kubernetes/entrypoint_lines.hpp"

namespace flinklint::rules {
namespace {

// The local path a directory value names, or nullopt when it is on another file system (or a template).
std::optional<std::string> local_path(const EffectiveConfig& effective, std::string_view value) {
    const std::string text(unquoted(value));
    if (text.empty() || text.find("${") != std::string::npos || text.find("{{") != std::string::npos ||
        text.find_first_of("%<") != std::string::npos) {
        return std::nullopt;
    }
    // A URI scheme: a letter, then letters, digits, `+`, `-` or `.`, then `:` (no regex: values can be long).
    std::size_t colon = 0;
    const auto scheme_char = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '+' || c == '-' || c == '.';
    };
    if (std::isalpha(static_cast<unsigned char>(text[0])) != 0) {
        while (colon < text.size() && scheme_char(text[colon])) ++colon;
    }
    if (colon > 0 && colon < text.size() && text[colon] == ':') {
        if (ascii_lower(text.substr(0, colon)) != "file") return std::nullopt;
        std::string rest = text.substr(colon + 1);
        if (rest.rfind("//", 0) == 0) {
            const std::size_t slash = rest.find('/', 2);
            rest = slash == std::string::npos ? "/" : rest.substr(slash);
        }
        return rest;
    }
    // No scheme: Flink resolves the path against `fs.default-scheme` (default: the local file system).
    if (const auto scheme = find_setting(effective, {"fs.default-scheme"})) {
        const std::string lower = ascii_lower(unquoted(scheme->value));
        if (!lower.empty() && lower.rfind("file:", 0) != 0) return std::nullopt;
    }
    return text;
}

bool under(std::string_view path, std::string_view mount) {
    while (mount.size() > 1 && mount.back() == '/') mount.remove_suffix(1);
    if (mount == "/") return true;
    return path.substr(0, mount.size()) == mount &&
           (path.size() == mount.size() || path[mount.size()] == '/');
}

// A container of the pod mounts a volume at or above `path` that outlives the pod and can be shared (a
// PersistentVolumeClaim, a host path, NFS, ...): not a ConfigMap or Secret, and not an emptyDir, which is
// each pod's own and is deleted with it.
bool mounts(const PodSpecFacts& pod, std::string_view path) {
    for (const Container& container : pod.containers) {
        for (const VolumeMount& mount : container.volume_mounts) {
            if (!mount.mount_path || !under(path, mount.mount_path.value)) continue;
            bool data_volume = true;
            for (const Volume& volume : pod.volumes) {
                if (volume.name.value == mount.name.value)
                    data_volume = !volume.config_map_name && !volume.secret_name && volume.type != "emptyDir";
            }
            if (data_volume) return true;
        }
    }
    return false;
}

// The workload runs a JobManager or TaskManager: the processes that write and read checkpoints. A Job
// that only runs `flink run` with the same ConfigMap writes none.
bool runs_flink_process(const Model& model, const K8sObject& object) {
    for (const PodView& pod : model.pods())
        if (pod.object == &object) return pod.role != FlinkRole::none;
    return false;
}

bool any_mounts(std::initializer_list<const std::optional<PodSpecFacts>*> pods, std::string_view path) {
    for (const auto* pod : pods) {
        if (pod->has_value() && mounts(**pod, path)) return true;
    }
    return false;
}

// FLINK_PROPERTIES of a docker-compose service: the file's JobManager and TaskManager services that lack a
// named volume or bind mount at `path` (an anonymous volume is each container's own); nullopt when the
// service runs no Flink process. The services of one compose file share the host, so a named volume is
// shared.
std::optional<std::string> services_without_volume(const Model& model, const FlinkConfig& config,
                                                   std::string_view path) {
    std::string missing;
    bool own = false;
    for (const EntrypointLine& line : entrypoint_lines(model)) {
        if (line.service == nullptr || line.source != config.source()) continue;
        own = own || config.doc().origin == line.where + " FLINK_PROPERTIES";
        const bool mounted =
            std::any_of(line.service->mounts.begin(), line.service->mounts.end(),
                        [&](const ComposeMount& m) { return !m.source.empty() && under(path, m.target); });
        if (!mounted) missing += (missing.empty() ? "" : ", ") + line.where;
    }
    if (!own) return std::nullopt;
    return missing;
}

// Which Flink pods lack a volume at `path`: "" when all mount one; nullopt when the pods are not known.
std::optional<std::string> pods_without_volume(const Model& model, const EffectiveConfig& effective,
                                               std::string_view path) {
    const K8sObject* owner = effective.owner();
    if (owner == nullptr && effective.config() != nullptr &&
        effective.config()->doc().format == ConfigFormat::compose_properties)
        return services_without_volume(model, *effective.config(), path);
    if (owner == nullptr) return std::nullopt;
    if (owner->kind == "FlinkDeployment" && owner->flink) {
        const FlinkResourceFacts& spec = *owner->flink;
        const bool jm = any_mounts({&spec.pod_template, &spec.jm_pod_template}, path);
        const bool tm = any_mounts({&spec.pod_template, &spec.tm_pod_template}, path);
        if (jm && tm) return std::string();
        return std::string(!jm && !tm ? "the JobManager and TaskManager pods"
                           : !jm      ? "the JobManager pod"
                                      : "the TaskManager pods");
    }
    if (owner->kind != "ConfigMap" || !owner->name) return std::nullopt;
    // The workloads that mount this ConfigMap run Flink with it; those of the same file first.
    std::vector<const K8sObject*> users;
    for (const bool same_file : {true, false}) {
        for (const Model::ObjectRef& ref : model.objects()) {
            const K8sObject& object = *ref.object;
            if (!object.pod || (ref.file->source != effective.source()) == same_file) continue;
            if (!runs_flink_process(model, object)) continue;
            for (const Volume& volume : object.pod->volumes) {
                if (volume.config_map_name.value == owner->name.value) {
                    users.push_back(&object);
                    break;
                }
            }
        }
        if (!users.empty()) break;
    }
    if (users.empty()) return std::nullopt;
    std::vector<std::string> missing;
    for (const K8sObject* object : users) {
        const std::string name = fmt::format("{} {}", object->kind, object->name.value);
        if (!mounts(*object->pod, path) && std::find(missing.begin(), missing.end(), name) == missing.end())
            missing.push_back(name);
    }
    constexpr std::size_t kShown = 3;
    std::string text;
    for (std::size_t i = 0; i < missing.size() && i < kShown; ++i) text += (i == 0 ? "" : ", ") + missing[i];
    if (missing.size() > kShown) text += fmt::format(" and {} more", missing.size() - kShown);
    return text;
}

}  // namespace

void check_checkpoint_dir_ephemeral(const Model& model, Reporter& reporter) {
    for (const EffectiveConfig* effective : effective_configs(model)) {
        for (const bool savepoints : {false, true}) {
            const auto dir = savepoints ? savepoint_dir(*effective) : checkpoint_dir(*effective);
            if (!dir) continue;
            const auto path = local_path(*effective, dir->value);
            if (!path) continue;
            const auto missing = pods_without_volume(model, *effective, *path);
            if (!missing || missing->empty()) continue;
            Finding finding = finding_for(*effective, *dir);
            const bool compose = effective->owner() == nullptr;  // FLINK_PROPERTIES of compose services
            finding.message = fmt::format(
                "{} is on the containers' own file system: no volume that outlives the {} is mounted at {} "
                "in {} ({}), so {} and "
                "{} lost when a {} is replaced",
                dir->shown(), compose ? "container" : "pod", *path, *missing, effective->where(),
                savepoints ? "a savepoint lands in whichever container wrote it"
                           : "each TaskManager writes its checkpoint files into its own container, the "
                             "JobManager cannot read them back on recovery,",
                savepoints ? "is" : "all of it is", compose ? "container" : "pod");
            finding.help = fmt::format(
                "use a shared durable file system (`s3://`, `gs://`, `abfss://`, `hdfs://`), or mount a "
                "{} at {} in every JobManager and TaskManager {}",
                compose ? "named volume" : "ReadWriteMany volume", *path, compose ? "service" : "pod");
            reporter.report(std::move(finding));
        }
    }
}

}  // namespace flinklint::rules
