// FL106 config-file-ignored: a config file name the target Flink version does not load.
// Flink <= 1.18 reads only flink-conf.yaml; 1.19 and 1.20 read flink-conf.yaml if present, else
// config.yaml; 2.x reads only config.yaml.
#include <filesystem>

#include <fmt/format.h>

#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

// An image's version is said by FL827 (flink-conf-ignored-by-flink2) on the mount that reads the file.
bool explicit_version(const FlinkConfig& config) {
    return config.version_source() != VersionSource::default_version &&
           config.version_source() != VersionSource::image &&
           config.version_source() != VersionSource::file_keys;
}

// A flink-conf.yaml read together with `config`: a plain file in the same directory, or another
// key of the same ConfigMap.
const FlinkConfig* legacy_sibling(const Model& model, const FlinkConfig& config) {
    for (const FlinkConfig& other : model.configs()) {
        if (&other == &config || other.doc().file_name != "flink-conf.yaml") continue;
        // Flink looks for these exact names in its conf directory.
        const bool both_files =
            !other.doc().owner_object && !config.doc().owner_object &&
            other.doc().format == ConfigFormat::legacy &&
            std::filesystem::path(other.source()->path()).filename() == "flink-conf.yaml" &&
            std::filesystem::path(config.source()->path()).filename() == "config.yaml";
        const bool same_config_map = other.doc().owner_object && config.doc().owner_object &&
                                     &other.file() == &config.file() &&
                                     *other.doc().owner_object == *config.doc().owner_object;
        if (both_files || same_config_map) return &other;
    }
    return nullptr;
}

}  // namespace

void check_config_file_ignored(const Model& model, Reporter& reporter) {
    for (const FlinkConfig& config : model.configs()) {
        const std::string& name = config.doc().file_name;
        const FlinkVersion version = config.version();
        const Span span =
            config.entries().empty() ? first_line_span(*config.source()) : config.entries().front().key_span;
        if (name == "flink-conf.yaml" && version >= FlinkVersion{2, 0} && explicit_version(config)) {
            reporter.report({.source = config.source(),
                             .span = span,
                             .message = fmt::format("Flink {} (from {}) reads only config.yaml: this "
                                                    "flink-conf.yaml is ignored and every option keeps its "
                                                    "default",
                                                    version.str(), config.version_reason()),
                             .help =
                                 "convert the file to config.yaml (Flink ships bin/migrate-config-file.sh "
                                 "in 1.19 and 1.20)"});
        } else if (name == "config.yaml" && version < FlinkVersion{1, 19} && explicit_version(config)) {
            reporter.report({.source = config.source(),
                             .span = span,
                             .message = fmt::format("Flink {} (from {}) reads only flink-conf.yaml: this "
                                                    "config.yaml is ignored",
                                                    version.str(), config.version_reason()),
                             .help = "name the file flink-conf.yaml and write flat `key: value` lines"});
        } else if (name == "config.yaml" && version >= FlinkVersion{1, 19} && version < FlinkVersion{2, 0}) {
            if (const FlinkConfig* legacy = legacy_sibling(model, config)) {
                reporter.report(
                    {.source = config.source(),
                     .span = span,
                     .message = fmt::format("Flink {} reads flink-conf.yaml when it exists, so this "
                                            "config.yaml is ignored ({} is read instead)",
                                            version.str(), legacy->source()->path()),
                     .help = "keep one of the two files: config.yaml for new setups (migrate with "
                             "bin/migrate-config-file.sh), or flink-conf.yaml alone"});
            }
        }
    }
}

}  // namespace flinklint::rules
