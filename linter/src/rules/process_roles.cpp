#include "rules/process_roles.hpp"

#include <algorithm>
#include <string>

#include "flinklint/deployment.hpp"
#include "flinklint/text_util.hpp"
#include "rules/kubernetes/entrypoint_lines.hpp"

namespace flinklint::rules {
namespace {

constexpr std::string_view kProperties = " FLINK_PROPERTIES";

ConfigReaders of_verb(std::string_view verb) {
    return verb == "taskmanager" ? ConfigReaders{false, true} : ConfigReaders{true, false};
}

// FLINK_PROPERTIES of a docker-compose service ("service NAME FLINK_PROPERTIES"): the verb of its
// command line, else the service's name (`jobmanager`, `flink-taskmanager`).
ConfigReaders compose_readers(const Model& model, const FlinkConfig& config) {
    std::string_view where = config.doc().origin;
    if (!where.ends_with(kProperties)) return {};
    where.remove_suffix(kProperties.size());
    for (const EntrypointLine& line : entrypoint_lines(model))
        if (line.compose && line.source == config.source() && line.where == where) return of_verb(line.verb);
    const std::string name = ascii_lower(where);
    const bool jm = name.find("jobmanager") != std::string::npos;
    const bool tm = name.find("taskmanager") != std::string::npos;
    return jm != tm ? ConfigReaders{jm, tm} : ConfigReaders{};
}

}  // namespace

ConfigReaders config_readers(const Model& model, const FlinkConfig& config) {
    const ConfigDocument& doc = config.doc();
    if (doc.format == ConfigFormat::flink_deployment) return {};
    if (doc.format == ConfigFormat::compose_properties && config.owner() == nullptr)
        return compose_readers(model, config);
    ConfigReaders readers;
    for (const PodView& pod : model.pods()) {
        if (pod.operator_managed || pod.role == FlinkRole::none) continue;
        if (std::find(pod.config.files.begin(), pod.config.files.end(), &config) == pod.config.files.end())
            continue;
        (pod.role == FlinkRole::jobmanager ? readers.jobmanager : readers.taskmanager) = true;
    }
    return readers;
}

bool read_by_jobmanagers_only(const Model& model, const EffectiveConfig& effective) {
    return effective.config() != nullptr && config_readers(model, *effective.config()).jobmanager_only();
}

}  // namespace flinklint::rules
