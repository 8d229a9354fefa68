// FL709 taskmanager-jobmanager-address-missing: a TaskManager started by the official image's entrypoint that
// nothing gives a JobManager address (no jobmanager.rpc.address in FLINK_PROPERTIES, a `-D` argument or a
// mounted file, no JOB_MANAGER_RPC_ADDRESS, no high availability). apache/flink-docker's docker-entrypoint.sh
// (every dev-* branch, 1.9 to 2.x) writes `jobmanager.rpc.address: ${JOB_MANAGER_RPC_ADDRESS:-$(hostname
// -f)}` over the image's file before it applies FLINK_PROPERTIES, so the TaskManager looks for the
// ResourceManager on its own host name and never registers. Where the file is a read-only ConfigMap the
// entrypoint cannot write it, and without the key the TaskManager stops at start
// (HighAvailabilityServicesUtils #getJobManagerAddress: "Config parameter 'jobmanager.rpc.address' is
// missing"). A SQL gateway the entrypoint runs is judged alike: it submits to rest.address, which falls back
// to that host name.
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

// A compose service's files are bind mounts or volumes the entrypoint can write: it replaces the
// `jobmanager.rpc.address` of a mounted file too, so only FLINK_PROPERTIES, `-D` or high availability in
// the mounted file give the TaskManager an address. From 1.19 it writes through bin/config-parser-utils.sh
// (`> "$CONF_FILE"`, in place); before, `sed -i` replaces an existing entry by renaming a new file over it,
// which fails on a single bind-mounted file (the file keeps its value) while `>>` still appends a missing
// one. A read-only mount keeps its file's value; a mounted file not in view may configure high
// availability, which the message says.
bool read_only_conf(const ComposeService& service) {
    for (const ComposeMount& mount : service.mounts)
        if (mount.read_only && mount.target.starts_with("/opt/flink/conf")) return true;
    return false;
}

// Whether the entrypoint can replace an entry of the mounted file (see of_service).
bool rewrites_in_place(const ComposeService& service) {
    bool single_file = false;
    for (const ComposeMount& mount : service.mounts)
        single_file =
            single_file || (mount.target.starts_with("/opt/flink/conf") && mount.target.ends_with(".yaml"));
    const auto version = image_flink_version(service.image.value);
    return !single_file || (version && *version >= FlinkVersion{1, 19});
}

Outcome of_service(const Model& model, const EntrypointLine& line, bool& unseen_file) {
    if (read_only_conf(*line.service)) return Outcome::unknown;
    const bool in_place = rewrites_in_place(*line.service);
    const ComposeConfMounts mounts = compose_conf_mounts(*line.service, line.source->path());
    unseen_file = mounts.unknown || !mounts.files.empty();
    if (!in_place && unseen_file && mounts.unknown) return Outcome::unknown;
    const std::string origin = line.where + " FLINK_PROPERTIES";
    bool kept_address = false;  // a single mounted file's own address, which `sed -i` cannot replace
    for (const FlinkConfig& config : model.configs()) {
        const bool properties = config.source() == line.source && config.doc().origin == origin;
        bool mounted = false;
        if (!properties && !mounts.files.empty() && config.doc().format != ConfigFormat::compose_properties) {
            const std::string path = normalized_source_path(config.source()->path());
            for (const std::string& host : mounts.files) mounted = mounted || host == path;
        }
        if (!properties && !mounted) continue;
        if (mounted) unseen_file = false;
        if (properties && config.get_option("jobmanager.rpc.address") != nullptr) return Outcome::given;
        if (mounted && !in_place)
            kept_address = kept_address || config.get("jobmanager.rpc.address") != nullptr;
        if (const ConfigEntry* ha = config.get_option("high-availability.type"); ha && ha_value(ha->value))
            return Outcome::given;
    }
    if (!in_place && (unseen_file || kept_address)) return Outcome::unknown;
    return Outcome::own_host_name;
}

// The `sql-gateway.sh` word that the official image's entrypoint runs: `words` is what it gets (the compose
// command, or a container's args after a command that is only the entrypoint script). From 1.12 the
// entrypoint prepares the configuration before it runs any other command (`exec "$@"`); the SQL gateway
// exists from 1.16.
const Located* gateway_word(std::string_view image, const std::vector<const Located*>& words,
                            std::string_view& word) {
    bool mentioned = false;  // most command lines name no gateway: skip splitting them into words
    for (const Located* part : words)
        mentioned = mentioned || part->value.find("sql-gateway") != std::string::npos;
    if (!mentioned) return nullptr;
    const Located* found = nullptr;
    for (const Located* part : words) {
        for (const auto [text, separated] : shell_words(part->value)) {
            if (text.find("docker-entrypoint") != std::string_view::npos) continue;
            if (text != "sql-gateway.sh" && !text.ends_with("/sql-gateway.sh")) return nullptr;
            word = text;
            found = part;
            break;
        }
        if (found != nullptr) break;
    }
    std::optional<FlinkVersion> version;  // the image is read only for a gateway's command line
    if (found == nullptr || !official_image(image, version) || (version && *version < FlinkVersion{1, 16}))
        return nullptr;
    return found;
}

bool address_given(const std::vector<EnvVar>& env, const std::vector<const Located*>& words) {
    for (const EnvVar& var : env)
        if (var.name.value == "JOB_MANAGER_RPC_ADDRESS") return true;
    for (const Located* part : words) {
        for (auto [text, separated] : shell_words(part->value)) {
            if (text.starts_with("-D")) text.remove_prefix(2);
            const std::string_view key = text.substr(0, text.find('='));
            if (key.size() < text.size() && (key == "rest.address" || key == "jobmanager.rpc.address"))
                return true;
        }
    }
    return false;
}

// Whether a configuration the gateway reads sets where it submits: rest.address or high availability, or
// jobmanager.rpc.address where the entrypoint does not replace it (FLINK_PROPERTIES, a kept file).
bool sets_address(const FlinkConfig& config, bool address_kept) {
    return config.get_option("rest.address") != nullptr ||
           ha_value(config.value("high-availability.type").value_or("")) ||
           (address_kept && config.get_option("jobmanager.rpc.address") != nullptr);
}

bool compose_gateway_given(const Model& model, const ParsedFile& file, const ComposeService& service) {
    const ComposeConfMounts mounts = compose_conf_mounts(service, file.source->path());
    const std::string origin = service.where + " FLINK_PROPERTIES";
    const bool in_place = rewrites_in_place(service);
    std::size_t seen = 0;
    for (const FlinkConfig& config : model.configs()) {
        const bool properties = config.source() == file.source && config.doc().origin == origin;
        bool mounted = false;
        if (!properties && config.doc().format != ConfigFormat::compose_properties) {
            const std::string path = normalized_source_path(config.source()->path());
            for (const std::string& host : mounts.files) mounted = mounted || host == path;
        }
        if (!properties && !mounted) continue;
        seen += mounted ? 1 : 0;
        if (sets_address(config, properties || !in_place)) return true;
    }
    return mounts.unknown || (!mounts.files.empty() && seen == 0);  // a file not in view may set it
}

void report_gateway(const SourcePtr& source, const Located& part, std::string_view word,
                    const std::string& where, Reporter& reporter) {
    Finding f{.source = source, .span = word_span(*source, part, word), .key = "rest.address"};
    f.message = fmt::format(
        "{} runs the SQL gateway through the image's docker-entrypoint.sh with no JobManager address (no "
        "JOB_MANAGER_RPC_ADDRESS, no `rest.address` or `jobmanager.rpc.address` in FLINK_PROPERTIES or "
        "`-D`): "
        "the entrypoint sets `jobmanager.rpc.address` to the container's own host name, and `rest.address` "
        "falls back to it, so the gateway submits its jobs to itself",
        where);
    f.help = "set JOB_MANAGER_RPC_ADDRESS (or `rest.address` in FLINK_PROPERTIES) to the JobManager service";
    reporter.report(std::move(f));
}

// A Kubernetes container: the entrypoint runs when there is no command or the command is the script itself.
// A volume over the conf directory (a read-only ConfigMap keeps its file's address) or variables flinklint
// cannot read leave it unjudged.
void check_pod_gateways(const Model& model, const Model::ObjectRef& ref, Reporter& reporter) {
    const K8sObject& object = *ref.object;
    for (const Container& c : object.pod->containers) {
        std::vector<const Located*> words;
        for (const Located& l : c.command) words.push_back(&l);
        if (!words.empty() && words.front()->value.find("docker-entrypoint") == std::string::npos) continue;
        for (const Located& l : c.args) words.push_back(&l);
        std::string_view word;
        const Located* part = gateway_word(c.image.value, words, word);
        if (part == nullptr || c.env_from || address_given(c.env, words)) continue;
        bool unknown = false;
        for (const VolumeMount& mount : c.volume_mounts)
            unknown = unknown || mount.mount_path.value.starts_with("/opt/flink/conf");
        for (const EnvVar& var : c.env)
            unknown = unknown || (var.name.value == "FLINK_PROPERTIES" && !var.value);
        const std::string origin = " container " + c.name.value + " FLINK_PROPERTIES";
        for (const FlinkConfig* config : model.configs_owned_by(&object))
            if (config->doc().format == ConfigFormat::compose_properties &&
                config->doc().origin.ends_with(origin))
                unknown = unknown || sets_address(*config, true);
        if (!unknown)
            report_gateway(ref.file->source, *part, word,
                           fmt::format("{} {}", object.kind, object.name.value), reporter);
    }
}

// A SQL gateway run by the image's entrypoint submits to rest.address, whose fallback key is
// jobmanager.rpc.address (flink-core RestOptions.ADDRESS); the entrypoint writes the container's own host
// name there, so with neither set elsewhere the gateway sends its jobs to itself.
void check_gateways(const Model& model, Reporter& reporter) {
    for (const ParsedFile& file : model.files()) {
        for (const ComposeService& service : file.compose_services) {
            if (!service.entrypoint.empty()) continue;
            std::vector<const Located*> words;
            for (const Located& l : service.command) words.push_back(&l);
            std::string_view word;
            const Located* part = gateway_word(service.image.value, words, word);
            if (part == nullptr || service.env_file || service.environment_invalid ||
                address_given(service.environment, words) || read_only_conf(service) ||
                compose_gateway_given(model, file, service))
                continue;
            report_gateway(file.source, *part, word, service.where, reporter);
        }
    }
    for (const Model::ObjectRef& ref : model.objects())
        if (ref.object->pod && ref.object->kind != "FlinkDeployment" && ref.object->kind != "FlinkSessionJob")
            check_pod_gateways(model, ref, reporter);
}

}  // namespace

void check_taskmanager_jobmanager_address_missing(const Model& model, Reporter& reporter) {
    check_gateways(model, reporter);
    for (const EntrypointLine& line : entrypoint_lines(model)) {
        if (line.verb != "taskmanager" || has_env(line, "JOB_MANAGER_RPC_ADDRESS") ||
            address_argument(line) || environment_unknown(line))
            continue;
        bool unseen_file = false;
        const Outcome outcome =
            line.pod != nullptr ? of_pod(*line.pod) : of_service(model, line, unseen_file);
        if (outcome == Outcome::given || outcome == Outcome::unknown) continue;
        Finding f{.source = line.source, .span = line.verb_span, .key = "jobmanager.rpc.address"};
        if (outcome == Outcome::own_host_name) {
            f.message = fmt::format(
                "{} starts a TaskManager that nothing gives a JobManager address (no "
                "`jobmanager.rpc.address` in "
                "FLINK_PROPERTIES or `-D`, no JOB_MANAGER_RPC_ADDRESS, no high availability): the image's "
                "docker-entrypoint.sh sets it to the container's own host name, so the TaskManager looks for "
                "the ResourceManager on itself and never registers{}",
                line.where,
                unseen_file
                    ? " (it writes over the address of the file mounted as its configuration too; only "
                      "high availability configured there would find the JobManager)"
                    : "");
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
