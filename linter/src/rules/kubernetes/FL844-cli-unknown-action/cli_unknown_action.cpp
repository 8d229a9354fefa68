// FL844 cli-unknown-action: `flink <word>` as a command in a container or docker-compose service, where the
// word is no action of bin/flink. flink-clients' CliFrontend#parseAndRun takes the first argument as the
// action (run, run-application, list, info, cancel, stop, savepoint; checkpoint in newer versions; -h/--help,
// -v/--version) and answers any other with `"<word>" is not a valid action.` and exit code 1, so the
// container does nothing (`flink sql-client` is not the SQL client: that is bin/sql-client.sh).
#include <fmt/format.h>

#include <algorithm>

#include "flinklint/text_util.hpp"
#include "rules/kubernetes/entrypoint_lines.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

// Every release's actions together (`modify`, the rescaling of some 1.x releases, included): an action of
// another release is no finding.
constexpr std::string_view kActions[] = {"run",       "run-application", "list",   "info", "cancel", "stop",
                                         "savepoint", "checkpoint",      "modify", "-h",   "--help", "-v",
                                         "--version"};

bool flink_cli(std::string_view word) {
    return word == "flink" || word.ends_with("/bin/flink");
}

// A word that only a typo or a wrong tool makes: lower-case letters and hyphens (no option, variable or
// path).
bool plain_word(std::string_view word) {
    return !word.empty() && word.front() != '-' &&
           std::all_of(word.begin(), word.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; });
}

struct Word {
    std::string_view text;
    const Located* part;
    bool starts_command;  // first of the command line, or after `;`, `&&`, `|`, `exec`, `-c`, `then`, `do`
};

std::vector<Word> split(const std::vector<const Located*>& parts) {
    std::vector<Word> out;
    for (const Located* part : parts) {
        for (const auto [word, separated] : shell_words(part->value)) {
            const std::string_view before = out.empty() ? std::string_view{} : out.back().text;
            const bool start = out.empty() || separated || before == "exec" || before == "-c" ||
                               before == "then" || before == "do" || before == "else";
            out.push_back({word, part, start});
        }
    }
    return out;
}

void check_line(const std::vector<const Located*>& parts, const SourcePtr& source, const std::string& where,
                Reporter& reporter) {
    const std::vector<Word> words = split(parts);
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        if (!words[i].starts_command || !flink_cli(words[i].text)) continue;
        const std::string_view action = words[i + 1].text;
        if (!plain_word(action) ||
            std::find(std::begin(kActions), std::end(kActions), action) != std::end(kActions))
            continue;
        Finding f{.source = source, .span = word_span(*source, *words[i + 1].part, action), .key = "command"};
        f.message = fmt::format(
            "{} runs `{} {}`, but {} is no action of the Flink CLI: bin/flink prints `\"{}\" is not a valid "
            "action.` and exits with 1",
            where, words[i].text, action, quoted(action), action);
        f.help = action.starts_with("sql")
                     ? "start the SQL client with bin/sql-client.sh (the SQL gateway with bin/sql-gateway.sh)"
                     : "use one of run, run-application, list, info, cancel, stop, savepoint";
        reporter.report(std::move(f));
    }
}

void add_all(std::vector<const Located*>& parts, const std::vector<Located>& list) {
    for (const Located& l : list) parts.push_back(&l);
}

}  // namespace

void check_cli_unknown_action(const Model& model, Reporter& reporter) {
    for (const Model::ObjectRef& ref : model.objects()) {
        if (!ref.object->pod) continue;
        for (const auto* list : {&ref.object->pod->containers, &ref.object->pod->init_containers}) {
            for (const Container& c : *list) {
                std::vector<const Located*> parts;
                add_all(parts, c.command);
                add_all(parts, c.args);
                check_line(parts, ref.file->source,
                           fmt::format("container {} of {} {}", quoted(c.name.value), ref.object->kind,
                                       ref.object->name.value),
                           reporter);
            }
        }
    }
    for (const ParsedFile& file : model.files()) {
        for (const ComposeService& service : file.compose_services) {
            std::vector<const Located*> parts;
            add_all(parts, service.entrypoint);
            add_all(parts, service.command);
            check_line(parts, file.source, service.where, reporter);
        }
    }
}

}  // namespace flinklint::rules
