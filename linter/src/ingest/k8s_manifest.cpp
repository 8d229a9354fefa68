// Kubernetes manifests: every object of every document, and the Flink configurations inside them
// (flinkConfiguration of operator resources, ConfigMap data, FLINK_PROPERTIES of containers).
#include <algorithm>
#include <charconv>

#include "ingest/k8s_read.hpp"
#include "ingest/readers.hpp"

namespace flinklint::ingestion {
namespace {

bool is_workload(std::string_view kind) {
    return kind == "Deployment" || kind == "StatefulSet" || kind == "DaemonSet" || kind == "ReplicaSet" ||
           kind == "Job";
}

std::optional<std::int64_t> to_int(const std::string& text) {
    std::int64_t v = 0;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
    if (r.ec != std::errc() || r.ptr != text.data() + text.size()) return std::nullopt;
    return v;
}

class ManifestReader {
public:
    // Other projects define a FlinkDeployment kind too (nextbreakpoint.com/v1 of flink-k8s-toolbox); only
    // the Apache operator's group (flink.apache.org/v1beta1) is judged by its rules. Without a group
    // (none written, or a bare `v1`) the Apache operator's is assumed.
    static bool apache_operator_group(std::string_view api_version) {
        return api_version.find('/') == std::string_view::npos ||
               api_version.starts_with("flink.apache.org/");
    }

    ManifestReader(ParsedFile& file, const YamlLimits& limits)
        : file_(file), limits_(limits), text_(file.source->text()) {}

    void document(const YDoc& doc) {
        const std::size_t root = resolve(doc, doc.root);
        if (root != npos && doc.nodes[root].kind == YNode::Kind::map) object(doc, root, true);
    }

private:
    void object(const YDoc& doc, std::size_t map, bool top_level) {
        const std::string kind = scalar_text(doc, map_get(doc, map, "kind"));
        // A List holds its objects under `items`; an OpenShift Template (template.openshift.io) under
        // `objects`, which `oc process` creates after filling its ${PARAMETERS}.
        if ((kind == "List" || kind == "Template") && top_level) {
            const char* const field = kind == "List" ? "items" : "objects";
            for_each_item(doc, map_get(doc, map, field), [&](std::size_t item) {
                if (is_kind(doc, item, YNode::Kind::map)) object(doc, resolve(doc, item), false);
            });
            return;
        }
        if (kind.empty()) return;
        K8sReader r(doc, limits_.max_nodes);
        K8sObject obj;
        obj.api_version = scalar_text(doc, map_get(doc, map, "apiVersion"));
        obj.kind = kind;
        obj.name = r.located_at(map, {"metadata", "name"});
        obj.namespace_ = scalar_text(doc, r.at(map, {"metadata", "namespace"}));
        obj.labels = r.string_map(r.at(map, {"metadata", "labels"}));
        obj.annotations = r.string_map(r.at(map, {"metadata", "annotations"}));
        obj.span = doc.nodes[map].span;
        const std::size_t spec = r.at(map, {"spec"});
        std::vector<PropertiesRef> properties;
        read_kind(r, map, spec, obj, properties);
        std::vector<ConfigDocument> configs = flink_configs(r, map, spec, obj, properties);
        if (r.exhausted()) {
            file_.issues.push_back({SyntaxIssue::Kind::resource_limit, obj.span,
                                    "more YAML nodes than flinklint reads for one object (aliases?)"});
        }
        const std::size_t index = file_.objects.size();
        file_.objects.push_back(std::move(obj));
        for (ConfigDocument& cd : configs) {
            cd.owner_object = index;
            file_.configs.push_back(std::move(cd));
        }
    }

    // What the object's kind holds: pods, a Service, an Ingress, ConfigMap keys, an operator resource.
    static void read_kind(K8sReader& r, std::size_t map, std::size_t spec, K8sObject& obj,
                          std::vector<PropertiesRef>& properties) {
        const YDoc& doc = r.doc();
        const std::string& kind = obj.kind;
        if (is_workload(kind)) {
            obj.pod = r.pod(r.at(spec, {"template"}), properties);
            if (const std::size_t replicas = r.at(spec, {"replicas"}); replicas != npos)
                obj.replicas = to_int(scalar_text(doc, replicas));
        } else if (kind == "CronJob") {
            obj.pod = r.pod(r.at(spec, {"jobTemplate", "spec", "template"}), properties);
        } else if (kind == "Pod") {
            obj.pod = r.pod(map, properties);
        } else if (kind == "Service") {
            obj.service = r.service(spec);
        } else if (kind == "Ingress") {
            obj.ingress = r.ingress(spec);
        } else if (kind == "ConfigMap") {
            for (std::string_view section : {"data", "binaryData"})
                for_each_pair(doc, map_get(doc, map, section), [&](std::size_t key, std::size_t) {
                    obj.config_map_keys.push_back(scalar_text(doc, key));
                });
        } else if ((kind == "FlinkDeployment" || kind == "FlinkSessionJob") &&
                   apache_operator_group(obj.api_version)) {
            obj.flink = r.flink_resource(spec, properties);
        } else if (kind == "FlinkStateSnapshot" && apache_operator_group(obj.api_version)) {
            StateSnapshotFacts& snapshot = obj.snapshot.emplace();
            snapshot.savepoint = r.at(spec, {"savepoint"}) != npos;
            snapshot.checkpoint = r.at(spec, {"checkpoint"}) != npos;
            snapshot.already_exists = scalar_text(doc, r.at(spec, {"savepoint", "alreadyExists"})) == "true";
            snapshot.job_reference = r.at(spec, {"jobReference"}) != npos;
        }
    }

    // The Flink configurations inside the object: flinkConfiguration, ConfigMap data, FLINK_PROPERTIES.
    std::vector<ConfigDocument> flink_configs(K8sReader& r, std::size_t map, std::size_t spec, K8sObject& obj,
                                              const std::vector<PropertiesRef>& properties) {
        const YDoc& doc = r.doc();
        const std::string label = obj.kind + " " + obj.name.value;
        std::vector<ConfigDocument> configs;
        if (obj.flink) {
            const std::size_t conf = r.at(spec, {"flinkConfiguration"});
            if (is_kind(doc, conf, YNode::Kind::map)) {
                ConfigRead read = flatten_map(doc, conf, text_, FlattenStyle::operator_config, limits_);
                obj.flink->flink_configuration_nested = read.nested;
                ConfigDocument cd;
                cd.format = ConfigFormat::flink_deployment;
                cd.origin = label;
                cd.entries = std::move(read.entries);
                cd.issues = std::move(read.issues);
                configs.push_back(std::move(cd));
            }
        }
        if (obj.kind == "ConfigMap") {
            for_each_pair(doc, map_get(doc, map, "data"), [&](std::size_t key, std::size_t value) {
                const std::string name = scalar_text(doc, key);
                EmbeddedText embedded = embedded_text(doc, value, text_);
                if (name.starts_with("log4j") && name.ends_with(".properties"))
                    read_logging_file(doc, key, name, embedded, obj);
                const auto format = embedded_format(name, embedded.text);
                if (!format) return;
                ConfigDocument cd = read_embedded_config(embedded, *format, limits_);
                cd.origin = "ConfigMap " + obj.name.value + "/" + name;
                cd.file_name = name;
                configs.push_back(std::move(cd));
            });
        }
        for (const PropertiesRef& ref : properties) {
            const EmbeddedText embedded = embedded_text(doc, ref.value, text_);
            ConfigDocument cd = image_strips_properties(ref.image.value)
                                    ? read_entrypoint_properties(embedded)
                                    : read_embedded_config(embedded, ConfigFormat::legacy, limits_);
            cd.format = ConfigFormat::compose_properties;
            cd.origin = label + " container " + ref.container + " FLINK_PROPERTIES";
            cd.image = ref.image;
            configs.push_back(std::move(cd));
        }
        return configs;
    }

    // Only Log4j 1 files are kept: a search for its two key prefixes, then for Log4j 2's keys.
    static void read_logging_file(const YDoc& doc, std::size_t key, const std::string& name,
                                  const EmbeddedText& embedded, K8sObject& obj) {
        const std::string_view text = embedded.text;
        std::size_t first = std::string_view::npos;
        for (std::size_t at = text.find("log4j.");
             at != std::string_view::npos && first == std::string_view::npos;
             at = text.find("log4j.", at + 1)) {
            const std::string_view rest = text.substr(at + 6);
            if ((rest.starts_with("rootLogger") || rest.starts_with("appender.")) && at_line_start(text, at))
                first = at;
        }
        if (first == std::string_view::npos) return;
        LoggingFile file{.key = Located{name, doc.nodes[key].span, true}};
        const std::size_t end = std::min(text.find('\n', first), text.size());
        file.log4j1_line = embedded.map(Span{first, end});
        for (const std::string_view prefix : {"rootLogger", "appender.", "logger."})
            for (std::size_t at = text.find(prefix); at != std::string_view::npos && !file.log4j2;
                 at = text.find(prefix, at + 1))
                file.log4j2 = at_line_start(text, at);
        obj.logging_files.push_back(std::move(file));
    }

    static bool at_line_start(std::string_view text, std::size_t at) {
        while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t')) --at;
        return at == 0 || text[at - 1] == '\n';
    }

    ParsedFile& file_;
    const YamlLimits& limits_;
    std::string_view text_;
};

}  // namespace

void read_kubernetes(ParsedFile& file, const YamlLimits& limits) {
    const YamlStream stream = parse_yaml(file.source->text(), limits);
    file.issues.insert(file.issues.end(), stream.issues.begin(), stream.issues.end());
    ManifestReader reader(file, limits);
    for (const YDoc& doc : stream.docs) reader.document(doc);
}

}  // namespace flinklint::ingestion
