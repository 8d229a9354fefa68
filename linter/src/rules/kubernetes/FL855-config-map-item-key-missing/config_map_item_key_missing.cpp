// FL855 config-map-item-key-missing: a `configMap` volume whose `items` name a key that the ConfigMap,
// written in the same group, does not hold under `data` or `binaryData`. kubelet builds the volume's files
// from the items (kubernetes pkg/volume/configmap/configmap.go MakePayload) and fails the mount with
// "configmap references non-existent config key: K" unless the volume is `optional: true`, which skips the
// key: the pod stays in ContainerCreating and its JobManager or TaskManager never starts. Only pods that run
// Flink.
#include <fmt/format.h>

#include <algorithm>

#include "flinklint/deployment.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

bool namespaces_meet(std::string_view a, std::string_view b) {
    return a.empty() || b.empty() || a == b;  // a manifest without a namespace is applied into any
}

// The one ConfigMap of that name the volume can mean, with keys to judge: none when it is not in view, when
// several are (overlays, per-environment copies), or when it declares no key (filled by another tool).
const K8sObject* config_map_in_view(const Model& model, std::string_view name, std::string_view ns) {
    const K8sObject* found = nullptr;
    for (const Model::ObjectRef& ref : model.objects()) {
        const K8sObject& object = *ref.object;
        if (object.kind != "ConfigMap" || object.name.value != name ||
            !namespaces_meet(object.namespace_, ns))
            continue;
        if (found != nullptr) return nullptr;
        found = &object;
    }
    return found != nullptr && !found->config_map_keys.empty() ? found : nullptr;
}

void check_volumes(const Model& model, const ParsedFile& file, const K8sObject& owner,
                   const PodSpecFacts& pod, Reporter& reporter) {
    for (const Volume& volume : pod.volumes) {
        if (!volume.config_map_name || volume.config_map_items.empty() || volume.config_map_optional)
            continue;
        const K8sObject* map = config_map_in_view(model, volume.config_map_name.value, owner.namespace_);
        if (map == nullptr) continue;
        // kubelet stops at the first missing key: one finding per volume, on it, naming every missing key.
        const Located* first = nullptr;
        std::string missing;
        for (const auto& item : volume.config_map_items) {
            const Located& key = item.first;
            if (!key || std::ranges::find(map->config_map_keys, key.value) != map->config_map_keys.end())
                continue;
            if (first == nullptr) first = &key;
            missing += (missing.empty() ? "`" : "`, `") + key.value;
        }
        if (first == nullptr) continue;
        std::string keys;
        for (const std::string& k : map->config_map_keys) keys += (keys.empty() ? "`" : ", `") + k + "`";
        Finding f{.source = file.source, .span = first->span, .key = first->value};
        f.message = fmt::format(
            "volume `{}` of {} {} lists {}` under `items`, but ConfigMap `{}` holds only {}: kubelet fails "
            "the "
            "mount (\"configmap references non-existent config key: {}\") and the pod never starts",
            volume.name.value, owner.kind, owner.name.value, missing, map->name.value, keys, first->value);
        f.help =
            fmt::format("name keys of ConfigMap `{}`, or add the missing ones to its data", map->name.value);
        reporter.report(std::move(f));
    }
}

}  // namespace

void check_config_map_item_key_missing(const Model& model, Reporter& reporter) {
    for (const Model::ObjectRef& ref : model.objects()) {
        const K8sObject& object = *ref.object;
        // Pods that run a JobManager or TaskManager: another workload of the group is not Flink's.
        const bool runs_flink = std::ranges::any_of(model.pods(), [&](const PodView& pod) {
            return pod.object == &object && pod.role != FlinkRole::none;
        });
        if (!runs_flink) continue;
        if (object.pod) check_volumes(model, *ref.file, object, *object.pod, reporter);
        if (!object.flink) continue;
        for (const auto* pod :
             {&object.flink->pod_template, &object.flink->jm_pod_template, &object.flink->tm_pod_template})
            if (*pod) check_volumes(model, *ref.file, object, **pod, reporter);
    }
}

}  // namespace flinklint::rules
