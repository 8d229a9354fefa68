// Documents: what ingest makes of a file. One file can hold several Flink configurations
// (a manifest with a FlinkDeployment and a ConfigMap) and several Kubernetes objects.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "flinklint/k8s.hpp"
#include "flinklint/source.hpp"
#include "flinklint/value_kinds.hpp"

namespace flinklint {

// One `key: value` as Flink sees it after flattening.
struct ConfigEntry {
    std::string key;    // flattened key: `taskmanager.memory.process.size`
    std::string value;  // the string Flink reads (legacy: raw text, quotes kept; YAML: scalar text)
    ValueKind kind = ValueKind::string;
    bool quoted = false;  // written with quotes (YAML or legacy)
    Span key_span;        // the key as written (for nested YAML: the innermost key segment)
    Span value_span;      // the value as written, quotes included; empty span right after the key if none
    Span entry_span;      // key through value plus trailing comment, excluding the line break
    // For nested YAML: spans of every segment (outermost first); a flat key has one.
    std::vector<Span> path_spans;
};

enum class ConfigFormat {
    legacy,              // flink-conf.yaml: Flink's line parser
    yaml,                // config.yaml: standard YAML, nested keys flattened
    flink_deployment,    // spec.flinkConfiguration of a FlinkDeployment / FlinkSessionJob
    compose_properties,  // FLINK_PROPERTIES of a docker-compose service (legacy lines)
};

// A malformed legacy line Flink skips with a warning, or a YAML problem Flink refuses.
struct SyntaxIssue {
    enum class Kind {
        legacy_no_separator,  // no ": " on a non-comment line: Flink skips it
        legacy_empty_key,     // ": value"
        legacy_empty_value,   // "key: " (Flink skips it)
        yaml_error,           // the YAML does not parse: Flink refuses the file
        yaml_null_value,      // `key:` in config.yaml: Flink refuses the file
        yaml_duplicate_key,   // same key twice in one mapping: Flink's YAML loader refuses the file
        yaml_root_not_map,    // config.yaml whose root is not a mapping
        resource_limit,       // nesting, aliases or size beyond flinklint's bounds
        // A docker-compose `environment:` list item YAML reads as a mapping (`- A=b: c`): compose refuses it.
        compose_environment_not_string,
    };
    Kind kind;
    Span span;
    std::string message;
};

// One Flink configuration found in a file.
struct ConfigDocument {
    ConfigFormat format = ConfigFormat::legacy;
    std::string origin;  // human label: "flink-conf.yaml", "FlinkDeployment basic-example", "ConfigMap
                         // flink-config/config.yaml"
    std::vector<ConfigEntry> entries;  // in file order, duplicates kept (last one wins for legacy)
    std::vector<SyntaxIssue> issues;
    // For configs inside Kubernetes objects: index into ParsedFile::objects of the owner.
    std::optional<std::size_t> owner_object;
    // File name as Flink would see it (`flink-conf.yaml` or `config.yaml`), when known.
    std::string file_name;
    // Offsets of the embedded text are exact (literal block scalar or whole file): fixes allowed.
    bool spans_exact = true;
    // docker-compose FLINK_PROPERTIES: the service's `image:`, the Flink that reads the properties.
    Located image;
};

enum class FileFormat { legacy, yaml, kubernetes, compose, dockerfile, unknown };

// A volume of a docker-compose service: `./conf/flink-conf.yaml:/opt/flink/conf/flink-conf.yaml:ro` or the
// long syntax (`source:`/`target:`). The span is the whole entry as written.
struct ComposeMount {
    std::string source;  // host path or named volume; empty for an anonymous volume
    std::string target;  // the path inside the container
    Span span;
    bool read_only = false;  // `:ro` or `read_only: true`
};

// A docker-compose service: the words the image's entrypoint gets and what is mounted into it.
struct ComposeService {
    std::string where;  // "service jobmanager"
    Located image;
    std::vector<Located> entrypoint;  // `entrypoint:` as written; empty: the image's own entrypoint
    std::vector<Located> command;     // `command:` (a string or a list)
    std::vector<ComposeMount> mounts;
    std::vector<EnvVar> environment;  // `environment:` in either form (name, literal value)
    bool build = false;               // `build:`: the service runs an image built from a Dockerfile
    bool env_file = false;            // `env_file:`: variables from files flinklint does not read
    // The names compose's DNS answers for the service (its key, `container_name`, network `aliases`), and
    // its `hostname:`, which only the container itself knows.
    std::vector<std::string> dns_names;
    Located hostname;
    bool environment_invalid =
        false;                     // an `environment:` item compose refuses (FL005): the file does not load
    std::string build_context;     // `build: DIR` or `build.context`, as written ("." when only a map)
    std::string build_dockerfile;  // `build.dockerfile`, relative to the context; empty: `Dockerfile`
    Located memory_limit;          // `deploy.resources.limits.memory`, else `mem_limit`, as written
    bool extends = false;          // `extends:`: another service (maybe in another file) supplies the rest
};

struct ParsedFile {
    SourcePtr source;
    FileFormat format = FileFormat::unknown;
    std::vector<ConfigDocument> configs;
    std::vector<K8sObject> objects;
    std::vector<ComposeService> compose_services;
    Located dockerfile_image;  // a Dockerfile: the image its final stage is built FROM, ARGs substituted
    // A Dockerfile: its final stage (or a stage it is built FROM) sets an ENTRYPOINT other than the base
    // image's docker-entrypoint.sh.
    bool dockerfile_entrypoint = false;
    std::vector<SyntaxIssue> issues;  // file-level problems (YAML syntax error of a manifest)
    std::string skip_reason;          // non-empty: not a Flink file; said only with --verbose
    bool skip_said = false;           // ... or always: a template that may hold Flink settings
};

}  // namespace flinklint
