// FL833 volume-hides-flink-lib: a Flink container that mounts an emptyDir, ConfigMap or Secret volume over
// its whole lib directory. The mount hides the image's own lib/ (flink-dist and the bundled jars); the
// start scripts then find no distribution jar (flink-dist bin/config.sh constructFlinkClassPath:
// "[ERROR] Flink distribution jar not found in $FLINK_LIB_DIR", exit 1) and the process never starts.
// Connector jars an init container downloads into the volume do not bring flink-dist back; only an
// init container of a Flink image that copies its lib/ into the volume (mounted elsewhere) does.
// docker-compose: a bind mount of a host directory does the same; a named volume does not (docker copies
// the image's files into an empty named volume when it is first mounted).
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

// A container whose image flinklint cannot read (a Helm value) but whose command runs one of Flink's start
// scripts from the image's bin/ (`/opt/flink/bin/jobmanager.sh start-foreground`) and never names its lib
// directory (a command that copies jars into lib/ may fill it first).
bool runs_flink_script(const Container& c) {
    const std::string lib = lib_dir(c);
    const std::string bin = lib.substr(0, lib.size() - 3) + "bin/";
    bool script = false;
    for (const std::vector<Located>* list : {&c.command, &c.args}) {
        for (const Located& part : *list) {
            if (part.value.find(lib) != std::string::npos) return false;
            for (std::string_view word : command_words(part.value)) {
                if (!word.starts_with(bin)) continue;
                const std::string_view name = word.substr(bin.size());
                script = script || name == "jobmanager.sh" || name == "taskmanager.sh" ||
                         name == "standalone-job.sh" || name == "historyserver.sh" ||
                         name == "sql-gateway.sh";
            }
        }
    }
    return script;
}

void check_pod(const SourcePtr& source, const std::string& owner, const PodSpecFacts& pod,
               bool operator_template, Reporter& reporter) {
    for (const Container& c : pod.containers) {
        // In a FlinkDeployment's pod template the operator gives flink-main-container spec.image.
        if (!flink_image(c.image.value) && !(operator_template && c.name.value == "flink-main-container") &&
            !runs_flink_script(c))
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

// A compose mount's source that is a host path (compose-spec: a source starting with `.`, `/` or `~` is
// bound from the host, anything else names a volume), `${PWD}/jars` too.
bool host_path(std::string_view source) {
    if (source.empty()) return false;
    if (source.front() == '.' || source.front() == '/' || source.front() == '~') return true;
    return source.front() == '$' && source.find('/') != std::string_view::npos;
}

// `./flink-1.18.1/lib`, `${FLINK_HOME}/lib`: the lib directory of a Flink distribution on the host, which
// holds flink-dist. Not judged.
bool distribution_lib(std::string_view source) {
    const std::string path = trimmed_path(std::string(source));
    const std::size_t slash = path.rfind('/');
    if (slash == std::string::npos || path.substr(slash + 1) != "lib") return false;
    return ascii_lower(path.substr(0, slash)).find("flink") != std::string::npos;
}

// The service starts a Flink process straight from lib/: the entrypoint's verb or one of Flink's bin/
// scripts. A command of its own (`bash -c "..."`, another entrypoint) may fill lib/ before it starts one.
bool starts_from_lib(const ComposeService& s) {
    if (!s.entrypoint.empty()) return false;
    if (s.command.empty()) return flink_image(s.image.value);
    std::string_view word = trim(s.command.front().value);
    word = word.substr(0, word.find_first_of(" \t"));
    const bool verb =
        word == "jobmanager" || word == "taskmanager" || word == "standalone-job" || word == "history-server";
    if (verb && (s.build || flink_image(s.image.value))) return true;
    word = word.substr(word.rfind('/') == std::string_view::npos ? 0 : word.rfind('/') + 1);
    const bool script = word == "jobmanager.sh" || word == "taskmanager.sh" || word == "standalone-job.sh" ||
                        word == "historyserver.sh" || word == "sql-gateway.sh" || word == "flink";
    return script && flink_image(s.image.value);
}

void check_compose(const ParsedFile& file, const ComposeService& s, Reporter& reporter) {
    if (s.mounts.empty() || !starts_from_lib(s)) return;
    std::string lib = "/opt/flink/lib";
    for (const EnvVar& env : s.environment)
        if (env.name.value == "FLINK_HOME" && env.value) lib = trimmed_path(env.value.value) + "/lib";
    for (const ComposeMount& m : s.mounts) {
        if (trimmed_path(m.target) != lib || !host_path(m.source) || distribution_lib(m.source)) continue;
        Finding f{.source = file.source, .span = m.span, .key = "volumes"};
        f.message = fmt::format(
            "{} mounts the host directory {} over {}: it hides the image's lib directory with the flink-dist "
            "jar, so the start scripts stop with \"Flink distribution jar not found\" and the process does "
            "not start",
            s.where, quoted(m.source), quoted(m.target));
        f.help =
            "mount the jars one file at a time into lib/ (`./jars/x.jar:/opt/flink/lib/x.jar`), or the "
            "directory into a subdirectory such as /opt/flink/lib/extra, or build an image with them";
        reporter.report(std::move(f));
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
    for (const ParsedFile& file : model.files())
        for (const ComposeService& s : file.compose_services) check_compose(file, s, reporter);
}

}  // namespace flinklint::rules
