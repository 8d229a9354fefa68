// Scalars written into a config.yaml so that Flink reads back exactly the intended text. Flink 1.19+
// loads config.yaml with snakeyaml-engine's YAML 1.2 core schema (YamlParserUtils, FLINK-34257) and
// reads a String option from the toString() of what it constructed, so a plain `0x10` becomes `16`,
// `True` becomes `true` and `Null` refuses the file. Shared by every writer (tuner, migrate).
#pragma once

#include <string>
#include <string_view>

namespace flinklint {

// Would the core schema give this plain scalar a type other than string (null, bool, int, float)?
bool typed_in_core_schema(std::string_view text);

// True when a plain YAML 1.2 scalar reads as the string `text` itself: no syntax, no type (or a
// number or boolean whose Java text is `text`), and no YAML 1.1 boolean (`yes`, `on`: booleans to
// the YAML 1.1 readers of Kubernetes tooling).
bool plain_is_verbatim(std::string_view text);

// `text` single-quoted, `'` doubled.
std::string yaml_single_quoted(std::string_view text);

}  // namespace flinklint
