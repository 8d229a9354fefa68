// docker-compose files: the FLINK_PROPERTIES environment variable of each service, which the
// official image's entrypoint appends to the Flink configuration (legacy `key: value` lines; from the
// 1.19 images on it sets each line as `-Dkey=value`, see entrypoint_properties.cpp), and what
// the rules read about each service besides (its command line and its volumes).
#include "ingest/readers.hpp"

namespace flinklint::ingestion {
namespace {

constexpr std::string_view kVariable = "FLINK_PROPERTIES";

void add_properties(ParsedFile& file, const EmbeddedText& embedded, const std::string& service,
                    const Located& image, const YamlLimits& limits) {
    ConfigDocument cd = image_strips_properties(image.value)
                            ? read_entrypoint_properties(embedded)
                            : read_embedded_config(embedded, ConfigFormat::legacy, limits);
    cd.format = ConfigFormat::compose_properties;
    cd.origin = "service " + service + " " + std::string(kVariable);
    cd.image = image;
    file.configs.push_back(std::move(cd));
}

// `command: taskmanager -Dkey=value` or `command: [taskmanager, ...]` (also `entrypoint:`): scalars as
// written; the rules split them into words.
std::vector<Located> read_words(const YDoc& doc, std::size_t spec, std::string_view key) {
    std::vector<Located> out;
    const std::size_t node = map_get(doc, spec, key);
    if (node == npos) return out;
    auto add = [&](std::size_t item) {
        if (is_kind(doc, item, YNode::Kind::scalar))
            out.push_back(Located{scalar_text(doc, item), doc.nodes[item].span, true});
    };
    if (is_kind(doc, node, YNode::Kind::scalar))
        add(node);
    else
        for_each_item(doc, node, add);
    return out;
}

// `volumes:` entries: `SOURCE:TARGET[:MODE]`, a bare `TARGET` (anonymous volume) or the long syntax.
std::vector<ComposeMount> read_mounts(const YDoc& doc, std::size_t spec) {
    std::vector<ComposeMount> out;
    for_each_item(doc, map_get(doc, spec, "volumes"), [&](std::size_t item) {
        ComposeMount mount;
        mount.span = doc.nodes[item].span;
        if (is_kind(doc, item, YNode::Kind::scalar)) {
            const std::string text = scalar_text(doc, item);
            const std::size_t colon = text.find(':');
            if (colon == std::string::npos) {
                mount.target = text;
            } else {
                mount.source = text.substr(0, colon);
                const std::size_t mode = text.find(':', colon + 1);
                mount.target = text.substr(colon + 1, mode == std::string::npos ? mode : mode - colon - 1);
                // `ro`, `ro,z`, `z,ro`: the options are a comma-separated list.
                const std::string options =
                    mode == std::string::npos ? "" : "," + text.substr(mode + 1) + ",";
                mount.read_only = options.find(",ro,") != std::string::npos;
            }
        } else {
            if (const std::size_t node = map_get(doc, item, "source");
                is_kind(doc, node, YNode::Kind::scalar))
                mount.source = scalar_text(doc, node);
            if (const std::size_t node = map_get(doc, item, "target");
                is_kind(doc, node, YNode::Kind::scalar))
                mount.target = scalar_text(doc, node);
            if (const std::size_t node = map_get(doc, item, "read_only");
                is_kind(doc, node, YNode::Kind::scalar))
                mount.read_only = scalar_text(doc, node) == "true";
        }
        if (!mount.target.empty()) out.push_back(std::move(mount));
    });
    return out;
}

// `environment:` as a map (`JVM_ARGS: -Xmx1g`) or a list of `NAME=value` strings; the value's span is the
// item as written (rules find words in it).
std::vector<EnvVar> read_environment(const YDoc& doc, std::size_t environment) {
    std::vector<EnvVar> out;
    if (is_kind(doc, environment, YNode::Kind::map)) {
        for_each_pair(doc, environment, [&](std::size_t key, std::size_t value) {
            EnvVar var;
            var.name = Located{scalar_text(doc, key), doc.nodes[key].span, true};
            if (is_kind(doc, value, YNode::Kind::scalar))
                var.value = Located{scalar_text(doc, value), doc.nodes[value].span, true};
            out.push_back(std::move(var));
        });
        return out;
    }
    for_each_item(doc, environment, [&](std::size_t item) {
        if (!is_kind(doc, item, YNode::Kind::scalar)) return;
        const std::string text = scalar_text(doc, item);
        const std::size_t eq = text.find('=');
        EnvVar var;
        var.name = Located{text.substr(0, eq), doc.nodes[item].span, true};
        if (eq != std::string::npos) var.value = Located{text.substr(eq + 1), doc.nodes[item].span, true};
        out.push_back(std::move(var));
    });
    return out;
}

// `- FLINK_PROPERTIES=jobmanager.rpc.address: jm` is a plain scalar with `: ` in it, so YAML reads the
// item as a mapping; the compose file format allows only strings in an environment list (compose-spec
// schema: list_or_dict), so compose refuses the file and no variable reaches the container.
bool check_environment_items(ParsedFile& file, const YDoc& doc, const std::string& service,
                             std::size_t environment) {
    bool invalid = false;
    for_each_item(doc, environment, [&](std::size_t item) {
        const std::size_t node = resolve(doc, item);
        if (node == npos || doc.nodes[node].kind != YNode::Kind::map || doc.nodes[node].flow) return;
        std::string name;
        Span span = doc.nodes[node].span;
        for_each_pair(doc, node, [&](std::size_t key, std::size_t) {
            if (!name.empty()) return;
            name = scalar_text(doc, key);
            span = doc.nodes[key].span;
        });
        const std::string variable = name.substr(0, name.find('='));
        invalid = true;
        file.issues.push_back(
            {SyntaxIssue::Kind::compose_environment_not_string, span,
             "service " + service + ": the `environment` item `" + variable +
                 "=...` contains `: `, so YAML reads it as a mapping, not a string; compose refuses the "
                 "file (environment list items must be strings) and " +
                 variable + " reaches no container"});
    });
    return invalid;
}

std::vector<std::string> dns_names(const YDoc& doc, const std::string& service, std::size_t spec) {
    std::vector<std::string> out{service};
    if (const std::size_t name = map_get(doc, spec, "container_name");
        is_kind(doc, name, YNode::Kind::scalar))
        out.push_back(scalar_text(doc, name));
    for_each_pair(doc, map_get(doc, spec, "networks"), [&](std::size_t, std::size_t network) {
        for_each_item(doc, map_get(doc, network, "aliases"),
                      [&](std::size_t alias) { out.push_back(scalar_text(doc, alias)); });
    });
    return out;
}

void read_service(ParsedFile& file, const YDoc& doc, const std::string& service, std::size_t spec,
                  const YamlLimits& limits) {
    const std::string_view text = file.source->text();
    const std::size_t environment = map_get(doc, spec, "environment");
    Located image;
    if (const std::size_t node = map_get(doc, spec, "image");
        node != npos && is_kind(doc, node, YNode::Kind::scalar))
        image = Located{scalar_text(doc, node), doc.nodes[node].span, true};
    file.compose_services.push_back(ComposeService{
        "service " + service, image, read_words(doc, spec, "entrypoint"), read_words(doc, spec, "command"),
        read_mounts(doc, spec), read_environment(doc, environment), map_get(doc, spec, "build") != npos,
        map_get(doc, spec, "env_file") != npos, dns_names(doc, service, spec)});
    if (const std::size_t build = map_get(doc, spec, "build"); is_kind(doc, build, YNode::Kind::scalar)) {
        file.compose_services.back().build_context = scalar_text(doc, build);
    } else if (is_kind(doc, build, YNode::Kind::map)) {
        // compose-spec: `context` defaults to the compose file's directory, `dockerfile` to `Dockerfile`.
        const std::size_t context = map_get(doc, build, "context");
        const std::size_t dockerfile = map_get(doc, build, "dockerfile");
        file.compose_services.back().build_context =
            is_kind(doc, context, YNode::Kind::scalar) ? scalar_text(doc, context) : ".";
        if (is_kind(doc, dockerfile, YNode::Kind::scalar))
            file.compose_services.back().build_dockerfile = scalar_text(doc, dockerfile);
    }
    file.compose_services.back().extends = map_get(doc, spec, "extends") != npos;
    if (const std::size_t node = map_get(doc, spec, "hostname"); is_kind(doc, node, YNode::Kind::scalar))
        file.compose_services.back().hostname = Located{scalar_text(doc, node), doc.nodes[node].span, true};
    file.compose_services.back().environment_invalid =
        check_environment_items(file, doc, service, environment);
    // `deploy.resources.limits.memory` and the older `mem_limit` set the same cgroup limit; compose refuses
    // a service that gives them distinct values.
    std::size_t limit = map_get(
        doc, map_get(doc, map_get(doc, map_get(doc, spec, "deploy"), "resources"), "limits"), "memory");
    if (!is_kind(doc, limit, YNode::Kind::scalar)) limit = map_get(doc, spec, "mem_limit");
    if (is_kind(doc, limit, YNode::Kind::scalar))
        file.compose_services.back().memory_limit =
            Located{scalar_text(doc, limit), doc.nodes[limit].span, true};
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

// The sections of a compose file beside `services` (Compose Specification).
bool is_compose_top_level_section(std::string_view name) {
    return name == "version" || name == "name" || name == "volumes" || name == "networks" ||
           name == "configs" || name == "secrets" || name == "include";
}

}  // namespace

void read_compose(ParsedFile& file, const YamlLimits& limits) {
    const YamlStream stream = parse_yaml(file.source->text(), limits);
    file.issues.insert(file.issues.end(), stream.issues.begin(), stream.issues.end());
    for (const YDoc& doc : stream.docs) {
        const std::size_t services = map_get(doc, doc.root, "services");
        // A fragment of service definitions without `services:` (ingest/format_detect.cpp,
        // is_compose_fragment): its top-level keys are the services, but for the file's own sections.
        const bool fragment = services == npos;
        for_each_pair(doc, fragment ? doc.root : services, [&](std::size_t key, std::size_t spec) {
            const std::string name = scalar_text(doc, key);
            if (fragment && (is_compose_top_level_section(name) || name.starts_with("x-"))) return;
            read_service(file, doc, name, spec, limits);
        });
    }
}

}  // namespace flinklint::ingestion
