// Ingest: bytes -> documents. Detects the format and runs the matching reader.
#pragma once

#include <optional>
#include <string_view>

#include "flinklint/document.hpp"

namespace flinklint {

struct IngestOptions {
    std::optional<FileFormat> forced_format;  // --format-of legacy|yaml|k8s|compose
    std::size_t max_nodes = 1'000'000;        // YAML nodes visited per file (alias bombs)
    int max_depth = 64;                       // YAML nesting depth
};

// Never throws: every problem becomes a SyntaxIssue or a skip_reason.
ParsedFile ingest(SourcePtr source, const IngestOptions& options = {});

// The individual readers (also used for text embedded in ConfigMaps and compose files).
// Legacy `flink-conf.yaml` lines, Flink's semantics; spans are offsets into `text`.
struct LegacyParse {
    std::vector<ConfigEntry> entries;
    std::vector<SyntaxIssue> issues;
};
LegacyParse parse_legacy_config(std::string_view text);

// The name Flink would know the file by: the last path segment, and for corpora that flatten
// paths with `__` (`owner__repo__conf__flink-conf.yaml`) the part after the last `__`.
std::string_view flink_file_name(std::string_view path);
bool is_legacy_file_name(std::string_view name);  // flink-conf.yaml / flink-conf.yml
bool is_yaml_file_name(std::string_view name);    // config.yaml / config.yml
// `Dockerfile`, `Containerfile`, `Dockerfile.flink`, `flink.Dockerfile` (any case): read for its FROM.
bool is_dockerfile_name(std::string_view path);
// A file in a build's resources folder (`src/main/resources/`, `src/test/resources/`; `__` of flattened
// corpus paths counts as `/`): packaged into a job jar for a MiniCluster, not read by a cluster's start
// scripts.
bool in_build_resources(std::string_view path);

// `legacy`, `yaml`, `k8s` (or `kubernetes`), `compose`; nullopt for anything else.
std::optional<FileFormat> parse_file_format(std::string_view name);

}  // namespace flinklint
