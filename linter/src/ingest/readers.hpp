// The readers behind ingest(): standard YAML configs, Kubernetes manifests, compose files, and
// Flink text embedded in YAML scalars. Internal to the ingest layer.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "flinklint/document.hpp"
#include "flinklint/ingest.hpp"
#include "ingest/yaml_tree.hpp"

namespace flinklint::ingestion {

struct ConfigRead {
    std::vector<ConfigEntry> entries;
    std::vector<SyntaxIssue> issues;
    bool nested = false;  // operator style: a nested map, list or non-string scalar was seen
};

enum class FlattenStyle {
    flink_yaml,       // GlobalConfiguration: lists as flow YAML, null refuses the file
    operator_config,  // ConfigObjectNode.asFlatMap: scalars asText, lists joined with `;`, null -> "null"
};

// Flattens a mapping node: nested keys dot-joined; spans are offsets into `text`.
ConfigRead flatten_map(const YDoc& doc, std::size_t map, std::string_view text, FlattenStyle style,
                       const YamlLimits& limits);

// config.yaml: standard YAML, flattened as Flink 1.19+ reads it; spans are offsets into `text`.
ConfigRead read_yaml_config(std::string_view text, const YamlLimits& limits);

// Kubernetes manifests and docker-compose files: objects and configs appended to `file`.
void read_kubernetes(ParsedFile& file, const YamlLimits& limits);
void read_compose(ParsedFile& file, const YamlLimits& limits);
// A Dockerfile: the image of its final stage (ParsedFile::dockerfile_image), or a skip reason.
void read_dockerfile(ParsedFile& file, const YamlLimits& limits);

// Flink text inside a YAML scalar, with the way back from its offsets to the manifest's bytes.
struct EmbeddedText {
    std::string text;
    bool exact = false;  // offsets map to exact bytes (literal block scalar, or text written as is)
    Span scalar_span;    // the scalar as written: where every span goes when not exact
    struct Piece {
        std::size_t text_begin;
        std::size_t source_begin;
        std::size_t length;
    };
    std::vector<Piece> pieces;  // exact only: one per line of `text`

    [[nodiscard]] std::size_t map(std::size_t offset) const;
    [[nodiscard]] Span map(Span span) const;
    // The text after its first `n` bytes (`FLINK_PROPERTIES=` of a compose list entry).
    [[nodiscard]] EmbeddedText drop_prefix(std::size_t n) const;
};
EmbeddedText embedded_text(const YDoc& doc, std::size_t scalar, std::string_view source_text);

// Which reader suits embedded text: `flink-conf.yaml` legacy, `config.yaml` YAML, otherwise by
// content; nullopt when the text does not look like a Flink configuration.
std::optional<ConfigFormat> embedded_format(std::string_view name, std::string_view text);

// Parses embedded text with the legacy or YAML reader and maps every span back to the manifest.
ConfigDocument read_embedded_config(const EmbeddedText& embedded, ConfigFormat format,
                                    const YamlLimits& limits);

// FLINK_PROPERTIES of a container (entrypoint_properties.cpp): an official image from 1.19 on strips every
// whitespace character of each line and splits it at the first `:`; older images append it to
// flink-conf.yaml (read_embedded_config with the legacy reader).
bool image_strips_properties(std::string_view image);
ConfigDocument read_entrypoint_properties(const EmbeddedText& embedded);

// Format detection (format_detect.cpp); the file-name tests are in flinklint/ingest.hpp.
// Keys (flattened by indentation, without a YAML parse) that only Flink configurations use.
bool looks_like_flink_config(std::string_view text);
// Lines of `key: value` with a dotted key, no nesting and no YAML sequences.
bool is_flat_key_value_lines(std::string_view text);

// The first line that makes `text` a Helm chart template (template_detect.cpp): `{{-`/`-}}`, Helm's
// objects (`.Values`, `.Release`), an action opening a line, or (for YAML readers) a plain value.
std::optional<std::size_t> helm_template_line(std::string_view text, bool yaml_reader);

struct Detection {
    FileFormat format = FileFormat::unknown;
    std::string skip_reason;
    // A NUL byte in a file named as a Flink configuration: where it is (not read, an FL001 finding).
    std::optional<std::size_t> binary_at;
    bool skip_said = false;  // said even without --verbose: a file that may hold Flink settings
};
Detection detect_format(const Source& source, const IngestOptions& options);

}  // namespace flinklint::ingestion
