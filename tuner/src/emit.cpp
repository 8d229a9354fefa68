// The recommended configuration as a file Flink (or the Kubernetes operator) reads.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "flinklint/text_util.hpp"
#include "flinklint/tuner/output.hpp"
#include "flinklint/tuner/units.hpp"
#include "flinklint/yaml_scalar.hpp"

namespace flinklint::tuner {
namespace {

// Keys the operator writes from spec fields: in a FlinkDeployment they live in the spec instead.
constexpr std::array<std::string_view, 7> kFromSpec = {"taskmanager.memory.process.size",
                                                       "jobmanager.memory.process.size",
                                                       "kubernetes.taskmanager.cpu.amount",
                                                       "kubernetes.jobmanager.cpu.amount",
                                                       "kubernetes.taskmanager.cpu",
                                                       "kubernetes.jobmanager.cpu",
                                                       "parallelism.default"};

std::string header(const Tuning& tuning, std::string_view comment) {
    const Profile& p = tuning.profile;
    std::string text;
    const auto line = [&](const std::string& content) { text += fmt::format("{} {}\n", comment, content); };
    line(fmt::format("Recommended by `flinklint tune --profile {}` for Flink {} ({}).", p.path,
                     p.version.str(), to_string(p.deployment)));
    line(fmt::format("{} TaskManagers x {} cores, {} each, {} NIC, {} disk; {} state, {} records/s of {} B.",
                     p.taskmanagers, plain_number(p.tm_cpu_cores), format_binary_bytes(p.tm_memory),
                     format_rate(p.network_bandwidth), to_string(p.local_disk), to_string(p.backend),
                     plain_number(p.records_per_second, 0), p.record_size));
    line("The reason for every value: flinklint tune --profile FILE --format markdown");
    // Every warning travels with the file: none is dropped between the report and what gets deployed.
    for (const std::string& warning : tuning.warnings) line("warning: " + warning);
    return text;
}

// Group headings between the keys, so the file reads like the report.
template <class Write>
void grouped(const Tuning& tuning, bool skip_spec_keys, Write write) {
    std::string group;
    for (const Recommendation& r : tuning.recommendations) {
        if (!r.is_flink_option()) continue;
        if (skip_spec_keys && std::find(kFromSpec.begin(), kFromSpec.end(), r.key) != kFromSpec.end())
            continue;
        write(r, r.group != group ? r.group : std::string());
        group = r.group;
    }
}

std::string flink_conf(const Tuning& tuning) {
    std::string text = header(tuning, "#");
    grouped(tuning, false, [&](const Recommendation& r, const std::string& group) {
        if (!group.empty()) text += fmt::format("\n# {}\n", group);
        text += fmt::format("{}: {}\n", r.key, r.value);
    });
    return text;
}

std::string config_yaml(const Tuning& tuning) {
    std::string text = header(tuning, "#");
    grouped(tuning, false, [&](const Recommendation& r, const std::string& group) {
        if (!group.empty()) text += fmt::format("\n# {}\n", group);
        text += fmt::format("{}: {}\n", r.key, yaml_scalar(r.value));
    });
    return text;
}

std::string flink_deployment(const Tuning& tuning) {
    const Profile& p = tuning.profile;
    std::string text = header(tuning, "#");
    const std::string version = fmt::format("v{}_{}", p.version.major, p.version.minor);
    text += "apiVersion: flink.apache.org/v1beta1\nkind: FlinkDeployment\nmetadata:\n";
    text += fmt::format("  name: {}\nspec:\n", p.name);
    text += fmt::format("  image: {}\n", yaml_scalar(fmt::format("flink:{}", p.version.str())));
    text += fmt::format("  flinkVersion: {}\n", version);
    text += "  serviceAccount: flink\n";
    text += "  flinkConfiguration:\n";
    grouped(tuning, true, [&](const Recommendation& r, const std::string& group) {
        if (!group.empty()) text += fmt::format("    # {}\n", group);
        text += fmt::format("    {}: {}\n", r.key, yaml_double_quoted(r.value));
    });
    const auto resource = [&](std::string_view name, std::uint64_t memory, double cpu) {
        text += fmt::format("  {}:\n    resource:\n      memory: {}\n      cpu: {}\n", name,
                            yaml_double_quoted(fmt::format("{}Mi", memory / kMiB)), plain_number(cpu));
    };
    resource("jobManager", p.jm_memory, p.jm_cpu_cores);
    resource("taskManager", p.tm_memory, p.tm_cpu_cores);
    if (tuning.local_storage)
        text += fmt::format("      ephemeralStorage: {}\n",
                            yaml_double_quoted(fmt::format("{}Gi", *tuning.local_storage / kGiB)));
    text += "  job:\n";
    text += "    # The job's jar inside the image: replace with yours.\n";
    text += "    jarURI: local:///opt/flink/usrlib/job.jar\n";
    text += fmt::format("    parallelism: {}\n", tuning.parallelism);
    // Never stateless for a stateful job: last-state (with HA) for large state, else savepoint.
    text += fmt::format("    upgradeMode: {}\n", tuning.upgrade_mode);
    return text;
}

bool plain_safe(std::string_view value) {
    if (value.empty() || value.front() == ' ' || value.back() == ' ' || value.back() == ':') return false;
    static constexpr std::string_view kIndicators = "-?:,[]{}#&*!|>'\"%@`";
    if (kIndicators.find(value.front()) != std::string_view::npos && value.front() != '-') return false;
    if (value.front() == '-' && (value.size() == 1 || value[1] == ' ')) return false;
    if (value.find(": ") != std::string_view::npos || value.find(" #") != std::string_view::npos)
        return false;
    for (const char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f) return false;
    }
    // Typed in YAML 1.2 (`0x10` is 16, `True` is true, `Null` refuses the file) or a YAML 1.1 boolean.
    return plain_is_verbatim(value);
}

}  // namespace

std::string yaml_scalar(std::string_view value) {
    return plain_safe(value) ? std::string(value) : yaml_double_quoted(value);
}

std::optional<EmitFormat> parse_emit_format(std::string_view name) {
    if (name == "flink-conf") return EmitFormat::flink_conf;
    if (name == "config-yaml") return EmitFormat::config_yaml;
    if (name == "flinkdeployment") return EmitFormat::flinkdeployment;
    return std::nullopt;
}

Expected<std::string> emit_config(const Tuning& tuning, EmitFormat format) {
    const FlinkVersion version = tuning.profile.version;
    switch (format) {
        case EmitFormat::flink_conf:
            if (version >= FlinkVersion{2, 0})
                return Error{
                    fmt::format("Flink {} reads only config.yaml: use --emit config-yaml", version.str())};
            return flink_conf(tuning);
        case EmitFormat::config_yaml:
            if (version < FlinkVersion{1, 19})
                return Error{
                    fmt::format("Flink {} reads only flink-conf.yaml: use --emit flink-conf", version.str())};
            return config_yaml(tuning);
        case EmitFormat::flinkdeployment:
            // Its memory is the container's process size, which the other deployments do not size.
            if (tuning.profile.deployment != Deployment::kubernetes_operator)
                return Error{
                    fmt::format("a FlinkDeployment is for `deployment: kubernetes-operator`, not `{}`",
                                to_string(tuning.profile.deployment))};
            return flink_deployment(tuning);
    }
    return Error{"unknown format"};
}

}  // namespace flinklint::tuner
