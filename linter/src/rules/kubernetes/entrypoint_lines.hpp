// The command lines the official image's docker-entrypoint.sh receives, from every place one is written:
// the Flink container of a workload (Deployment, StatefulSet, Job, Pod, ...) and a docker-compose service.
// FlinkDeployment pods are not included: the operator writes their command. Read by the rules on how the
// entry point and the bin/ scripts treat the words after the verb (FL831, FL834).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "flinklint/model.hpp"

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
};

std::vector<EntrypointLine> entrypoint_lines(const Model& model);

// `key=value` (no leading `-`) whose key Flink knows: FL831's finding.
bool flink_key_assignment(std::string_view word);

}  // namespace flinklint::rules
