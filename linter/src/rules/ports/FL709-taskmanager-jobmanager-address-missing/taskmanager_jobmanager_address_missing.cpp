// FL709 taskmanager-jobmanager-address-missing: a TaskManager started by the official image's entrypoint that
// nothing gives a JobManager address (no jobmanager.rpc.address in FLINK_PROPERTIES, a `-D` argument or a
// mounted file, no JOB_MANAGER_RPC_ADDRESS, no high availability). apache/flink-docker's docker-entrypoint.sh
// (every dev-* branch, 1.9 to 2.x) writes `jobmanager.rpc.address: ${JOB_MANAGER_RPC_ADDRESS:-$(hostname
// -f)}` over the image's file before it applies FLINK_PROPERTIES, so the TaskManager looks for the
// ResourceManager on its own host name and never registers. Where the file is a read-only ConfigMap the
// entrypoint cannot write it, and without the key the TaskManager stops at start
// (HighAvailabilityServicesUtils #getJobManagerAddress: "Config parameter 'jobmanager.rpc.address' is
// missing").
#include <fmt/format.h>

#include "flinklint/deployment.hpp"
#include "flinklint/text_util.hpp"
#include "rules/kubernetes/entrypoint_lines.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

bool ha_value(std::string_view value) {
    const std::string lower = ascii_lower(trim(value));
    return !lower.empty() && lower != "none";
}

bool has_env(const EntrypointLine& line, std::string_view name) {
    if (line.env == nullptr) return false;
    for (const EnvVar& var : *line.env)
        if (var.name.value == name) return true;
    return false;
}

// Variables flinklint cannot read: `envFrom`, `env_file`, FLINK_PROPERTIES from a ConfigMap key, or an
// environment compose refuses (FL005 reports it; what was meant is not what reaches the container).
bool environment_unknown(const EntrypointLine& line) {
    if (line.pod != nullptr && line.pod->main != nullptr && line.pod->main->env_from) return true;
    if (line.service != nullptr && (line.service->env_file || line.service->environment_invalid)) return true;
    if (line.env != nullptr)
        for (const EnvVar& var : *line.env)
            if (var.name.value == "FLINK_PROPERTIES" && !var.value) return true;
    return false;
}

// `-Djobmanager.rpc.address=x` or `-D jobmanager.rpc.address=x` after the verb.
bool address_argument(const EntrypointLine& line) {
    for (const EntrypointWord& word : line.words)
        if (word.text.find("jobmanager.rpc.address=") != std::string_view::npos) return true;
    return false;
}

enum class Outcome { given, unknown, own_host_name, missing };

Outcome of_pod(const PodView& pod) {
    if (pod.operator_managed || pod.native || !pod.config.known) return Outcome::unknown;
    if (pod.config.get("jobmanager.rpc.address")) return Outcome::given;
    if (const auto ha = pod.config.get("high-availability.type"); ha && ha_value(ha->value))
        return Outcome::given;
    // A mounted ConfigMap is read-only: the entrypoint's fallback cannot be written into it.
    return pod.conf_files.empty() && !pod.conf_dir_mounted ? Outcome::own_host_name : Outcome::missing;
}

Outcome of_service(const Model& model, const EntrypointLine& line) {
    for (const ComposeMount& mount : line.service->mounts)
        if (mount.target.starts_with("/opt/flink/conf")) return Outcome::unknown;  // a file not in view
    const std::string origin = line.where + " FLINK_PROPERTIES";
    for (const FlinkConfig& config : model.configs()) {
        if (config.source() != line.source || config.doc().origin != origin) continue;
        if (config.get_option("jobmanager.rpc.address") != nullptr) return Outcome::given;
        if (const auto ha = config.value("high-availability.type"); ha && ha_value(*ha))
            return Outcome::given;
    }
    return Outcome::own_host_name;
}

}  // namespace

void check_taskmanager_jobmanager_address_missing(const Model& model, Reporter& reporter) {
    for (const EntrypointLine& line : entrypoint_lines(model)) {
        if (line.verb != "taskmanager" || has_env(line, "JOB_MANAGER_RPC_ADDRESS") ||
            address_argument(line) || environment_unknown(line))
            continue;
        const Outcome outcome = line.pod != nullptr ? of_pod(*line.pod) : of_service(model, line);
        if (outcome == Outcome::given || outcome == Outcome::unknown) continue;
        Finding f{.source = line.source, .span = line.verb_span, .key = "jobmanager.rpc.address"};
        if (outcome == Outcome::own_host_name) {
            f.message = fmt::format(
                "{} starts a TaskManager that nothing gives a JobManager address (no "
                "`jobmanager.rpc.address` in "
                "FLINK_PROPERTIES or `-D`, no JOB_MANAGER_RPC_ADDRESS, no high availability): the image's "
                "docker-entrypoint.sh sets it to the container's own host name, so the TaskManager looks for "
                "the ResourceManager on itself and never registers",
                line.where);
        } else {
            f.message = fmt::format(
                "{} starts a TaskManager whose configuration has no `jobmanager.rpc.address` (and no high "
                "availability), in a read-only ConfigMap the image's entrypoint cannot add one to: the "
                "TaskManager stops at start (\"Config parameter 'jobmanager.rpc.address' is missing\")",
                line.where);
        }
        f.help = line.pod != nullptr
                     ? "set `jobmanager.rpc.address` to the JobManager Service's name (in the ConfigMap, "
                       "FLINK_PROPERTIES or JOB_MANAGER_RPC_ADDRESS)"
                     : "set `jobmanager.rpc.address: <the JobManager service>` in FLINK_PROPERTIES (or "
                       "JOB_MANAGER_RPC_ADDRESS)";
        reporter.report(std::move(f));
    }
}

}  // namespace flinklint::rules
