// FL307 java-opts-memory-flag: a JVM memory flag (-Xmx, -Xms, -XX:MaxDirectMemorySize, -XX:MaxMetaspaceSize)
// written where Flink's start scripts put their own. flink-dist's bin/jobmanager.sh and taskmanager.sh (and
// the kubernetes-*.sh scripts of native mode) append the flags derived from the memory options to JVM_ARGS,
// and flink-console.sh / flink-daemon.sh run `java $JVM_ARGS ${FLINK_ENV_JAVA_OPTS} ...`, where
// FLINK_ENV_JAVA_OPTS holds env.java.opts(.all) and the process's env.java.opts.jobmanager/taskmanager
// (bin/config.sh; the environment variable, when set, replaces the key). The native Kubernetes start
// template puts %jvmmem% before %jvmopts% as well. HotSpot keeps the last occurrence of a flag: one in
// JVM_ARGS is replaced by Flink's, one in the Java options replaces Flink's, and the memory model no
// longer describes the process.
#include <fmt/format.h>

#include <optional>
#include <utility>

#include "flinklint/deployment.hpp"
#include "flinklint/ingest.hpp"
#include "flinklint/text_util.hpp"
#include "rules/kubernetes/entrypoint_lines.hpp"
#include "rules/process_roles.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

enum class Flag { heap, direct, metaspace };

std::optional<Flag> memory_flag(std::string_view word) {
    if (word.starts_with("-Xmx") || word.starts_with("-Xms") || word.starts_with("-XX:MaxHeapSize=") ||
        word.starts_with("-XX:InitialHeapSize="))
        return Flag::heap;
    if (word.starts_with("-XX:MaxDirectMemorySize=")) return Flag::direct;
    if (word.starts_with("-XX:MaxMetaspaceSize=")) return Flag::metaspace;
    return std::nullopt;
}

std::string_view flag_name(Flag flag) {
    if (flag == Flag::heap) return "-Xmx/-Xms";
    return flag == Flag::direct ? "-XX:MaxDirectMemorySize" : "-XX:MaxMetaspaceSize";
}

// Whether the start scripts put their own value of `flag` on the process's command line. The heap: every
// version. Direct memory: the TaskManager's (the JobManager's only with
// jobmanager.memory.enable-jvm-direct-memory-limit, off by default). Metaspace: since the TaskManager
// memory model (1.10) and the JobManager's (1.11).
bool flink_sets(Flag flag, FlinkRole role, FlinkVersion version) {
    const bool tm = role == FlinkRole::taskmanager;
    switch (flag) {
        case Flag::heap:
            return true;
        case Flag::direct:
            return tm;
        case Flag::metaspace:
            return version >= (tm ? FlinkVersion{1, 10} : FlinkVersion{1, 11});
    }
    return false;
}

// The memory option that sizes what the flag would.
std::string_view option_for(Flag flag, FlinkRole role, FlinkVersion version) {
    if (role == FlinkRole::taskmanager) {
        if (version < FlinkVersion{1, 10}) return "taskmanager.heap.size";
        if (flag == Flag::heap) return "taskmanager.memory.task.heap.size";
        if (flag == Flag::direct) return "taskmanager.memory.task.off-heap.size";
        return "taskmanager.memory.jvm-metaspace.size";
    }
    if (version < FlinkVersion{1, 11}) return "jobmanager.heap.size";
    return flag == Flag::heap ? "jobmanager.memory.heap.size" : "jobmanager.memory.jvm-metaspace.size";
}

struct Roles {
    bool jobmanager = false;
    bool taskmanager = false;
};

// The processes among `roles` for which Flink sets the flag itself, named for messages.
std::vector<FlinkRole> affected(Flag flag, Roles roles, FlinkVersion version) {
    std::vector<FlinkRole> out;
    if (roles.jobmanager && flink_sets(flag, FlinkRole::jobmanager, version))
        out.push_back(FlinkRole::jobmanager);
    if (roles.taskmanager && flink_sets(flag, FlinkRole::taskmanager, version))
        out.push_back(FlinkRole::taskmanager);
    return out;
}

std::string names(const std::vector<FlinkRole>& roles) {
    return roles.size() == 2 ? "JobManager and TaskManager" : std::string(role_name(roles.front()));
}

std::string possessive(const std::vector<FlinkRole>& roles) {
    return roles.size() == 2 ? "JobManager's and TaskManager's"
                             : std::string(role_name(roles.front())) + "'s";
}

bool initial_heap(std::string_view word) {
    return word.starts_with("-Xms") || word.starts_with("-XX:InitialHeapSize=");
}

std::string options(Flag flag, const std::vector<FlinkRole>& roles, FlinkVersion version) {
    std::string out = quoted(option_for(flag, roles.front(), version));
    if (roles.size() == 2) out += " and " + quoted(option_for(flag, roles.back(), version));
    return out;
}

struct Written {
    SourcePtr source;
    Located value;
    std::string where;  // "`env.java.opts.all` in flink-conf.yaml", "JVM_ARGS of service jobmanager"
    std::string key;
    bool ignored = false;  // JVM_ARGS: Flink's flags come after it
};

// A flag in the Java options: it comes after Flink's own and wins.
std::string override_message(std::string_view word, const std::string& where,
                             const std::vector<FlinkRole>& processes) {
    const std::string order =
        "the start scripts put the Java options after Flink's own flags and the JVM keeps the last";
    const std::string what = quoted(word) + " in " + where;
    if (initial_heap(word))  // Flink sets the initial heap equal to the maximum: only that is replaced
        return what + " replaces the initial heap Flink sets equal to the heap it derives (" + order +
               "): a smaller value only delays committing the heap, a larger one than the derived heap "
               "stops the " +
               names(processes) +
               " JVM at start (\"Initial heap size set to a larger value than the maximum heap size\")";
    return what + " overrides the size Flink derives from its memory options: " + order + ", so the " +
           possessive(processes) +
           " memory is no longer what the memory model accounts for (the process may outgrow its container, "
           "or memory the model reserved goes unused)";
}

void report_flags(const Written& written, Roles roles, FlinkVersion version, Reporter& reporter) {
    for (const std::string_view word : command_words(written.value.value)) {
        const std::optional<Flag> flag = memory_flag(word);
        if (!flag) continue;
        const std::vector<FlinkRole> processes = affected(*flag, roles, version);
        if (processes.empty()) continue;
        Finding f{.source = written.source,
                  .span = word_span(*written.source, written.value, word),
                  .key = written.key};
        if (written.ignored) {
            f.message = fmt::format(
                "{} in {} has no effect: the {} start script appends the {} flags it derives from the memory "
                "options after JVM_ARGS, and the JVM keeps the last occurrence",
                quoted(word), written.where, names(processes), flag_name(*flag));
        } else {
            f.message = override_message(word, written.where, processes);
        }
        f.help = fmt::format("remove {} and size this memory with {}", quoted(word),
                             options(*flag, processes, version));
        reporter.report(std::move(f));
    }
}

Roles config_roles(std::string_view key, ConfigReaders readers) {
    Roles roles{key != "env.java.opts.taskmanager", key != "env.java.opts.jobmanager"};
    if (readers.unknown()) return roles;
    return Roles{roles.jobmanager && readers.jobmanager, roles.taskmanager && readers.taskmanager};
}

void check_configs(const Model& model, Reporter& reporter) {
    static constexpr std::string_view kKeys[] = {"env.java.opts", "env.java.opts.all",
                                                 "env.java.opts.jobmanager", "env.java.opts.taskmanager"};
    for (const FlinkConfig& config : model.configs()) {
        if (in_build_resources(config.source()->path()))
            continue;  // a MiniCluster's: no start script reads it
        for (const std::string_view key : kKeys) {
            const ConfigEntry* entry = config.get(key);
            if (entry == nullptr || entry->value.find("-X") == std::string::npos) continue;
            const Written written{config.source(), Located{entry->value, entry->value_span, true},
                                  fmt::format("{} ({})", quoted(key), where(config)), std::string(key)};
            report_flags(written, config_roles(key, config_readers(model, config)), config.version(),
                         reporter);
        }
    }
}

// JVM_ARGS and FLINK_ENV_JAVA_OPTS(_JM/_TM) in the environment of a container or compose service that
// starts a JobManager or TaskManager through the image's entrypoint.
void check_environments(const Model& model, Reporter& reporter) {
    for (const EntrypointLine& line : entrypoint_lines(model)) {
        if (line.env == nullptr) continue;
        const bool tm = line.verb == "taskmanager";
        const Roles roles{!tm, tm};
        for (const EnvVar& var : *line.env) {
            const std::string_view name = var.name.value;
            const bool jvm_args = name == "JVM_ARGS";
            const bool java_opts = name == "FLINK_ENV_JAVA_OPTS" ||
                                   name == (tm ? "FLINK_ENV_JAVA_OPTS_TM" : "FLINK_ENV_JAVA_OPTS_JM");
            if ((!jvm_args && !java_opts) || !var.value) continue;
            const Written written{line.source, var.value, fmt::format("{} of {}", name, line.where),
                                  std::string(name), jvm_args};
            report_flags(written, roles, line.version, reporter);
        }
    }
}

}  // namespace

void check_java_opts_memory_flag(const Model& model, Reporter& reporter) {
    check_configs(model, reporter);
    check_environments(model, reporter);
}

}  // namespace flinklint::rules
