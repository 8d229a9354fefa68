// FL831 container-arg-not-dynamic-property: `key=value` on a JobManager or TaskManager command line
// without `-D`. Flink's entry points read options from the command line only as `-Dkey=value`
// (flink-runtime's CommandLineOptions.DYNAMIC_PROPERTY_OPTION); a bare word is a positional argument.
// The official image's docker-entrypoint.sh passes the arguments after its verb to the bin/ scripts
// (apache/flink-docker since 1.7/1.8; older images drop them), where jobmanager.sh takes the first two
// as host name and web UI port, and CommandLineParser stops reading options at the first bare word
// (DefaultParser with stopAtNonOption): the TaskManager then misses the `--configDir` its script appends
// after it, and a standalone-job passes it to the job as a program argument. The setting never applies.
#include <fmt/format.h>

#include <utility>

#include "flinklint/catalog.hpp"
#include "flinklint/deployment.hpp"
#include "rules/kubernetes/entrypoint_lines.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

// Only keys Flink knows: shell words such as `JAVA_TOOL_OPTIONS=...` or program arguments of
// the user's job are not meant as Flink options.
bool flink_key(const Catalog& catalog, std::string_view key) {
    return catalog.lookup(key).known() || find_retired_key(key) != nullptr;
}

std::string consequence(bool application, FlinkRole role) {
    if (application)
        return "the entry point stops reading options at it and hands it to the job as a program argument";
    if (role == FlinkRole::jobmanager)
        return "jobmanager.sh takes the first such words as the host name and web UI port, and the entry "
               "point stops reading options at a later one";
    return "the entry point stops reading options at it, so the `--configDir` taskmanager.sh appends "
           "after it is not read and the TaskManager may not start";
}

}  // namespace

void check_container_arg_not_dynamic_property(const Model& model, Reporter& reporter) {
    for (const PodView& pod : model.pods()) {
        if (pod.operator_managed || pod.main == nullptr || pod.role == FlinkRole::none) continue;
        const Catalog& catalog = Catalog::for_version(pod.config.version);
        for (const SetValue& arg : pod.config.bare_arguments) {
            if (!flink_key(catalog, arg.key) || arg.source == nullptr) continue;
            Finding f{.source = arg.source, .span = arg.span, .key = arg.key};
            f.message = fmt::format(
                "{} passes {} to {} without `-D`: Flink reads command-line options only as `-Dkey=value`, "
                "so {} is not set; {}",
                pod.describe(), quoted(arg.key + "=" + arg.value), quoted(pod.main->name.value),
                quoted(arg.key), consequence(pod.application, pod.role));
            f.help = fmt::format("write `-D{}={}`, or set it in the configuration file or FLINK_PROPERTIES",
                                 arg.key, arg.value);
            reporter.report(std::move(f));
        }
    }
    // docker-compose services: the same entry point, the words of `command:` (pods are read above).
    for (const EntrypointLine& line : entrypoint_lines(model)) {
        if (!line.compose) continue;
        bool after_d = false;  // `-D key=value`: the word after `-D` is its value
        for (const EntrypointWord& word : line.words) {
            const bool value_of_d = std::exchange(after_d, word.text == "-D");
            if (value_of_d || !flink_key_assignment(word.text)) continue;
            const std::string_view key = word.text.substr(0, word.text.find('='));
            Finding f{.source = line.source, .span = word.span, .key = std::string(key)};
            f.message = fmt::format(
                "{} passes {} to {} without `-D`: Flink reads command-line options only as `-Dkey=value`, "
                "so {} is not set; {}",
                line.where, quoted(word.text), quoted(line.verb), quoted(key),
                consequence(line.verb == "standalone-job",
                            line.verb == "taskmanager" ? FlinkRole::taskmanager : FlinkRole::jobmanager));
            f.help = fmt::format("write `-D{}`, or set it in FLINK_PROPERTIES", word.text);
            reporter.report(std::move(f));
        }
    }
}

}  // namespace flinklint::rules
