// docker-compose files: the FLINK_PROPERTIES environment variable of each service, which the
// official image's entrypoint appends to the Flink configuration (legacy `key: value` lines).
#include "ingest/readers.hpp"

namespace flinklint::ingestion {
namespace {

constexpr std::string_view kVariable = "FLINK_PROPERTIES";

void add_properties(ParsedFile& file, const EmbeddedText& embedded, const std::string& service,
                    const Located& image, const YamlLimits& limits) {
    ConfigDocument cd = read_embedded_config(embedded, ConfigFormat::legacy, limits);
    cd.format = ConfigFormat::compose_properties;
    cd.origin = "service " + service + " " + std::string(kVariable);
    cd.image = image;
    file.configs.push_back(std::move(cd));
}

// `command: taskmanager -Dkey=value` or `command: [taskmanager, ...]`: the arguments the image's entrypoint
// gets.
void read_command(ParsedFile& file, const YDoc& doc, const std::string& service, std::size_t spec,
                  const Located& image) {
    const std::size_t command = map_get(doc, spec, "command");
    if (command == npos) return;
    CommandLine line{"service " + service, image, {}};
    auto add = [&](std::size_t node) {
        if (is_kind(doc, node, YNode::Kind::scalar))
            line.words.push_back(Located{scalar_text(doc, node), doc.nodes[node].span, true});
    };
    if (is_kind(doc, command, YNode::Kind::scalar))
        add(command);
    else
        for_each_item(doc, command, add);
    if (!line.words.empty()) file.command_lines.push_back(std::move(line));
}

void read_service(ParsedFile& file, const YDoc& doc, const std::string& service, std::size_t spec,
                  const YamlLimits& limits) {
    const std::string_view text = file.source->text();
    const std::size_t environment = map_get(doc, spec, "environment");
    Located image;
    if (const std::size_t node = map_get(doc, spec, "image");
        node != npos && is_kind(doc, node, YNode::Kind::scalar))
        image = Located{scalar_text(doc, node), doc.nodes[node].span, true};
    read_command(file, doc, service, spec, image);
    // Map form: `FLINK_PROPERTIES: |`
    if (const std::size_t value = map_get(doc, environment, kVariable); value != npos) {
        if (is_kind(doc, value, YNode::Kind::scalar))
            add_properties(file, embedded_text(doc, value, text), service, image, limits);
        return;
    }
    // List form: `- FLINK_PROPERTIES=...` (often a literal block starting with that line).
    const std::string prefix = std::string(kVariable) + "=";
    for_each_item(doc, environment, [&](std::size_t item) {
        if (scalar_text(doc, item).rfind(prefix, 0) != 0) return;
        add_properties(file, embedded_text(doc, item, text).drop_prefix(prefix.size()), service, image,
                       limits);
    });
}

}  // namespace

void read_compose(ParsedFile& file, const YamlLimits& limits) {
    const YamlStream stream = parse_yaml(file.source->text(), limits);
    file.issues.insert(file.issues.end(), stream.issues.begin(), stream.issues.end());
    for (const YDoc& doc : stream.docs) {
        for_each_pair(doc, map_get(doc, doc.root, "services"), [&](std::size_t key, std::size_t spec) {
            read_service(file, doc, scalar_text(doc, key), spec, limits);
        });
    }
}

}  // namespace flinklint::ingestion
