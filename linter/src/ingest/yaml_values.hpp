// What a YAML value is to Flink: the YAML 1.2 core-schema type of a scalar (snakeyaml-engine),
// the string Java prints for it, and the flow-style text Flink stores for a list.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "flinklint/document.hpp"
#include "ingest/yaml_tree.hpp"

namespace flinklint::ingestion {

// Core-schema type of a plain scalar (`yes`, `on` are strings; `0x10` is an int).
ValueKind core_schema_kind(std::string_view plain);

// The kind of a scalar node: core schema for plain scalars, the explicit tag when there is one,
// string for quoted and block scalars.
ValueKind scalar_kind(const YNode& node);

// Whether Flink's YAML loader can construct a node with this explicit tag (empty: no tag). Flink
// 1.19+ loads config.yaml with snakeyaml-engine's core schema (YamlParserUtils, FLINK-34257): a tag
// with no constructor there (`!!timestamp`, `!!omap`, a local `!custom`) refuses the whole file, as
// YamlParserUtilsTest#testYaml12Features asserts for `!!timestamp`.
bool constructible_tag(std::string_view tag);

// The text Java's toString gives for the value Flink constructs: `0x10` -> `16`, `True` -> `true`,
// `1e3` -> `1000.0`; strings unchanged.
std::string java_text(ValueKind kind, std::string_view text);

// Counts nodes visited while flattening (alias bombs share nodes, so visits are what is bounded),
// and the bytes of keys and values they expand to (a large scalar behind many aliases is few nodes).
struct Budget {
    std::size_t left = 0;
    std::size_t bytes_left = SIZE_MAX;
    bool exhausted = false;
    bool take() {
        if (left == 0) {
            exhausted = true;
            return false;
        }
        --left;
        return true;
    }
    bool take_bytes(std::size_t bytes) {
        if (bytes > bytes_left) {
            exhausted = true;
            return false;
        }
        bytes_left -= bytes;
        return true;
    }
};

// Flow-style YAML text of a node, as Flink's YamlParserUtils.toYAMLString prints a list: `[a, b, c]`.
std::string flow_text(const YDoc& doc, std::size_t index, Budget& budget, int depth_left);

}  // namespace flinklint::ingestion
