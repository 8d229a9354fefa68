// FL853 usage-placeholder-in-command: a Flink container's command that still holds the placeholders of
// the usage line it was copied from (`<job-class>`, `[--job-id <job id>]`, `YOUR_JAR`, `/path/to/...`,
// `...`). No shell fills them in: the entrypoint or the program gets them as words. standalone-job.sh, the
// Flink CLI and the SQL client then look for a class, a jar or a file of that name and fail at start
// (flink-container StandaloneApplicationClusterConfigurationParserFactory; flink-clients CliFrontendParser).
#include <fmt/format.h>

#include "rules/kubernetes/command_lines.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

bool name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
}

// `<job` opening an angle-bracket placeholder (not `<<EOF`, `<(...)`, `<file` alone: see closes).
bool opens(std::string_view word) {
    if (word.size() < 2 || word[0] != '<' ||
        !((word[1] >= 'a' && word[1] <= 'z') || (word[1] >= 'A' && word[1] <= 'Z')))
        return false;
    for (char c : word.substr(1))
        if (!name_char(c) && c != '>' && c != ']') return false;
    return true;
}

// `id>` or `class>]`: letters right before the `>` (not `2>` of a redirection).
bool closes(std::string_view word) {
    while (word.ends_with(']')) word.remove_suffix(1);
    if (word.size() < 2 || !word.ends_with('>')) return false;
    const char before = word[word.size() - 2];
    return (before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z');
}

// Whether the words from `i` hold a placeholder that starts at word i.
bool placeholder_at(const std::vector<CommandWord>& words, std::size_t i) {
    const std::string_view w = words[i].text;
    if (w.find('$') != std::string_view::npos || w.find("{{") != std::string_view::npos) return false;
    if (w == "..." || w.find("YOUR_") != std::string_view::npos ||
        w.find("/path/to/") != std::string_view::npos)
        return true;
    if (w.size() > 2 && w[0] == '[' && w[1] == '-') return true;  // `[--job-id`: an optional part of a usage
    if (!opens(w)) return false;
    for (std::size_t j = i; j < words.size() && j < i + 4; ++j)
        if (closes(words[j].text)) return true;
    return false;
}

const CommandWord* first_placeholder(const CommandLine& line) {
    for (const SimpleCommand& command : line.commands) {
        const std::string_view program = command.words[command.program].text;
        if (program == "echo" || program == "printf") continue;  // a usage text printed on purpose
        for (std::size_t i = 0; i < command.words.size(); ++i)
            if (placeholder_at(command.words, i)) return &command.words[i];
    }
    return nullptr;
}

}  // namespace

void check_usage_placeholder_in_command(const Model& model, Reporter& reporter) {
    for (const CommandLine& line : command_lines(model)) {
        if (!line.flink_image) continue;
        const CommandWord* word = first_placeholder(line);
        if (word == nullptr) continue;
        Finding f{.source = line.source, .span = word->span, .key = "command"};
        f.message = fmt::format(
            "{} passes {} on its command line: a placeholder of a usage line, which no shell or script fills "
            "in, so the process gets the word as written and fails to find the class, jar or file it names",
            line.where, quoted(word->text));
        f.help = "replace the placeholder with the real value, and drop the optional `[...]` parts not used";
        reporter.report(std::move(f));
    }
}

}  // namespace flinklint::rules
