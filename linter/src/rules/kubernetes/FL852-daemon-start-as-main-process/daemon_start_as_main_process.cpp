// FL852 daemon-start-as-main-process: a container whose main process is `jobmanager.sh start`,
// `sql-gateway.sh start`, `historyserver.sh start`, `start-cluster.sh`, ... Flink's bin/ scripts hand
// `start` to flink-daemon.sh, which launches the JVM in the background (`... &`) and returns
// (flink-dist/src/main/flink-bin/bin/jobmanager.sh, taskmanager.sh, historyserver.sh, standalone-job.sh,
// zookeeper.sh; flink-table/flink-sql-gateway/bin/sql-gateway.sh, whose default action is `start`).
// When that script is the container's last command, the container's main process ends at once, and with
// it the container and the daemon. `start-foreground` (flink-console.sh, exec) keeps it in the foreground.
#include <fmt/format.h>

#include <array>

#include "rules/kubernetes/command_lines.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

// The scripts whose `start` action runs flink-daemon.sh.
bool daemon_script(std::string_view base) {
    constexpr std::array<std::string_view, 6> kScripts{"jobmanager.sh",    "taskmanager.sh",
                                                       "historyserver.sh", "standalone-job.sh",
                                                       "zookeeper.sh",     "sql-gateway.sh"};
    for (std::string_view s : kScripts)
        if (base == s) return true;
    return false;
}

// The word that makes the last command start daemons; nullptr when it does not.
const CommandWord* daemon_start(const SimpleCommand& command) {
    const CommandWord& program = command.words[command.program];
    const std::string_view base = program_name(program.text);
    if (base == "start-cluster.sh" || base == "start-zookeeper-quorum.sh") return &program;
    if (!daemon_script(base)) return nullptr;
    if (command.program + 1 >= command.words.size())  // sql-gateway.sh alone: its default action is start
        return base == "sql-gateway.sh" ? &program : nullptr;
    const CommandWord& action = command.words[command.program + 1];
    return action.text == "start" ? &action : nullptr;
}

}  // namespace

void check_daemon_start_as_main_process(const Model& model, Reporter& reporter) {
    for (const CommandLine& line : command_lines(model)) {
        if (!line.main_process || line.commands.empty()) continue;
        const SimpleCommand& last = line.commands.back();
        const CommandWord* start = daemon_start(last);
        if (start == nullptr) continue;
        const CommandWord& program = last.words[last.program];
        Finding f{.source = line.source, .span = start->span, .key = "command"};
        f.message = fmt::format(
            "{} ends its command with {}: the script starts Flink as a background daemon (flink-daemon.sh) "
            "and returns, so the container's main process ends at once and the container stops",
            line.where,
            quoted(fmt::format("{}{}", program_name(program.text), start == &program ? "" : " start")));
        f.help = program_name(program.text).starts_with("start-")
                     ? std::string(
                           "start one process per container in the foreground: the image's "
                           "`jobmanager` / `taskmanager` verbs, or `<script>.sh start-foreground`")
                     : fmt::format("use `{} start-foreground`, which runs the process in the foreground",
                                   program_name(program.text));
        reporter.report(std::move(f));
    }
}

}  // namespace flinklint::rules
