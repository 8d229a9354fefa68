// FL834 entrypoint-argument-misparsed: a word after the official image's verb that the start scripts read
// as something else. docker-entrypoint.sh (apache/flink-docker) already runs
// `bin/<script>.sh start-foreground "$@"` with the words after its verb, so:
// - taskmanager.sh puts those words before the `--configDir` it appends, and the TaskManager's
//   CommandLineParser (commons-cli DefaultParser, stopAtNonOption) stops at the first word that is not
//   `-D`/`--configDir`: the rest, `--configDir` included, is never read and the TaskManager does not start;
// - jobmanager.sh takes the first word, unless it is `-D`, as the host name and the second as the web UI
//   port (`--host`, `--webui-port`): `start-foreground` becomes the JobManager's address;
// - standalone-job.sh passes the words on, and parsing stops at a positional one: it and everything after
//   it become program arguments of the job.
// `key=value` words are FL831's.
#include <fmt/format.h>

#include "rules/kubernetes/entrypoint_lines.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

bool script_verb(std::string_view word) {
    return word == "start-foreground" || word == "start" || word == "stop" || word == "stop-all";
}

// The options ClusterConfigurationParserFactory (the TaskManager's parser) declares, with their value.
bool taskmanager_option(std::string_view word, bool& takes_value) {
    takes_value = word == "-D" || word == "-c" || word == "--configDir";
    return takes_value || (word.starts_with("-D") && word.size() > 2) || word.starts_with("--configDir=");
}

void report(const EntrypointLine& line, const EntrypointWord& word, std::string consequence, std::string help,
            Reporter& reporter) {
    Finding f{.source = line.source, .span = word.span, .key = std::string(word.text)};
    f.message = fmt::format(
        "{} passes {} after `{}`: the image's docker-entrypoint.sh already runs the {} script with "
        "`start-foreground` and hands it the words after its verb, and {}",
        line.where, quoted(word.text), line.verb, line.verb, std::move(consequence));
    f.help = std::move(help);
    reporter.report(std::move(f));
}

void check_taskmanager(const EntrypointLine& line, Reporter& reporter) {
    for (std::size_t i = 0; i < line.words.size(); ++i) {
        const EntrypointWord& word = line.words[i];
        bool takes_value = false;
        if (taskmanager_option(word.text, takes_value)) {
            i += takes_value ? 1 : 0;
            continue;
        }
        if (flink_key_assignment(word.text)) return;
        report(
            line, word,
            "the TaskManager stops reading options at it: the `--configDir` taskmanager.sh appends after it "
            "is not read, so the TaskManager fails on the missing required option and does not start",
            script_verb(word.text)
                ? "remove it: `taskmanager` alone starts the TaskManager in the foreground"
                : "remove it, or write the setting as `-Dkey=value` (`taskmanager.numberOfTaskSlots` for "
                  "slots) or in FLINK_PROPERTIES",
            reporter);
        return;
    }
}

// jobmanager.sh: `start-foreground [host [webui-port]] [args]` unless the first word is `-D`.
void check_jobmanager(const EntrypointLine& line, Reporter& reporter) {
    if (line.words.empty() || line.words.front().text == "-D") return;
    const std::size_t positional = line.words.size() > 1 && line.words[1].text != "-D" ? 2 : 1;
    for (std::size_t i = 0; i < positional; ++i) {
        const EntrypointWord& word = line.words[i];
        if (flink_key_assignment(word.text)) return;
        // A host name or `$(POD_IP)` is what the position is for; a `-Dkey=value` there is not judged
        // (jobmanager.sh compares with `-D` alone, but how the parser then fails differs by version).
        const bool option =
            word.text.starts_with("--") || (word.text.starts_with("-") && !word.text.starts_with("-D"));
        if (!script_verb(word.text) && !option) continue;
        const char* what = i == 0 ? "host name" : "web UI port";
        report(line, word,
               fmt::format("jobmanager.sh takes it as the JobManager's {} (`{} {}`), which overrides the "
                           "configuration: the JobManager binds to and advertises an address that does not "
                           "resolve, or fails on the value",
                           what, i == 0 ? "--host" : "--webui-port", word.text),
               script_verb(word.text)
                   ? "remove it: `jobmanager` alone starts the JobManager in the foreground"
                   : "write options as `-D key=value` after `jobmanager`, or in FLINK_PROPERTIES",
               reporter);
        return;
    }
}

void check_application(const EntrypointLine& line, Reporter& reporter) {
    if (line.words.empty() || !script_verb(line.words.front().text)) return;
    report(line, line.words.front(),
           "the entry point stops reading options at it: it and every word after it (`--job-classname` "
           "included) are handed to the job as program arguments",
           "remove it: `standalone-job` alone starts the application cluster in the foreground", reporter);
}

}  // namespace

void check_entrypoint_argument_misparsed(const Model& model, Reporter& reporter) {
    for (const EntrypointLine& line : entrypoint_lines(model)) {
        if (line.verb == "taskmanager")
            check_taskmanager(line, reporter);
        else if (line.verb == "jobmanager")
            check_jobmanager(line, reporter);
        else
            check_application(line, reporter);
    }
}

}  // namespace flinklint::rules
