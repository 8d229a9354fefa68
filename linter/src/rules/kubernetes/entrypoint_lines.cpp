#include "rules/kubernetes/entrypoint_lines.hpp"

#include "flinklint/catalog.hpp"
#include "flinklint/deployment.hpp"
#include "flinklint/text_util.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

// The verbs of apache/flink-docker's docker-entrypoint.sh that start a Flink process through bin/.
bool is_verb(std::string_view word) {
    return word == "jobmanager" || word == "taskmanager" || word == "standalone-job";
}

// Words that may come before the verb: the entrypoint script itself, or a shell, an init or an environment
// assignment of the shell line that runs it.
bool launcher(std::string_view word) {
    const std::string_view base =
        word.substr(word.rfind('/') == std::string_view::npos ? 0 : word.rfind('/') + 1);
    return base.find("docker-entrypoint") != std::string_view::npos || base == "sh" || base == "bash" ||
           base == "tini" || word == "-c" || word == "exec" || word == "--" ||
           (!word.starts_with("-") && word.find('=') != std::string_view::npos);  // `VAR=value exec ...`
}

struct Builder {
    EntrypointLine line;
    bool done = false;

    // Returns false when the words do not start the entrypoint with a verb.
    bool add(const Located& part) {
        for (const auto [word, separated] : shell_words(part.value)) {
            if (done) return true;
            if (!line.verb.empty()) {
                if (separated) {  // `;`, `&&`, `|` end the entrypoint's command in a shell line
                    done = true;
                    return true;
                }
                line.words.push_back({word, word_span(*line.source, part, word)});
                continue;
            }
            if (is_verb(word)) {
                line.verb = word;
                line.verb_span = word_span(*line.source, part, word);
            } else if (!launcher(word))
                return false;
        }
        return true;
    }
};

void collect(const std::vector<const Located*>& parts, EntrypointLine line,
             std::vector<EntrypointLine>& out) {
    Builder builder{std::move(line)};
    for (const Located* part : parts)
        if (!builder.add(*part)) return;
    if (!builder.line.verb.empty()) out.push_back(std::move(builder.line));
}

}  // namespace

std::vector<EntrypointLine> entrypoint_lines(const Model& model) {
    std::vector<EntrypointLine> out;
    for (const PodView& pod : model.pods()) {
        if (pod.operator_managed || pod.main == nullptr || !pod.entrypoint) continue;
        std::vector<const Located*> parts;
        for (const Located& l : pod.main->command) parts.push_back(&l);
        for (const Located& l : pod.main->args) parts.push_back(&l);
        collect(parts,
                EntrypointLine{pod.file->source,
                               pod.describe(),
                               {},
                               {},
                               false,
                               &pod.main->env,
                               pod.config.version,
                               {},
                               &pod,
                               nullptr},
                out);
    }
    for (const ParsedFile& file : model.files()) {
        for (const ComposeService& service : file.compose_services) {
            // Other images (Kafka, a database) have verbs of their own; an image built here (`build:`
            // without `image:`) runs the Flink entrypoint when its command is one of Flink's verbs.
            const bool built = service.build && !service.image;
            if (!built && ascii_lower(service.image.value).find("flink") == std::string::npos) continue;
            std::vector<const Located*> parts;
            for (const Located& l : service.entrypoint) parts.push_back(&l);
            for (const Located& l : service.command) parts.push_back(&l);
            collect(parts,
                    EntrypointLine{file.source,
                                   service.where,
                                   {},
                                   {},
                                   true,
                                   &service.environment,
                                   image_flink_version(service.image.value).value_or(kDefaultFlinkVersion),
                                   {},
                                   nullptr,
                                   &service},
                    out);
        }
    }
    return out;
}

std::vector<ShellWord> shell_words(std::string_view text) {
    std::vector<ShellWord> out;
    std::size_t previous_end = 0;
    for (std::string_view word : command_words(text)) {
        const auto begin = static_cast<std::size_t>(word.data() - text.data());
        out.push_back({word, text.substr(previous_end, begin - previous_end).find_first_of(";&|") !=
                                 std::string_view::npos});
        previous_end = begin + word.size();
    }
    return out;
}

bool flink_key_assignment(std::string_view word) {
    if (word.starts_with("-")) return false;
    const std::size_t eq = word.find('=');
    if (eq == std::string_view::npos || eq == 0) return false;
    const std::string_view key = word.substr(0, eq);
    return Catalog::for_version(kDefaultFlinkVersion).lookup(key).known() || find_retired_key(key) != nullptr;
}

}  // namespace flinklint::rules
