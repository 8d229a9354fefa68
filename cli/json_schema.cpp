// The JSON Schemas of `flinklint schema`: a version's catalog as the keys of flink-conf.yaml (flat),
// config.yaml (flat `a.b.c` keys, nested maps, or any mix: Flink joins nested keys with dots), and
// the operator's FlinkDeployment / FlinkSessionJob (schemas/operator-crd.json, scripts/
// gen_operator_shape.py) with `flinkConfiguration` typed by the same catalog.
#include "cli/json_schema.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <vector>

#include <fmt/format.h>

#include "flinklint/embedded.hpp"

namespace flinklint::embedded {
std::span<const EmbeddedFile> operator_shapes();  // schemas/operator-crd.json (CMakeLists.txt)
}

namespace flinklint::cli {
namespace {

using json = nlohmann::json;

std::vector<std::string_view> split(std::string_view key) {
    std::vector<std::string_view> segments;
    for (std::size_t start = 0;;) {
        const std::size_t dot = key.find('.', start);
        segments.push_back(key.substr(start, dot - start));
        if (dot == std::string_view::npos) return segments;
        start = dot + 1;
    }
}

// Placeholders as docs/catalogs.md describes them: one segment, or (at the end) one or more.
bool is_open(std::string_view segment) {
    return segment == "<key>" || segment == "<param>" || segment == "<parameter>";
}
bool is_placeholder(std::string_view segment) {
    return segment == "#" || is_open(segment) ||
           (segment.size() > 2 && segment.front() == '<' && segment.back() == '>');
}

std::string escape_regex(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (std::string_view("\\^$.|?*+()[]{}/").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

// Keys matching a pattern: a placeholder key, a Map option's sub-keys, a pass-through family.
struct KeyPattern {
    std::vector<std::string> segments;  // `<name>`/`#`: one segment; an open tail: one or more
    json schema;
    [[nodiscard]] std::size_t literal_head() const {
        std::size_t n = 0;
        while (n < segments.size() && !is_placeholder(segments[n])) ++n;
        return n;
    }
    // The regex of segments [from, to) as a whole property name.
    [[nodiscard]] std::string regex(std::size_t from, std::size_t to) const {
        std::string out = "^";
        for (std::size_t i = from; i < to; ++i) {
            if (i > from) out += "\\.";
            out += is_open(segments[i])          ? "[^.]+(?:\\.[^.]+)*"
                   : is_placeholder(segments[i]) ? "[^.]+"
                                                 : escape_regex(segments[i]);
        }
        return out + "$";
    }
};

struct KeySet {
    std::map<std::string, json> keys;  // literal keys (options and the keys Flink reads for them)
    std::vector<KeyPattern> patterns;
};

json ref_to(std::string_view path);

KeyPattern pattern_of(std::string_view key, json schema, bool open_tail) {
    KeyPattern pattern{{}, std::move(schema)};
    for (const std::string_view segment : split(key)) pattern.segments.emplace_back(segment);
    if (open_tail) pattern.segments.emplace_back("<key>");
    return pattern;
}

KeySet key_set(const Catalog& catalog, FlinkVersion version) {
    KeySet set;
    for (const OptionInfo& option : catalog.options()) {
        if (option.is_pattern()) {
            set.patterns.push_back(pattern_of(option.key, option_schema(catalog, option, version), false));
        } else {
            set.keys.emplace(option.key, option_schema(catalog, option, version));
        }
        // Map options may be written as sub-keys: `kubernetes.jobmanager.annotations.team: x`.
        if (option.type == OptionType::map)
            set.patterns.push_back(pattern_of(option.key, json::object(), true));
    }
    // Aliases after every option, so that a key declared as an option keeps its own schema.
    for (const OptionInfo& option : catalog.options()) {
        if (option.is_pattern()) continue;
        for (const std::string_view alias : option.fallback_keys)
            set.keys.emplace(alias, alias_schema(option, alias, false, version));
        for (const std::string_view alias : option.deprecated_keys)
            set.keys.emplace(alias, alias_schema(option, alias, true, version));
    }
    for (const std::string_view prefix : pass_through_prefixes())
        set.patterns.push_back(pattern_of(prefix.substr(0, prefix.size() - 1), json::object(), true));
    return set;
}

// Value types shared by many keys (a Duration's pattern is half a kilobyte) become definitions
// `@1`, `@2`, ... that the keys refer to, which keeps the schemas of schemas/json/ small.
void share_value_types(KeySet& set, json& definitions) {
    std::map<std::string, std::string> names;  // a type's JSON -> its definition
    const auto share = [&](json& schema) {
        if (!schema.contains("anyOf")) return;
        const std::string text = schema["anyOf"].dump();
        auto [it, added] = names.emplace(text, fmt::format("@{}", names.size() + 1));
        if (added) definitions[it->second] = json{{"anyOf", schema["anyOf"]}};
        schema.erase("anyOf");
        schema["allOf"] = json::array({ref_to(it->second)});
    };
    for (auto& [key, schema] : set.keys) share(schema);
    for (KeyPattern& pattern : set.patterns) share(pattern.schema);
}

json object_schema(json properties, json pattern_properties) {
    json schema{{"type", "object"}, {"properties", std::move(properties)}};
    if (!pattern_properties.empty()) schema["patternProperties"] = std::move(pattern_properties);
    schema["additionalProperties"] = false;
    return schema;
}

// flink-conf.yaml: the legacy parser reads one `key: value` per line, so only flat keys.
json flat_schema(const KeySet& set) {
    json patterns = json::object();
    for (const KeyPattern& pattern : set.patterns)
        patterns[pattern.regex(0, pattern.segments.size())] = pattern.schema;
    return object_schema(json(set.keys), std::move(patterns));
}

// A `$ref` to the definition of a dotted path (JSON pointer escaping; keys hold no other
// characters a URI fragment refuses, which `encode` turns into %XX anyway).
json ref_to(std::string_view path) {
    std::string out = "#/definitions/";
    for (const char c : path) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else if (std::isalnum(u) || std::string_view("._-$@").find(c) != std::string_view::npos)
            out += c;
        else
            out += fmt::format("%{:02X}", u);
    }
    return json{{"$ref", out}};
}

bool under(std::string_view path, std::string_view node) {
    return node.empty() || (path.size() > node.size() && path.starts_with(node) && path[node.size()] == '.');
}

// The keys below `node` as patterns relative to it, and the nestings through their placeholders.
json node_patterns(const KeySet& set, std::string_view node) {
    const std::size_t depth = node.empty() ? 0 : split(node).size();
    json patterns = json::object();
    for (const KeyPattern& pattern : set.patterns) {
        if (pattern.literal_head() < depth || pattern.segments.size() <= depth) continue;
        std::string head;
        for (std::size_t i = 0; i < depth; ++i) head += (i ? "." : "") + pattern.segments[i];
        if (head != node) continue;
        const std::size_t end = pattern.segments.size();
        patterns[pattern.regex(depth, end)] = pattern.schema;
        // A nested map below a placeholder (`metrics.reporter: {prom: {port: 9249}}`): not typed.
        for (std::size_t stop = std::max(pattern.literal_head() + 1, depth + 1); stop < end; ++stop)
            patterns.emplace(pattern.regex(depth, stop), json::object());
    }
    return patterns;
}

// config.yaml and flinkConfiguration: at every level a key may be any dotted remainder of the keys
// below it, so each path (a key or a prefix of one) gets a definition and every level refers to all
// the paths below it. Returns the root object; the definitions go to `definitions`.
json nested_schema(const KeySet& set, json& definitions) {
    std::set<std::string, std::less<>> nodes{""};
    const auto add_prefixes = [&](const std::vector<std::string_view>& segments, std::size_t count) {
        std::string path;
        for (std::size_t i = 0; i < count; ++i) {
            path += (i ? "." : "") + std::string(segments[i]);
            nodes.insert(path);
        }
    };
    for (const auto& [key, schema] : set.keys) {
        const auto segments = split(key);
        add_prefixes(segments, segments.size() - 1);
    }
    for (const KeyPattern& pattern : set.patterns) {
        std::vector<std::string_view> segments(pattern.segments.begin(), pattern.segments.end());
        add_prefixes(segments, std::min(pattern.literal_head(), segments.size() - 1));
    }
    std::set<std::string, std::less<>> paths(nodes.begin(), nodes.end());
    for (const auto& [key, schema] : set.keys) paths.insert(key);
    paths.erase("");

    const auto node_schema = [&](const std::string& node) {
        json properties = json::object();
        for (auto it = paths.lower_bound(node); it != paths.end() && (node.empty() || it->starts_with(node));
             ++it) {
            if (under(*it, node)) properties[node.empty() ? *it : it->substr(node.size() + 1)] = ref_to(*it);
        }
        return object_schema(std::move(properties), node_patterns(set, node));
    };
    for (const std::string& path : paths) {
        const auto leaf = set.keys.find(path);
        const bool is_node = nodes.contains(path);
        if (leaf == set.keys.end())
            definitions[path] = node_schema(path);
        else if (!is_node)
            definitions[path] = leaf->second;
        else
            definitions[path] = json{{"anyOf", json::array({leaf->second, node_schema(path)})}};
    }
    return node_schema("");
}

json resource_schema(SchemaKind kind, const json& shape, KeySet& set) {
    const std::string_view name = kind == SchemaKind::flinkdeployment ? "FlinkDeployment" : "FlinkSessionJob";
    json definitions = json::object();
    share_value_types(set, definitions);
    json configuration = nested_schema(set, definitions);
    configuration["description"] = "Flink configuration: flat `a.b.c` keys or nested maps";
    definitions["flinkConfiguration"] = std::move(configuration);
    json properties{{"apiVersion", {{"const", shape.at("apiVersion")}}},
                    {"kind", {{"const", name}}},
                    {"metadata", {{"type", "object"}}},
                    {"spec", shape.at("spec")},
                    {"status", {{"type", "object"}}}};
    return json{{"type", "object"},
                {"required", {"apiVersion", "kind"}},
                {"properties", std::move(properties)},
                {"definitions", std::move(definitions)}};
}

const json& operator_shapes() {
    static const json shapes = [] {
        for (const embedded::EmbeddedFile& file : embedded::operator_shapes()) {
            if (file.name == "operator-crd.json") return json::parse(file.data);
        }
        return json::object();
    }();
    return shapes;
}

}  // namespace

std::string_view to_string(SchemaKind kind) {
    switch (kind) {
        case SchemaKind::config_yaml:
            return "config-yaml";
        case SchemaKind::flink_conf:
            return "flink-conf";
        case SchemaKind::flinkdeployment:
            return "flinkdeployment";
        case SchemaKind::flinksessionjob:
            return "flinksessionjob";
    }
    return "";
}

std::optional<SchemaKind> parse_schema_kind(std::string_view text) {
    for (const SchemaKind kind : kSchemaKinds) {
        if (to_string(kind) == text) return kind;
    }
    return std::nullopt;
}

std::optional<std::string> kind_unavailable(SchemaKind kind, FlinkVersion version) {
    // GlobalConfiguration reads config.yaml from 1.19 and only config.yaml from 2.0.
    if (kind == SchemaKind::config_yaml && version < FlinkVersion{1, 19})
        return fmt::format("Flink {} reads flink-conf.yaml, not config.yaml (config.yaml arrived in 1.19)",
                           version.str());
    if (kind == SchemaKind::flink_conf && version >= FlinkVersion{2, 0})
        return fmt::format("Flink {} reads config.yaml only (flink-conf.yaml was dropped in 2.0)",
                           version.str());
    return std::nullopt;
}

Expected<json> json_schema(SchemaKind kind, FlinkVersion version) {
    if (auto why = kind_unavailable(kind, version)) return Error{*why};
    const Catalog& catalog = Catalog::for_version(version);
    KeySet set = key_set(catalog, version);
    json schema{{"$schema", "http://json-schema.org/draft-07/schema#"}};
    const std::string catalog_note = catalog.version() == version
                                         ? std::string()
                                         : fmt::format(" (catalog of Flink {})", catalog.version().str());
    json body;
    switch (kind) {
        case SchemaKind::flink_conf: {
            schema["title"] = fmt::format("Flink {} flink-conf.yaml{}", version.str(), catalog_note);
            json definitions = json::object();
            share_value_types(set, definitions);
            body = flat_schema(set);
            body["definitions"] = std::move(definitions);
            break;
        }
        case SchemaKind::config_yaml: {
            schema["title"] = fmt::format("Flink {} config.yaml{}", version.str(), catalog_note);
            json definitions = json::object();
            share_value_types(set, definitions);
            body = nested_schema(set, definitions);
            body["definitions"] = std::move(definitions);
            break;
        }
        case SchemaKind::flinkdeployment:
        case SchemaKind::flinksessionjob: {
            const json& shapes = operator_shapes();
            const char* name = kind == SchemaKind::flinkdeployment ? "FlinkDeployment" : "FlinkSessionJob";
            if (!shapes.contains(name)) return Error{fmt::format("no {} shape is built in", name)};
            schema["title"] =
                fmt::format("{} with Flink {} configuration{}", name, version.str(), catalog_note);
            body = resource_schema(kind, shapes.at(name), set);
            break;
        }
    }
    schema["description"] = "Generated by `flinklint schema` from the option catalog; do not edit";
    schema.update(body);
    return schema;
}

}  // namespace flinklint::cli
