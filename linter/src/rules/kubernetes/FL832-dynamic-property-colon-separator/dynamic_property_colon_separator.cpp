// FL832 dynamic-property-colon-separator: `-Dkey: value` on a command line (a container's command/args,
// a compose service's command). Flink's command-line parsers declare `-D` with two arguments split at
// `=` (flink-runtime CommandLineOptions.DYNAMIC_PROPERTY_OPTION, flink-clients CliFrontendParser
// DYNAMIC_PROPERTIES: numberOfArgs(2), valueSeparator('=')); commons-cli then reads `-Dkey:` as the
// property name `key:` and the next word as its value. No option is called `key:`, so the setting
// never applies, whatever reads the command line (entry point, `flink run`, kubernetes-session.sh).
#include <fmt/format.h>

#include "flinklint/catalog.hpp"
#include "flinklint/text_util.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

struct Line {
    SourcePtr source;
    std::string where;
    std::vector<const Located*> parts;
};

void check_line(const Line& line, Reporter& reporter) {
    const Catalog& catalog = Catalog::for_version(kDefaultFlinkVersion);
    bool pending_d = false;
    for (const Located* part : line.parts) {
        for (std::string_view word : command_words(part->value)) {
            const bool after_d = pending_d;
            pending_d = word == "-D";
            if (!after_d && !(word.starts_with("-D") && word.size() > 2)) continue;
            const std::string_view property = after_d ? word : word.substr(2);
            const std::string_view name = property.substr(0, property.find('='));
            const std::size_t colon = name.find(':');
            if (colon == std::string_view::npos || colon == 0) continue;
            const std::string key(name.substr(0, colon));
            if (!catalog.lookup(key).known() && find_retired_key(key) == nullptr) continue;
            Finding f{.source = line.source, .span = word_span(*line.source, *part, word), .key = key};
            f.message = fmt::format(
                "{} in {} sets the property {}, not {}: `-D` splits name and value at `=` only, so the colon "
                "stays in the name, nothing reads it and {} keeps its value from the configuration file or "
                "its "
                "default",
                quoted(word), line.where, quoted(std::string(name)), quoted(key), quoted(key));
            f.help = fmt::format("write `-D{}=<value>` (no space around `=`)", key);
            reporter.report(std::move(f));
        }
    }
}

void add_pod(std::vector<Line>& lines, const SourcePtr& source, const std::string& owner,
             const PodSpecFacts& pod) {
    for (const std::vector<Container>* list : {&pod.containers, &pod.init_containers}) {
        for (const Container& c : *list) {
            Line line{source, owner + " container " + c.name.value, {}};
            for (const Located& l : c.command) line.parts.push_back(&l);
            for (const Located& l : c.args) line.parts.push_back(&l);
            lines.push_back(std::move(line));
        }
    }
}

}  // namespace

void check_dynamic_property_colon_separator(const Model& model, Reporter& reporter) {
    std::vector<Line> lines;
    for (const Model::ObjectRef& ref : model.objects()) {
        const K8sObject& object = *ref.object;
        const std::string owner = object.kind + " " + object.name.value;
        if (object.pod) add_pod(lines, ref.file->source, owner, *object.pod);
        if (!object.flink) continue;
        for (const auto* t :
             {&object.flink->pod_template, &object.flink->jm_pod_template, &object.flink->tm_pod_template})
            if (*t) add_pod(lines, ref.file->source, owner, **t);
    }
    for (const ParsedFile& file : model.files()) {
        for (const ComposeService& service : file.compose_services) {
            Line line{file.source, "the command of " + service.where, {}};
            for (const Located& l : service.entrypoint) line.parts.push_back(&l);
            for (const Located& l : service.command) line.parts.push_back(&l);
            if (!line.parts.empty()) lines.push_back(std::move(line));
        }
    }
    for (const Line& line : lines) check_line(line, reporter);
}

}  // namespace flinklint::rules
