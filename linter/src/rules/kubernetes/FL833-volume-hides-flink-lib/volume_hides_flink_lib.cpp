// FL833 volume-hides-flink-lib: a Flink container that mounts an emptyDir, ConfigMap or Secret volume over
// its whole lib directory. The mount hides the image's own lib/ (flink-dist and the bundled jars); the
// start scripts then find no distribution jar (flink-dist bin/config.sh constructFlinkClassPath:
// "[ERROR] Flink distribution jar not found in $FLINK_LIB_DIR", exit 1) and the process never starts.
// Connector jars an init container downloads into the volume do not bring flink-dist back; only an
// init container of a Flink image that copies its lib/ into the volume (mounted elsewhere) does.
#include <fmt/format.h>

#include "flinklint/text_util.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

std::string trimmed_path(std::string path) {
    while (path.size() > 1 && path.back() == '/') path.pop_back();
    return path;
}

// The official image and vendors' builds of it (apache/flink, flink, confluentinc/cp-flink, ...).
bool flink_image(std::string_view image) {
    const std::size_t slash = image.rfind('/');
    std::string_view name = image.substr(slash == std::string_view::npos ? 0 : slash + 1);
    name = name.substr(0, name.find_first_of(":@"));
    return ascii_lower(name).find("flink") != std::string::npos;
}

std::string lib_dir(const Container& c) {
    for (const EnvVar& env : c.env)
        if (env.name.value == "FLINK_HOME" && env.value) return trimmed_path(env.value.value) + "/lib";
    return "/opt/flink/lib";
}

// An init container of a Flink image that mounts the volume outside its own lib/ can copy the distribution
// in.
bool filled_by_flink_init(const PodSpecFacts& pod, std::string_view volume) {
    for (const Container& init : pod.init_containers) {
        if (!flink_image(init.image.value)) continue;
        for (const VolumeMount& m : init.volume_mounts)
            if (m.name.value == volume && trimmed_path(m.mount_path.value) != lib_dir(init)) return true;
    }
    return false;
}

void check_pod(const SourcePtr& source, const std::string& owner, const PodSpecFacts& pod,
               bool operator_template, Reporter& reporter) {
    for (const Container& c : pod.containers) {
        // In a FlinkDeployment's pod template the operator gives flink-main-container spec.image.
        if (!flink_image(c.image.value) && !(operator_template && c.name.value == "flink-main-container"))
            continue;
        for (const VolumeMount& m : c.volume_mounts) {
            if (m.sub_path || trimmed_path(m.mount_path.value) != lib_dir(c)) continue;
            const Volume* volume = nullptr;
            for (const Volume& v : pod.volumes)
                if (v.name.value == m.name.value) volume = &v;
            if (volume == nullptr ||
                (volume->type != "emptyDir" && volume->type != "configMap" && volume->type != "secret"))
                continue;  // a PersistentVolumeClaim or host path may hold a full lib/: not visible here
            if (filled_by_flink_init(pod, volume->name.value)) continue;
            Finding f{.source = source, .span = m.mount_path.span, .key = "volumeMounts"};
            f.message = fmt::format(
                "{} container {} mounts the {} volume {} over {}: it hides the image's lib directory with "
                "the "
                "flink-dist jar, so the start scripts stop with \"Flink distribution jar not found\" and the "
                "process does not start",
                owner, quoted(c.name.value), volume->type, quoted(volume->name.value),
                quoted(m.mount_path.value));
            f.help =
                "mount extra jars into their own directory and copy or link them into lib/ at start, mount "
                "single files with subPath, or put them into /opt/flink/plugins or a custom image";
            reporter.report(std::move(f));
        }
    }
}

}  // namespace

void check_volume_hides_flink_lib(const Model& model, Reporter& reporter) {
    for (const Model::ObjectRef& ref : model.objects()) {
        const K8sObject& object = *ref.object;
        const std::string owner = object.kind + " " + object.name.value;
        if (object.pod) check_pod(ref.file->source, owner, *object.pod, false, reporter);
        if (!object.flink) continue;
        for (const auto* t :
             {&object.flink->pod_template, &object.flink->jm_pod_template, &object.flink->tm_pod_template})
            if (*t) check_pod(ref.file->source, owner, **t, true, reporter);
    }
}

}  // namespace flinklint::rules
