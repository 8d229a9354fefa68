#include "rules/kubernetes/command_lines.hpp"

#include <fmt/format.h>

#include <array>
#include <optional>

#include "flinklint/deployment.hpp"
#include "flinklint/text_util.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

bool is_shell(std::string_view word) {
    const std::string_view base = program_name(word);
    return base == "sh" || base == "bash" || base == "ash" || base == "dash" || base == "zsh";
}

// `-c`, `-lc`, `-ec`, `-xec`: the flags after which a shell reads its commands from the next word.
bool shell_command_flag(std::string_view word) {
    return word.size() >= 2 && word[0] == '-' && word[1] != '-' && word.find('c') != std::string_view::npos;
}

// Words before a simple command's program: prefixes and the shell keywords that open a command.
bool prefix_word(std::string_view word) {
    constexpr std::array<std::string_view, 13> kPrefixes{
        "exec", "nohup", "env", "time", "then", "do", "else", "{", "(", "!", "if", "while", "until"};
    for (std::string_view p : kPrefixes)
        if (word == p) return true;
    const auto eq = word.find('=');
    return eq != std::string_view::npos && eq > 0 && !word.starts_with("-");  // `VAR=value cmd`
}

// The verbs docker-entrypoint.sh starts a Flink process for; any other first word is exec'd as given.
bool entrypoint_verb(std::string_view word) {
    return word == "jobmanager" || word == "taskmanager" || word == "standalone-job" ||
           word == "history-server" || word == "sql-gateway" || word == "help";
}

class Splitter {
public:
    Splitter(const Source& source, CommandLine& line) : source_(source), line_(line) {}

    void add(const Located& part) {
        const std::string_view text = part.value;
        std::size_t previous_end = 0;
        for (std::string_view word : command_words(text)) {
            const auto begin = static_cast<std::size_t>(word.data() - text.data());
            if (separates(text.substr(previous_end, begin - previous_end))) flush();
            previous_end = begin + word.size();
            if (shell_next_) {  // the shell's command text starts here
                flush();
                in_shell_ = true;
                shell_next_ = false;
            }
            current_.words.push_back({word, word_span(source_, part, word)});
            const std::size_t n = current_.words.size();
            if (n >= 2 && shell_command_flag(word) && is_shell(current_.words[n - 2].text))
                shell_next_ = true;
        }
    }

    void flush() {
        if (current_.words.empty()) return;
        current_.in_shell = in_shell_;
        while (current_.program + 1 < current_.words.size() &&
               prefix_word(current_.words[current_.program].text))
            ++current_.program;
        line_.commands.push_back(std::move(current_));
        current_ = {};
    }

private:
    // A command separator between two words: `;`, `&&`, `||`, `|`, `&`, a line break; not the `&` of `2>&1`.
    bool separates(std::string_view gap) const {
        if (gap.find_first_of(";|\n") != std::string_view::npos) return true;
        if (gap.find('&') == std::string_view::npos) return false;
        return current_.words.empty() || !current_.words.back().text.ends_with('>');
    }

    const Source& source_;
    CommandLine& line_;
    SimpleCommand current_;
    bool shell_next_ = false;
    bool in_shell_ = false;
};

void split(const Source& source, const std::vector<const std::vector<Located>*>& lists, CommandLine& line) {
    Splitter splitter(source, line);
    for (const std::vector<Located>* list : lists)
        for (const Located& part : *list) splitter.add(part);
    splitter.flush();
}

std::string_view first_word(const std::vector<Located>& parts) {
    if (parts.empty()) return {};
    const auto words = command_words(parts.front().value);
    return words.empty() ? std::string_view{} : words.front();
}

void add_pods(const Model& model, std::vector<CommandLine>& out) {
    for (const Model::ObjectRef& ref : model.objects()) {
        const K8sObject& object = *ref.object;
        if (!object.pod) continue;
        for (const Container& c : object.pod->containers) {
            if (c.command.empty() && c.args.empty()) continue;
            std::optional<FlinkVersion> version;
            CommandLine line{.source = ref.file->source,
                             .where = fmt::format("{} {} container {}", object.kind, object.name.value,
                                                  quoted(c.name.value))};
            line.official = official_image(c.image.value, version);
            line.flink_image = ascii_lower(c.image.value).find("flink") != std::string::npos;
            line.main_process = !c.command.empty() || (line.official && !entrypoint_verb(first_word(c.args)));
            split(*ref.file->source, {&c.command, &c.args}, line);
            out.push_back(std::move(line));
        }
    }
}

void add_compose(const Model& model, std::vector<CommandLine>& out) {
    for (const ParsedFile& file : model.files()) {
        for (const ComposeService& s : file.compose_services) {
            if (s.command.empty() && s.entrypoint.empty()) continue;
            std::optional<FlinkVersion> version;
            CommandLine line{.source = file.source, .where = s.where};
            line.official = official_image(s.image.value, version);
            line.flink_image = ascii_lower(s.image.value).find("flink") != std::string::npos;
            line.main_process =
                !s.entrypoint.empty() || (line.official && !entrypoint_verb(first_word(s.command)));
            split(*file.source, {&s.entrypoint, &s.command}, line);
            out.push_back(std::move(line));
        }
    }
}

}  // namespace

std::string_view program_name(std::string_view word) {
    const auto slash = word.rfind('/');
    return slash == std::string_view::npos ? word : word.substr(slash + 1);
}

std::vector<CommandLine> command_lines(const Model& model) {
    std::vector<CommandLine> out;
    add_pods(model, out);
    add_compose(model, out);
    return out;
}

}  // namespace flinklint::rules
