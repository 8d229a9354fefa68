// The Kubernetes side of a migration: spec.flinkVersion of FlinkDeployments (with the operator's
// rule that a last-state suspended job keeps its version), the `flink-conf.yaml` data key of
// ConfigMaps and the volumes that mount it, and images that would still run the old Flink.
#include <fmt/format.h>

#include <regex>
#include <set>

#include "plan.hpp"

namespace flinklint::migrate {
namespace {

constexpr std::string_view kLegacyName = "flink-conf.yaml";
constexpr std::string_view kYamlName = "config.yaml";

std::size_t line_of(const Source& source, std::size_t offset) {
    return static_cast<std::size_t>(source.position(offset).line);
}

std::string operator_version(FlinkVersion v) {
    return fmt::format("v{}_{}", v.major, v.minor);
}

void add(FilePlan& plan, std::string description, Span span, std::string text) {
    plan.fixes.push_back(
        Fix{.description = std::move(description), .edits = {{span.begin, span.end, std::move(text)}}});
}

// The value of a Located without its quotes.
Span inner(const Source& source, const Located& located) {
    Span span = located.span;
    const std::string_view raw = source.view(span);
    if (raw.size() >= 2 && (raw.front() == '"' || raw.front() == '\'') && raw.back() == raw.front()) {
        ++span.begin;
        --span.end;
    }
    return span;
}

// FlinkDeployment / FlinkSessionJob: the operator starts the version spec.flinkVersion names.
void bump_flink_version(const ParsedFile& file, const K8sObject& object, FlinkVersion to, FilePlan& plan) {
    const FlinkResourceFacts& flink = *object.flink;
    const Source& source = *file.source;
    const std::string name = object.name.value;
    if (object.kind != "FlinkDeployment") return;
    if (!flink.flink_version) {
        plan.report.notes.push_back(
            fmt::format("FlinkDeployment {}: spec.flinkVersion is not set; the operator needs {}", name,
                        operator_version(to)));
        return;
    }
    const auto current = FlinkVersion::parse(flink.flink_version.value);
    if (current && *current == to) return;
    if (flink.job_state.value == "suspended" && flink.job_upgrade_mode.value == "last-state") {
        plan.report.errors.push_back(
            fmt::format("{}:{}: FlinkDeployment {}: the operator refuses a flinkVersion change after a "
                        "last-state suspend; "
                        "restore the job with its current version, then upgrade",
                        file.source->path(), line_of(source, flink.flink_version.span.begin), name));
        return;
    }
    add(plan, "spec.flinkVersion", inner(source, flink.flink_version), operator_version(to));
    plan.report.rewritten.push_back({"spec.flinkVersion", line_of(source, flink.flink_version.span.begin),
                                     flink.flink_version.value, operator_version(to),
                                     "the operator starts the Flink version spec.flinkVersion names"});
    if (to >= FlinkVersion{2, 0})
        plan.report.notes.push_back(fmt::format(
            "FlinkDeployment {}: the Flink Kubernetes Operator must be one whose CRD accepts flinkVersion {}",
            name, operator_version(to)));
}

void note_image(const Located& image, const std::string& where, FlinkVersion to, FilePlan& plan) {
    if (!image) return;
    const auto version = image_flink_version(image.value);
    if (!version || *version >= to) return;
    plan.report.notes.push_back(fmt::format("{}: image {} runs Flink {}: use a Flink {} image", where,
                                            image.value, version->str(), to.str()));
}

// The `flink-conf.yaml:` key line of a ConfigMap's data.
std::optional<Span> data_key(const Source& source, const K8sObject& object) {
    static const std::regex key_re("^([ \\t]*)[\"']?flink-conf\\.yaml[\"']?[ \\t]*:");
    const std::string_view text =
        std::string_view(source.text()).substr(object.span.begin, object.span.size());
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t end = std::min(text.find('\n', at), text.size());
        const std::string line(text.substr(at, end - at));
        std::smatch match;
        if (std::regex_search(line, match, key_re)) {
            const std::size_t begin = object.span.begin + at + line.find(kLegacyName);
            return Span{begin, begin + kLegacyName.size()};
        }
        at = end + 1;
    }
    return std::nullopt;
}

void rename_data_key(const ParsedFile& file, const K8sObject& object, FilePlan& plan,
                     std::set<std::string>& renamed) {
    const auto& keys = object.config_map_keys;
    if (std::find(keys.begin(), keys.end(), kLegacyName) == keys.end()) return;
    const std::string where = fmt::format("ConfigMap {}", object.name.value);
    if (std::find(keys.begin(), keys.end(), kYamlName) != keys.end()) {
        plan.report.notes.push_back(where +
                                    ": has both flink-conf.yaml and config.yaml; Flink 2.x reads only "
                                    "config.yaml: merge them by hand");
        return;
    }
    const auto span = data_key(*file.source, object);
    if (!span) return;
    add(plan, "data key", *span, std::string(kYamlName));
    plan.report.renamed.push_back(
        {"data.flink-conf.yaml", "data.config.yaml", line_of(*file.source, span->begin)});
    renamed.insert(object.name.value);
}

// Volumes that mount the renamed key: items key/path and subPath mounts.
void follow_mounts(const ParsedFile& file, const PodSpecFacts& pod, const std::set<std::string>& renamed,
                   FilePlan& plan) {
    std::set<std::string> volumes;
    for (const Volume& volume : pod.volumes) {
        if (!volume.config_map_name || !renamed.contains(volume.config_map_name.value)) continue;
        volumes.insert(volume.name.value);
        for (const auto& [key, path] : volume.config_map_items) {
            if (key && key.value == kLegacyName)
                add(plan, "items key", inner(*file.source, key), std::string(kYamlName));
            if (path && path.value == kLegacyName)
                add(plan, "items path", inner(*file.source, path), std::string(kYamlName));
        }
    }
    const auto mounts = [&](const std::vector<Container>& containers) {
        for (const Container& container : containers) {
            for (const VolumeMount& mount : container.volume_mounts) {
                if (!volumes.contains(mount.name.value)) continue;
                if (mount.sub_path && mount.sub_path.value == kLegacyName)
                    add(plan, "subPath", inner(*file.source, mount.sub_path), std::string(kYamlName));
                if (mount.mount_path && mount.mount_path.value.ends_with("/flink-conf.yaml")) {
                    Span span = inner(*file.source, mount.mount_path);
                    span.begin = span.end - kLegacyName.size();
                    add(plan, "mountPath", span, std::string(kYamlName));
                }
            }
        }
    };
    mounts(pod.containers);
    mounts(pod.init_containers);
}

}  // namespace

void plan_objects(const Model& model, FlinkVersion to, Plans& plans) {
    std::set<std::string> renamed;  // ConfigMaps whose flink-conf.yaml key became config.yaml
    for (const Model::ObjectRef& ref : model.objects()) {
        auto it = plans.find(ref.file->source.get());
        if (it == plans.end()) continue;
        if (ref.object->flink) {
            bump_flink_version(*ref.file, *ref.object, to, it->second);
            note_image(ref.object->flink->image,
                       fmt::format("{} {}", ref.object->kind, ref.object->name.value), to, it->second);
        }
        if (ref.object->kind == "ConfigMap" && to >= FlinkVersion{2, 0})
            rename_data_key(*ref.file, *ref.object, it->second, renamed);
    }
    for (const Model::ObjectRef& ref : model.objects()) {
        if (!ref.object->pod) continue;
        auto& plan = plans[ref.file->source.get()];
        if (plan.report.path.empty()) plan.report.path = ref.file->source->path();
        if (!renamed.empty()) follow_mounts(*ref.file, *ref.object->pod, renamed, plan);
        for (const Container& container : ref.object->pod->containers)
            note_image(container.image, fmt::format("{} {}", ref.object->kind, ref.object->name.value), to,
                       plan);
    }
}

}  // namespace flinklint::migrate
