// Which Flink processes read a configuration, from what runs where it is written or mounted: the verb of
// the docker-compose service or container whose FLINK_PROPERTIES it is, the role of the workloads that
// mount it (Model::pods()), and for a compose service without a command line its name. Rules about one
// process's memory judge only configurations that process reads.
#pragma once

#include "flinklint/model.hpp"

namespace flinklint::rules {

struct ConfigReaders {
    bool jobmanager = false;
    bool taskmanager = false;
    // True when neither is known: a plain file, a ConfigMap nothing in the group mounts, an operator
    // resource.
    [[nodiscard]] bool unknown() const { return !jobmanager && !taskmanager; }
    [[nodiscard]] bool jobmanager_only() const { return jobmanager && !taskmanager; }
    [[nodiscard]] bool taskmanager_only() const { return taskmanager && !jobmanager; }
};

ConfigReaders config_readers(const Model& model, const FlinkConfig& config);

}  // namespace flinklint::rules
