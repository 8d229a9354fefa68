// The command lines the official image's docker-entrypoint.sh receives, from every place one is written:
// the Flink container of a workload (Deployment, StatefulSet, Job, Pod, ...) and a docker-compose service
// whose image is a Flink one or built from a Dockerfile (`build:`; a verb then says it is Flink's).
// FlinkDeployment pods are not included: the operator writes their command. Read by the rules on how the
// entry point and the bin/ scripts treat the words after the verb (FL831, FL834) and the environment (FL307).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "flinklint/model.hpp"

namespace flinklint {
struct PodView;
}

namespace flinklint::rules {

struct EntrypointWord {
    std::string_view text;  // a view into the model's Located values
    Span span;              // the word as written
};

struct EntrypointLine {
    SourcePtr source;
    std::string where;                  // "Deployment flink-taskmanager", "service jobmanager"
    std::string_view verb;              // jobmanager, taskmanager or standalone-job
    std::vector<EntrypointWord> words;  // after the verb, up to the end or a shell separator
    bool compose = false;
    const std::vector<EnvVar>* env = nullptr;     // the container's or service's environment
    FlinkVersion version = kDefaultFlinkVersion;  // the pod's configuration's, or the compose image's
    Span verb_span;                               // the verb as written
    const PodView* pod = nullptr;                 // the workload's pod; null for a compose service
    const ComposeService* service = nullptr;      // the compose service; null for a pod
};

std::vector<EntrypointLine> entrypoint_lines(const Model& model);

// The words of a command-line scalar (command_words), each with whether a shell separator (`;`, `&&`, `|`)
// stands between it and the word before.
struct ShellWord {
    std::string_view text;
    bool separated = false;
};
std::vector<ShellWord> shell_words(std::string_view text);

// `key=value` (no leading `-`) whose key Flink knows: FL831's finding.
bool flink_key_assignment(std::string_view word);

}  // namespace flinklint::rules
