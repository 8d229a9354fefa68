// Kustomize patches of operator resources. An overlay's patch (`patches:`, `patchesStrategicMerge:` of a
// kustomization.yaml) is a partial FlinkDeployment that kustomize merges into the base by kind, name and
// namespace; it is never applied alone. A resource that lacks what a whole one has (spec.image and
// spec.flinkVersion for a FlinkDeployment, spec.job for a FlinkSessionJob) is taken for a patch when its
// path says so (an `overlays` folder, `patch` in the file name) or when the group holds its base: the same
// kind, name and namespace, whole, in another file.
#include "flinklint/model.hpp"
#include "flinklint/text_util.hpp"

namespace flinklint {
namespace {

bool patch_path(std::string_view path) {
    const std::string lower = ascii_lower(path);
    const std::size_t slash = lower.find_last_of('/');
    const std::string_view name = std::string_view(lower).substr(slash == std::string::npos ? 0 : slash + 1);
    if (name.find("patch") != std::string_view::npos) return true;
    for (const std::string_view folder : {"overlays/", "overlays__", "overlay/", "overlay__"})
        if (lower.starts_with(folder) || lower.find("/" + std::string(folder)) != std::string::npos ||
            lower.find("__" + std::string(folder)) != std::string::npos)
            return true;
    return false;
}

bool whole(const K8sObject& object) {
    if (!object.flink) return true;
    if (object.kind == "FlinkDeployment") return object.flink->image && object.flink->flink_version;
    return object.flink->has_job;
}

}  // namespace

bool Model::is_patch(const K8sObject& object) const {
    if (!object.flink || whole(object)) return false;
    const ParsedFile* home = nullptr;
    for (const ObjectRef& ref : objects_)
        if (ref.object == &object) home = ref.file;
    if (home == nullptr) return false;
    if (patch_path(home->source->path())) return true;
    // The base: the same resource, whole, in another file.
    for (const ObjectRef& ref : objects_) {
        const K8sObject& other = *ref.object;
        if (ref.file != home && other.kind == object.kind && other.name.value == object.name.value &&
            other.namespace_ == object.namespace_ && whole(other))
            return true;
    }
    return false;
}

}  // namespace flinklint
