// FL851 entrypoint-verb-run-by-shell: `sh -c "... && jobmanager"` on the official Flink image.
// `jobmanager`, `taskmanager`, `standalone-job` and `history-server` are words docker-entrypoint.sh
// compares its first argument with (apache/flink-docker, every dev-* branch); they are no programs: the
// image's PATH ($FLINK_HOME/bin, Dockerfile `ENV PATH`) holds jobmanager.sh, taskmanager.sh, ... A command
// that does not start with a verb is exec'd as given (the entrypoint's pass-through mode), so a shell runs
// the text and fails with `jobmanager: command not found`: the container exits and no Flink process runs.
#include <fmt/format.h>

#include "rules/kubernetes/command_lines.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

bool verb(std::string_view word) {
    return word == "jobmanager" || word == "taskmanager" || word == "standalone-job" ||
           word == "history-server";
}

}  // namespace

void check_entrypoint_verb_run_by_shell(const Model& model, Reporter& reporter) {
    for (const CommandLine& line : command_lines(model)) {
        if (!line.official || !line.main_process) continue;
        for (const SimpleCommand& command : line.commands) {
            if (!command.in_shell) continue;
            const CommandWord& program = command.words[command.program];
            if (!verb(program.text)) continue;
            Finding f{.source = line.source, .span = program.span, .key = "command"};
            f.message = fmt::format(
                "{} runs {} as a shell command: it is a verb of the image's docker-entrypoint.sh, not a "
                "program (bin/ holds {}.sh), so the shell fails with `command not found` and no Flink "
                "process starts",
                line.where, quoted(program.text), program.text);
            f.help = fmt::format(
                "end the shell text with `exec /docker-entrypoint.sh {}` (the entrypoint then prepares the "
                "configuration and starts it in the foreground)",
                program.text);
            reporter.report(std::move(f));
            break;
        }
    }
}

}  // namespace flinklint::rules
