// Which Flink processes read a configuration, from what runs where it is written or mounted: the verb of
// the docker-compose service or container whose FLINK_PROPERTIES it is, the role of the workloads that
// mount it (Model::pods()), and for a compose service without a command line its name. Rules about one
// process's memory judge only configurations that process reads.
#pragma once

#include "flinklint/effective_config.hpp"
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

// Only JobManagers read it: the TaskManager sizes derived from it (the image's defaults included) are not
// what any TaskManager runs with, so the TaskManager memory advice (FL304, FL305, FL306, FL401) skips it.
bool read_by_jobmanagers_only(const Model& model, const EffectiveConfig& effective);

}  // namespace flinklint::rules
