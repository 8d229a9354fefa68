// FL841 container-runs-image-help: a container or docker-compose service of the official Flink image with
// no command. Every apache/flink-docker Dockerfile (dev-1.9 to dev-2.4, dev-master) ends with
// ENTRYPOINT ["/docker-entrypoint.sh"] and CMD ["help"], and docker-entrypoint.sh answers `help` by printing
// its usage and exiting 0: no JobManager or TaskManager runs, and the container is restarted over and over.
#include <fmt/format.h>

#include <algorithm>

#include "flinklint/deployment.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

constexpr std::string_view kHelp =
    "add `args: [\"jobmanager\"]` (or `taskmanager`, `standalone-job`) to the container";

void check_pods(const Model& model, Reporter& reporter) {
    for (const Model::ObjectRef& ref : model.objects()) {
        const K8sObject& object = *ref.object;
        if (!object.pod) continue;
        for (const Container& c : object.pod->containers) {
            std::optional<FlinkVersion> version;
            if (!c.command.empty() || !c.args.empty() || !official_image(c.image.value, version)) continue;
            Finding f{.source = ref.file->source, .span = c.image.span, .key = "image"};
            f.message = fmt::format(
                "{} {} container {} runs the image {} without `command` or `args`: the image's default "
                "command is `help`, so its entrypoint prints its usage and exits; no Flink process runs",
                object.kind, object.name.value, quoted(c.name.value), quoted(c.image.value));
            f.help = std::string(kHelp);
            reporter.report(std::move(f));
        }
    }
}

// The file name without its folder and extension: `docker-compose.prod` of `deploy/docker-compose.prod.yml`.
std::string_view stem(std::string_view path) {
    if (const auto slash = path.rfind('/'); slash != std::string_view::npos) path.remove_prefix(slash + 1);
    if (const auto dot = path.rfind('.'); dot != std::string_view::npos) path = path.substr(0, dot);
    return path;
}

// `docker-compose.yml` and `docker-compose.prod.yml`: the naming of files given together (`-f a -f b`).
bool overlay_names(std::string_view a, std::string_view b) {
    const std::string_view x = stem(a), y = stem(b);
    const auto extends = [](std::string_view base, std::string_view other) {
        return other.size() > base.size() && other.starts_with(base) && other[base.size()] == '.';
    };
    return extends(x, y) || extends(y, x);
}

// A compose file that another one extends or overrides (`docker-compose.override.yml`, `-f a -f b`): the
// command may come from the other file. Left alone: names with `override`, and services whose namesake in
// another file in view has a command when that namesake is a partial service (no `image:`, no `build:`:
// the shape of an overlay) or the two files are named as a base and its variant (`x.yml`, `x.prod.yml`).
// Two complete projects side by side (`session-mode/docker-compose.yml`, `sql-client/docker-compose.yml`)
// are not one application.
bool command_elsewhere(const Model& model, const ParsedFile& file, const ComposeService& service) {
    if (file.source->path().find("override") != std::string::npos) return true;
    const std::string& name = service.dns_names.front();
    for (const ParsedFile& other : model.files()) {
        if (&other == &file) continue;
        const bool related = overlay_names(file.source->path(), other.source->path());
        if (std::ranges::any_of(other.compose_services, [&](const ComposeService& s) {
                return s.dns_names.front() == name && (!s.command.empty() || !s.entrypoint.empty()) &&
                       (related || (s.image.value.empty() && !s.build));
            }))
            return true;
    }
    return false;
}

// A service whose `image:` is the official one and that sets neither `command` nor `entrypoint` (compose
// resets the image's CMD when `entrypoint` is set) runs the image's CMD. `build:` builds a Dockerfile
// that may set its own CMD; `extends:` (maybe from another file) and merge keys (`<<: *anchor`, which
// ingest resolves) may supply the command.
void check_compose(const Model& model, Reporter& reporter) {
    for (const ParsedFile& file : model.files()) {
        for (const ComposeService& s : file.compose_services) {
            std::optional<FlinkVersion> version;
            if (!s.command.empty() || !s.entrypoint.empty() || s.build || s.extends ||
                !official_image(s.image.value, version) || command_elsewhere(model, file, s))
                continue;
            Finding f{.source = file.source, .span = s.image.span, .key = "image"};
            f.message = fmt::format(
                "{} runs the image {} without `command`: the image's default command is `help`, so its "
                "entrypoint prints its usage and exits; no Flink process runs",
                s.where, quoted(s.image.value));
            f.help = "add `command: jobmanager` (or `taskmanager`, `standalone-job`) to the service";
            reporter.report(std::move(f));
        }
    }
}

}  // namespace

void check_container_runs_image_help(const Model& model, Reporter& reporter) {
    check_pods(model, reporter);
    check_compose(model, reporter);
}

}  // namespace flinklint::rules
