// FL850 env-variable-not-read: an environment variable of a container running the official image that
// spells a Flink option (`FLINK_PROPERTIES_taskmanager_numberOfTaskSlots`, `taskmanager.numberOfTaskSlots`).
// docker-entrypoint.sh (apache/flink-docker, every dev-* branch) reads FLINK_PROPERTIES,
// JOB_MANAGER_RPC_ADDRESS, TASK_MANAGER_NUMBER_OF_TASK_SLOTS, ENABLE_BUILT_IN_PLUGINS and DISABLE_JEMALLOC,
// and Flink itself reads no option from the environment: the setting never reaches the configuration.
#include <fmt/format.h>

#include "flinklint/deployment.hpp"
#include "rules/kubernetes/entrypoint_lines.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

constexpr std::string_view kPrefix = "FLINK_PROPERTIES_";

// `taskmanager_memory_jvm_overhead_max` for `taskmanager.memory.jvm-overhead.max`: `.` and `-` as `_`.
bool spells(std::string_view key, std::string_view underscored) {
    if (key.size() != underscored.size()) return false;
    for (std::size_t i = 0; i < key.size(); ++i) {
        const char c = key[i] == '.' || key[i] == '-' ? '_' : key[i];
        if (c != underscored[i]) return false;
    }
    return true;
}

// The option a variable name spells, if the catalog knows it: the name itself (`a.b`), or the part after
// FLINK_PROPERTIES_ with `_` read as `.` or `-` (`taskmanager_numberOfTaskSlots`).
std::string spelled_option(const Catalog& catalog, std::string_view name) {
    if (!name.starts_with(kPrefix)) return catalog.lookup(name).known() ? std::string(name) : std::string();
    const std::string_view rest = name.substr(kPrefix.size());
    for (const OptionInfo& option : catalog.options())
        if (spells(option.key, rest)) return std::string(option.key);
    return {};
}

// Only the official image: an image of one's own may have an entrypoint that reads such variables.
bool runs_official_image(const EntrypointLine& line) {
    std::optional<FlinkVersion> version;
    if (line.pod != nullptr) return line.pod->official_image;
    return line.service != nullptr && official_image(line.service->image.value, version);
}

}  // namespace

void check_env_variable_not_read(const Model& model, Reporter& reporter) {
    for (const EntrypointLine& line : entrypoint_lines(model)) {
        if (line.env == nullptr || !runs_official_image(line)) continue;
        const Catalog& catalog = Catalog::for_version(line.version);
        for (const EnvVar& var : *line.env) {
            const std::string_view name = var.name.value;
            const bool prefixed = name.starts_with(kPrefix);
            const std::string option = spelled_option(catalog, name);
            if (!prefixed && option.empty()) continue;
            const std::string value = var.value ? var.value.value : "...";
            const std::string line_text =
                option.empty() ? "the option's `key: value`" : fmt::format("`{}: {}`", option, value);
            reporter.report(
                {.source = line.source,
                 .span = var.name.span,
                 .message = fmt::format("{}: no version of the Flink image reads the variable `{}` (its "
                                        "entrypoint reads FLINK_PROPERTIES, JOB_MANAGER_RPC_ADDRESS and "
                                        "TASK_MANAGER_NUMBER_OF_TASK_SLOTS), so the setting is lost",
                                        line.where, name),
                 .help = fmt::format("write {} as a line of FLINK_PROPERTIES", line_text)});
        }
    }
}

}  // namespace flinklint::rules
