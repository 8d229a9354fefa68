// FL850 env-variable-not-read: an environment variable of a container running the official image that
// spells a Flink option (`FLINK_PROPERTIES_taskmanager_numberOfTaskSlots`, `taskmanager.numberOfTaskSlots`)
// or looks like one of the entrypoint's own variables but is not one (`TASK_MANAGER_RPC_ADDRESS`,
// `JOBMANAGER_RPC_ADDRESS`, `FLINK_PROPERTY`). docker-entrypoint.sh (apache/flink-docker, dev-1.9 to
// dev-2.4 and dev-master) reads FLINK_PROPERTIES, JOB_MANAGER_RPC_ADDRESS, TASK_MANAGER_NUMBER_OF_TASK_SLOTS
// and ENABLE_BUILT_IN_PLUGINS, from dev-1.12 on DISABLE_JEMALLOC too; Flink's bin/ scripts read FLINK_* and
// HADOOP_* variables only, and Flink reads no option from the environment: the setting is lost.
#include <fmt/format.h>

#include <array>
#include <cctype>

#include "flinklint/text_util.hpp"

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

// The variables docker-entrypoint.sh reads, the same without `_` (for the look-alike test), and the first
// image that reads each.
struct EntrypointVariable {
    std::string_view name;
    std::string_view squeezed;
    FlinkVersion since;
};
constexpr std::array<EntrypointVariable, 5> kEntrypointVariables{{
    {"FLINK_PROPERTIES", "FLINKPROPERTIES", {1, 9}},
    {"JOB_MANAGER_RPC_ADDRESS", "JOBMANAGERRPCADDRESS", {1, 9}},
    {"TASK_MANAGER_NUMBER_OF_TASK_SLOTS", "TASKMANAGERNUMBEROFTASKSLOTS", {1, 9}},
    {"ENABLE_BUILT_IN_PLUGINS", "ENABLEBUILTINPLUGINS", {1, 9}},
    {"DISABLE_JEMALLOC", "DISABLEJEMALLOC", {1, 12}},
}};

std::string squeezed(std::string_view name) {
    std::string out;
    for (const char c : name)
        if (c != '_' && c != '-') out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

bool shaped(std::string_view name) {
    for (const std::string_view prefix :
         {"JOB_MANAGER_", "JOBMANAGER_", "TASK_MANAGER_", "TASKMANAGER_", "FLINK_PROPERT"})
        if (name.starts_with(prefix)) return true;
    return false;
}

// A name shaped like the entrypoint's (a JOB_MANAGER_ / TASK_MANAGER_ prefix with or without the inner
// `_`, FLINK_PROPERT...) or within two edits of one (case and `_` aside) that this image does not read:
// the read name it is closest to, or "" when none is close (`TASK_MANAGER_RPC_ADDRESS`). nullopt: not such
// a name. The length test skips most pairs before the one upper-cased copy and the edit distances.
std::optional<std::string_view> entrypoint_lookalike(std::string_view name, FlinkVersion version) {
    if (version < kEntrypointVariables.front().since)
        return std::nullopt;  // images before apache/flink-docker
    for (const EntrypointVariable& v : kEntrypointVariables)
        if (name == v.name) return std::nullopt;  // DISABLE_JEMALLOC before 1.12: no jemalloc, harmless
    std::string upper;
    for (const EntrypointVariable& v : kEntrypointVariables) {
        if (version < v.since || name.size() + 2 < v.squeezed.size() || name.size() > v.name.size() + 4)
            continue;
        if (upper.empty()) upper = squeezed(name);
        if (edit_distance(upper, v.squeezed, 3) <= 2) return v.name;
    }
    if (name.starts_with("FLINK_PROPERT")) return kEntrypointVariables.front().name;  // FLINK_PROPERTY
    if (shaped(name)) return std::string_view();
    return std::nullopt;
}

// The entrypoint runs FLINK_PROPERTIES values through envsubst (every dev-* branch), and the command may
// use the variable: `${NAME}` or `$NAME` in another variable's value or a word of the command is a read.
bool referenced(const EntrypointLine& line, std::string_view name) {
    const auto in = [&](std::string_view text) {
        for (std::size_t at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1)) {
            const char before = at > 0 ? text[at - 1] : ' ';
            if (before == '$' || (before == '{' && at > 1 && text[at - 2] == '$')) return true;
        }
        return false;
    };
    for (const EnvVar& var : *line.env)
        if (var.value && in(var.value.value)) return true;
    for (const EntrypointWord& word : line.words)
        if (in(word.text)) return true;
    return false;
}

void report_lookalike(const EntrypointLine& line, const EnvVar& var, std::string_view nearest,
                      Reporter& reporter) {
    const std::string_view name = var.name.value;
    Finding f{.source = line.source, .span = var.name.span, .key = std::string(name)};
    f.message = fmt::format(
        "{}: the image's docker-entrypoint.sh does not read `{}` (it reads FLINK_PROPERTIES, "
        "JOB_MANAGER_RPC_ADDRESS, TASK_MANAGER_NUMBER_OF_TASK_SLOTS, ENABLE_BUILT_IN_PLUGINS{}), and Flink "
        "reads no option from the environment: the variable has no effect",
        line.where, name, line.version < FlinkVersion{1, 12} ? "" : " and DISABLE_JEMALLOC");
    f.help = nearest.empty() ? "write the option it means as a `key: value` line of FLINK_PROPERTIES"
                             : fmt::format("did you mean `{}`?", nearest);
    reporter.report(std::move(f));
}

// Only the official image: an image of one's own may have an entrypoint that reads such variables.
bool runs_official_image(const EntrypointLine& line) {
    std::optional<FlinkVersion> version;
    if (line.pod != nullptr) return line.pod->official_image;
    return line.service != nullptr && official_image(line.service->image.value, version);
}

// Many files set no variable at all (a manifest with a mounted configuration): look before building the
// command lines.
bool any_environment(const Model& model) {
    for (const ParsedFile& file : model.files()) {
        for (const ComposeService& service : file.compose_services)
            if (!service.environment.empty()) return true;
        for (const K8sObject& object : file.objects)
            if (object.pod)
                for (const Container& c : object.pod->containers)
                    if (!c.env.empty()) return true;
    }
    return false;
}

}  // namespace

void check_env_variable_not_read(const Model& model, Reporter& reporter) {
    if (!any_environment(model)) return;
    for (const EntrypointLine& line : entrypoint_lines(model)) {
        if (line.env == nullptr || !runs_official_image(line)) continue;
        const Catalog& catalog = Catalog::for_version(line.version);
        for (const EnvVar& var : *line.env) {
            const std::string_view name = var.name.value;
            const bool prefixed = name.starts_with(kPrefix);
            const std::string option = spelled_option(catalog, name);
            if (!prefixed && option.empty()) {
                const auto nearest = entrypoint_lookalike(name, line.version);
                if (nearest && !referenced(line, name)) report_lookalike(line, var, *nearest, reporter);
                continue;
            }
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
