// JSON Schemas of Flink configuration files, generated from the option catalogs, for editors
// (yaml-language-server and the IDEs built on it): `flinklint schema` and schemas/json/.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "flinklint/catalog.hpp"
#include "flinklint/expected.hpp"
#include "flinklint/version.hpp"

namespace flinklint::cli {

enum class SchemaKind { config_yaml, flink_conf, flinkdeployment, flinksessionjob };

inline constexpr SchemaKind kSchemaKinds[] = {SchemaKind::config_yaml, SchemaKind::flink_conf,
                                              SchemaKind::flinkdeployment, SchemaKind::flinksessionjob};

std::string_view to_string(SchemaKind kind);  // "config-yaml", "flink-conf", ...
std::optional<SchemaKind> parse_schema_kind(std::string_view text);

// Why Flink `version` has no file of `kind` (config.yaml arrived in 1.19, flink-conf.yaml left in
// 2.0); nullopt when it has one.
std::optional<std::string> kind_unavailable(SchemaKind kind, FlinkVersion version);

// The draft-07 schema of `kind` for `version`, or why there is none.
Expected<nlohmann::json> json_schema(SchemaKind kind, FlinkVersion version);

// The schema of one option's value as Flink `version` converts it: the YAML scalar types an editor
// sees, and strings in the patterns Flink's parsers accept (json_schema_values.cpp).
nlohmann::json value_schema(const OptionInfo& option, FlinkVersion version);
// `value_schema` plus the annotations: default, deprecated and its replacement, hidden when internal.
nlohmann::json option_schema(const Catalog& catalog, const OptionInfo& option, FlinkVersion version);
// The schema of a key Flink reads in place of `option` (a deprecated or fallback key).
nlohmann::json alias_schema(const OptionInfo& option, std::string_view alias, bool deprecated,
                            FlinkVersion version);

}  // namespace flinklint::cli
