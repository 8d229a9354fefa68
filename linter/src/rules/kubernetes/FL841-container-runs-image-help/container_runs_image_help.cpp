// FL841 container-runs-image-help: a container of the official Flink image with neither `command` nor
// `args`. Every apache/flink-docker Dockerfile ends with ENTRYPOINT ["/docker-entrypoint.sh"] and
// CMD ["help"], and docker-entrypoint.sh answers `help` by printing its usage and exiting 0: no JobManager
// or TaskManager runs, and a Deployment restarts the container over and over.
#include <fmt/format.h>

#include "flinklint/deployment.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {

void check_container_runs_image_help(const Model& model, Reporter& reporter) {
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
            f.help = "add `args: [\"jobmanager\"]` (or `taskmanager`, `standalone-job`) to the container";
            reporter.report(std::move(f));
        }
    }
}

}  // namespace flinklint::rules
