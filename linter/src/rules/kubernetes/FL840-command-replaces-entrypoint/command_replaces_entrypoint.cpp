// FL840 command-replaces-entrypoint: a Kubernetes `command:` on a container of the official Flink image.
// `command` replaces the image's ENTRYPOINT (docker-entrypoint.sh in every apache/flink-docker
// Dockerfile), `args` its CMD. The entrypoint's verbs (`jobmanager`, `taskmanager`, `standalone-job`,
// `history-server`) are words of that script, not programs: bin/ on the image's PATH holds
// jobmanager.sh, taskmanager.sh, standalone-job.sh, so `command: ["jobmanager"]` fails to start
// ("executable file not found in $PATH"). Any other command skips the script's prepare_configuration,
// the only reader of FLINK_PROPERTIES, JOB_MANAGER_RPC_ADDRESS and TASK_MANAGER_NUMBER_OF_TASK_SLOTS.
#include <fmt/format.h>

#include <array>

#include "flinklint/deployment.hpp"
#include "flinklint/text_util.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

constexpr std::array<std::string_view, 5> kVerbs{"jobmanager", "taskmanager", "standalone-job",
                                                 "history-server", "help"};
constexpr std::array<std::string_view, 3> kEntrypointVariables{"FLINK_PROPERTIES", "JOB_MANAGER_RPC_ADDRESS",
                                                               "TASK_MANAGER_NUMBER_OF_TASK_SLOTS"};

bool runs_entrypoint(const Container& c) {
    for (const std::vector<Located>* list : {&c.command, &c.args})
        for (const Located& part : *list)
            if (part.value.find("docker-entrypoint") != std::string::npos) return true;
    return false;
}

const EnvVar* entrypoint_variable(const Container& c) {
    for (const EnvVar& env : c.env)
        for (std::string_view name : kEntrypointVariables)
            if (env.name.value == name) return &env;
    return nullptr;
}

void check_container(const SourcePtr& source, const std::string& owner, const Container& c,
                     Reporter& reporter) {
    std::optional<FlinkVersion> version;
    if (c.command.empty() || !official_image(c.image.value, version) || runs_entrypoint(c)) return;
    const Located& first = c.command.front();
    const auto parts = command_words(first.value);
    if (parts.empty()) return;
    const std::string_view program = parts.front();
    for (std::string_view verb : kVerbs) {
        if (program != verb) continue;
        Finding f{.source = source, .span = first.span, .key = "command"};
        f.message = fmt::format(
            "{} container {} sets `command: {}`: a Kubernetes command replaces the image's entrypoint "
            "(docker-entrypoint.sh), and {} is one of that script's verbs, not a program (bin/ has {}.sh), "
            "so "
            "the container fails to start",
            owner, quoted(c.name.value), program, quoted(program), program);
        f.help = fmt::format("write `args: [\"{}\", ...]` instead of `command:`, so the entrypoint runs it",
                             program);
        reporter.report(std::move(f));
        return;
    }
    const EnvVar* variable = entrypoint_variable(c);
    if (variable == nullptr) return;
    Finding f{.source = source, .span = first.span, .key = "command"};
    f.severity = Severity::warning;
    f.message = fmt::format(
        "{} container {} sets `command:`, which replaces the image's entrypoint (docker-entrypoint.sh): the "
        "script never runs, so {} is never written into the Flink configuration and the process starts "
        "with the image's defaults",
        owner, quoted(c.name.value), variable->name.value);
    f.help =
        "put the program into `args:` (the entrypoint prepares the configuration, then runs it), or start "
        "the command with /docker-entrypoint.sh";
    f.related.push_back({.source = source, .span = variable->name.span, .message = "set here"});
    reporter.report(std::move(f));
}

}  // namespace

void check_command_replaces_entrypoint(const Model& model, Reporter& reporter) {
    for (const Model::ObjectRef& ref : model.objects()) {
        const K8sObject& object = *ref.object;
        if (!object.pod) continue;
        const std::string owner = object.kind + " " + object.name.value;
        for (const Container& c : object.pod->containers)
            check_container(ref.file->source, owner, c, reporter);
    }
}

}  // namespace flinklint::rules
