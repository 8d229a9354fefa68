// FL850 env-variable-not-read: an environment variable of a container running the official image (or an
// image built, by a Dockerfile in view, FROM it with its ENTRYPOINT kept) that spells a Flink option
// (`FLINK_PROPERTIES_taskmanager_numberOfTaskSlots`, `taskmanager.numberOfTaskSlots`), looks like one of
// the entrypoint's own variables but is not one (`TASK_MANAGER_RPC_ADDRESS`, `FLINK_PROPERTY`), or is
// named for Flink's processes (`FLINK_TM_TASK_SLOTS`, `JOB_MANAGER_HEAP_SIZE`, `JAVA_OPTS`) while no
// script of that image version reads it. What the image reads, per version, is schemas/image-env.tsv
// (docker-entrypoint.sh of apache/flink-docker dev-1.9 .. dev-2.4, Flink's bin/config.sh and the start
// scripts); Flink reads no option from the environment: the setting is lost.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "flinklint/text_util.hpp"

#include "flinklint/deployment.hpp"
#include "rules/kubernetes/entrypoint_lines.hpp"
#include "rules/kubernetes/image_env.hpp"
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

// The `_`-separated words of a name: FLINK_TM_TASK_SLOTS -> FLINK, TM, TASK, SLOTS.
bool has_word(std::string_view name, std::string_view word) {
    for (std::size_t at = name.find(word); at != std::string_view::npos; at = name.find(word, at + 1)) {
        const bool starts = at == 0 || name[at - 1] == '_';
        const bool ends = at + word.size() == name.size() || name[at + word.size()] == '_';
        if (starts && ends) return true;
    }
    return false;
}

bool any_word(std::string_view name, std::initializer_list<std::string_view> words) {
    for (const std::string_view w : words)
        if (has_word(name, w)) return true;
    return false;
}

bool names_jobmanager(std::string_view name) {
    return any_word(name, {"JM", "JOBMANAGER"}) || name.find("JOB_MANAGER") != std::string_view::npos;
}
bool names_taskmanager(std::string_view name) {
    return any_word(name, {"TM", "TASKMANAGER"}) || name.find("TASK_MANAGER") != std::string_view::npos;
}

// A name meant for Flink's processes: the entrypoint's own shapes (JOB_MANAGER_..., TASK_MANAGER_...),
// the JVM option variables of other launchers (JAVA_OPTS, JVM_OPTS), `*_HEAP_SIZE`, or FLINK_ with a word
// of the process setup (FLINK_TM_HEAP, FLINK_JOBMANAGER_HOST, FLINK_REST_ADDRESS). FLINK_VERSION,
// FLINK_JOB_JAR and the like are left alone: a job or a script of one's own may read them.
bool meant_for_flink(std::string_view name) {
    if (shaped(name) || name == "JAVA_OPTS" || name == "JVM_OPTS" || name.ends_with("_HEAP_SIZE"))
        return true;
    if (!name.starts_with("FLINK_")) return false;
    return names_jobmanager(name) || names_taskmanager(name) ||
           any_word(name, {"HEAP", "MEMORY", "MEM", "SLOT", "SLOTS", "JVM", "JAVA", "RPC", "REST"});
}

// The first of `keys` the version's catalog knows (a newer key, then the one it replaced).
std::string_view known_key(FlinkVersion version, std::initializer_list<std::string_view> keys) {
    const Catalog& catalog = Catalog::for_version(version);
    for (const std::string_view key : keys)
        if (catalog.lookup(key).known()) return key;
    return *keys.begin();
}

// What a name meant for Flink asks for, in the words of the image that runs it: the variable it reads or
// the FLINK_PROPERTIES line that sets the option.
std::string meaning_help(std::string_view name, std::string_view value, FlinkVersion version) {
    const auto line = [&](std::string_view key) {
        return fmt::format("write `{}: {}` as a line of FLINK_PROPERTIES", key,
                           value.empty() ? "..." : value);
    };
    if (any_word(name, {"SLOT", "SLOTS"}) || name.find("TASK_SLOTS") != std::string_view::npos)
        return "did you mean `TASK_MANAGER_NUMBER_OF_TASK_SLOTS`?";
    if (any_word(name, {"JAVA", "JVM"}))
        return line(known_key(version, {"env.java.opts.all", "env.java.opts"}));
    const bool jm = names_jobmanager(name);
    const bool tm = names_taskmanager(name);
    if (any_word(name, {"HEAP", "MEMORY", "MEM"}) && jm != tm) {
        // A bare number is bytes to Flink: FLINK_JM_HEAP_MB=1024 means 1024m.
        const bool bare = !value.empty() && value.find_first_not_of("0123456789") == std::string_view::npos;
        const std::string size = bare ? (has_word(name, "MB") ? std::string(value) + "m" : "...") : "";
        const std::string_view key =
            jm ? known_key(version, {"jobmanager.memory.process.size", "jobmanager.heap.size"})
               : known_key(version, {"taskmanager.memory.process.size", "taskmanager.heap.size"});
        return bare ? fmt::format("write `{}: {}` as a line of FLINK_PROPERTIES", key, size) : line(key);
    }
    if (jm && any_word(name, {"RPC", "HOST", "ADDRESS"})) return "did you mean `JOB_MANAGER_RPC_ADDRESS`?";
    if (any_word(name, {"REST"}) && any_word(name, {"ADDRESS", "HOST", "URL"})) return line("rest.address");
    return "write the option it means as a `key: value` line of FLINK_PROPERTIES";
}

// Which image's scripts run, for the message: the official image, or the one a Dockerfile builds FROM it.
struct ImageScripts {
    FlinkVersion version;
    std::string image;  // "the image", "the image built FROM flink:1.20.1 (services/flink/Dockerfile)"
};

// Only where the evidence is in view: the official image, or a compose service built from a Dockerfile
// in view whose final stage is FROM the official image and keeps its ENTRYPOINT (docker-entrypoint.sh).
// An image of one's own may have an entrypoint that reads such variables.
std::optional<ImageScripts> official_scripts(const EntrypointLine& line, const Model& model) {
    std::optional<FlinkVersion> version;
    if (line.pod != nullptr)
        return line.pod->official_image ? std::optional(ImageScripts{line.version, "the image"})
                                        : std::nullopt;
    if (line.service == nullptr) return std::nullopt;
    if (line.service->build) {
        const ParsedFile* dockerfile = compose_dockerfile(*line.service, line.source->path(), model.files());
        if (dockerfile == nullptr || dockerfile->dockerfile_entrypoint ||
            !official_image(dockerfile->dockerfile_image.value, version))
            return std::nullopt;
        return ImageScripts{version.value_or(kDefaultFlinkVersion),
                            fmt::format("the image built FROM {} in {}", dockerfile->dockerfile_image.value,
                                        dockerfile->source->path())};
    }
    if (!official_image(line.service->image.value, version)) return std::nullopt;
    return ImageScripts{line.version, "the image"};
}

void report_unread(const EntrypointLine& line, const ImageScripts& image, const EnvVar& var, std::string help,
                   Reporter& reporter) {
    const std::string_view name = var.name.value;
    Finding f{.source = line.source, .span = var.name.span, .key = std::string(name)};
    f.message = fmt::format(
        "{}: no script of {} (Flink {}) reads `{}`: its docker-entrypoint.sh reads FLINK_PROPERTIES, "
        "JOB_MANAGER_RPC_ADDRESS, TASK_MANAGER_NUMBER_OF_TASK_SLOTS, ENABLE_BUILT_IN_PLUGINS{}, Flink's bin/ "
        "scripts FLINK_ENV_JAVA_OPTS, JVM_ARGS, FLINK_CONF_DIR and a few more, and Flink reads no option "
        "from "
        "the environment: the variable has no effect",
        line.where, image.image, image.version.str(), name,
        image.version < FlinkVersion{1, 12} ? "" : " and DISABLE_JEMALLOC");
    f.help = std::move(help);
    reporter.report(std::move(f));
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

// A variable that spells an option (FLINK_PROPERTIES_<key>, `a.b.c`): no version of the image reads it.
void report_spelled(const EntrypointLine& line, const EnvVar& var, const std::string& option,
                    Reporter& reporter) {
    const std::string value = var.value ? var.value.value : "...";
    const std::string line_text =
        option.empty() ? "the option's `key: value`" : fmt::format("`{}: {}`", option, value);
    reporter.report({.source = line.source,
                     .span = var.name.span,
                     .message = fmt::format("{}: no version of the Flink image reads the variable `{}` (its "
                                            "entrypoint reads FLINK_PROPERTIES, JOB_MANAGER_RPC_ADDRESS and "
                                            "TASK_MANAGER_NUMBER_OF_TASK_SLOTS), so the setting is lost",
                                            line.where, var.name.value),
                     .help = fmt::format("write {} as a line of FLINK_PROPERTIES", line_text)});
}

// The program of Flink's bin/ that a command line runs directly (`/opt/flink/bin/sql-gateway.sh`,
// `flink`), bypassing the image's docker-entrypoint.sh whatever the image; empty: none, or another program
// (a wrapper of one's own may end in `exec /docker-entrypoint.sh`). The names are the bin/ files of Flink's
// distribution (flink-dist/src/main/flink-bin/bin, flink-table/flink-sql-client/bin,
// flink-table/flink-sql-gateway/bin, the kubernetes-bin and yarn-bin folders): none reads FLINK_PROPERTIES.
std::string_view flink_bin_program(const std::vector<Located>& command) {
    if (command.empty()) return {};
    const std::vector<std::string_view> words = command_words(command.front().value);
    if (words.empty()) return {};
    const std::string_view word = words.front();
    const std::size_t slash = word.rfind('/');
    const std::string_view base = slash == std::string_view::npos ? word : word.substr(slash + 1);
    for (const std::string_view program :
         {"jobmanager.sh", "taskmanager.sh", "standalone-job.sh", "historyserver.sh", "sql-gateway.sh",
          "sql-client.sh", "flink", "flink-console.sh", "flink-daemon.sh", "start-cluster.sh",
          "start-local.sh", "kubernetes-session.sh", "kubernetes-jobmanager.sh", "kubernetes-taskmanager.sh",
          "yarn-session.sh", "pyflink-shell.sh", "zookeeper.sh", "start-zookeeper-quorum.sh",
          "minicluster.sh"})
        if (base == program) return word;
    return {};
}

bool entrypoint_only(std::string_view name) {
    return std::any_of(kEntrypointVariables.begin(), kEntrypointVariables.end(),
                       [&](const EntrypointVariable& v) { return v.name == name; });
}

// The name written in a word of the command line or in another variable's value (`$(NAME)`, which the
// kubelet expands, `${NAME}` for a shell): something reads it.
bool used_elsewhere(std::string_view name, const std::vector<EnvVar>& env,
                    std::initializer_list<const std::vector<Located>*> lines) {
    for (const std::vector<Located>* line : lines)
        for (const Located& word : *line)
            if (word.value.find(name) != std::string::npos) return true;
    for (const EnvVar& var : env)
        if (var.value && var.value.value.find(name) != std::string::npos) return true;
    return false;
}

void report_bypassed(const SourcePtr& source, const std::string& where, const EnvVar& var,
                     std::string_view program, std::string_view setting, Reporter& reporter) {
    const std::string_view name = var.name.value;
    Finding f{.source = source, .span = var.name.span, .key = std::string(name)};
    f.message = fmt::format(
        "{}: `{}` is read only by the Flink image's docker-entrypoint.sh, which `{}: {}` bypasses; Flink's "
        "bin/ scripts do not read it, so the variable has no effect",
        where, name, setting, program);
    f.help = fmt::format(
        "set the option in the configuration file the container reads, or drop the `{}:` so that "
        "docker-entrypoint.sh runs",
        setting);
    reporter.report(std::move(f));
}

// A variable only docker-entrypoint.sh reads, set where a compose `entrypoint:` runs a program of Flink's
// bin/ directly: Flink's bin/ scripts never read it (schemas/image-env.tsv).
void check_bypassed_entrypoint(const Model& model, Reporter& reporter) {
    for (const ParsedFile& file : model.files()) {
        std::set<std::size_t> reported;  // services merged from one YAML anchor share its lines: one finding
        for (const ComposeService& service : file.compose_services) {
            const std::string_view program = flink_bin_program(service.entrypoint);
            if (program.empty()) continue;
            for (const EnvVar& var : service.environment) {
                const std::string_view name = var.name.value;
                if (!entrypoint_only(name) ||
                    used_elsewhere(name, service.environment, {&service.entrypoint, &service.command}) ||
                    !reported.insert(var.name.span.begin).second)
                    continue;
                report_bypassed(file.source, service.where, var, program, "entrypoint", reporter);
            }
        }
    }
}

// The same for a Kubernetes container whose `command:` runs a program of Flink's bin/. A container of the
// official image that sets FLINK_PROPERTIES, JOB_MANAGER_RPC_ADDRESS or TASK_MANAGER_NUMBER_OF_TASK_SLOTS
// is FL840's finding (on its `command:`): one finding per mistake.
void check_bypassed_command(const Model& model, Reporter& reporter) {
    for (const Model::ObjectRef& ref : model.objects()) {
        if (!ref.object->pod) continue;
        for (const Container& c : ref.object->pod->containers) {
            const std::string_view program = flink_bin_program(c.command);
            if (program.empty()) continue;
            std::optional<FlinkVersion> version;
            if (official_image(c.image.value, version) &&
                std::any_of(c.env.begin(), c.env.end(), [](const EnvVar& v) {
                    return v.name.value == "FLINK_PROPERTIES" || v.name.value == "JOB_MANAGER_RPC_ADDRESS" ||
                           v.name.value == "TASK_MANAGER_NUMBER_OF_TASK_SLOTS";
                }))
                continue;
            const std::string where = fmt::format("{} {} container {}", ref.object->kind,
                                                  ref.object->name.value, quoted(c.name.value));
            for (const EnvVar& var : c.env)
                if (entrypoint_only(var.name.value) &&
                    !used_elsewhere(var.name.value, c.env, {&c.command, &c.args}))
                    report_bypassed(ref.file->source, where, var, program, "command", reporter);
        }
    }
}

}  // namespace

void check_env_variable_not_read(const Model& model, Reporter& reporter) {
    if (!any_environment(model)) return;
    check_bypassed_entrypoint(model, reporter);
    check_bypassed_command(model, reporter);
    for (const EntrypointLine& line : entrypoint_lines(model)) {
        if (line.env == nullptr || line.env->empty()) continue;
        const std::optional<ImageScripts> image = official_scripts(line, model);
        if (!image) continue;
        const Catalog& catalog = Catalog::for_version(image->version);
        for (const EnvVar& var : *line.env) {
            const std::string_view name = var.name.value;
            const std::string option = spelled_option(catalog, name);
            if (name.starts_with(kPrefix) || !option.empty()) {
                report_spelled(line, var, option, reporter);
                continue;
            }
            // Images before apache/flink-docker (1.9) had another entrypoint, with variables of its own.
            if (image->version < FlinkVersion{1, 9} || image_reads(name, image->version) ||
                referenced(line, name))
                continue;
            const auto nearest = entrypoint_lookalike(name, image->version);
            if (nearest && !nearest->empty()) {
                report_unread(line, *image, var, fmt::format("did you mean `{}`?", *nearest), reporter);
            } else if (nearest || meant_for_flink(name)) {
                const std::string_view value =
                    var.value ? std::string_view(var.value.value) : std::string_view();
                report_unread(line, *image, var, meaning_help(name, value, image->version), reporter);
            }
        }
    }
}

}  // namespace flinklint::rules
