// `flinklint schema` and schemas/json/: the checked-in schemas are what the generator writes; the
// schemas compile under ajv's strict mode (scripts/install-schema-validator.sh); files flinklint
// finds clean validate, and the typo and wrong-type fixtures of the rule folders do not.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "cli/json_schema.hpp"
#include "dist_support.hpp"
#include "flinklint/option_descriptions.hpp"
#include "rule_folders.hpp"
#include "run_binary.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace flinklint;
using namespace flinklint::testing;
using nlohmann::json;

namespace {

json schema_of(cli::SchemaKind kind, FlinkVersion version) {
    auto schema = cli::json_schema(kind, version);
    EXPECT_TRUE(schema) << (schema ? "" : schema.error());
    return schema ? *schema : json();
}

// A definition `#/definitions/NAME` of `schema`, following one `allOf: [$ref]` indirection.
const json& definition(const json& schema, const std::string& name) {
    return schema.at("definitions").at(name);
}
const json& value_type(const json& schema, const json& property) {
    const std::string ref = property.at("allOf").at(0).at("$ref");
    return definition(schema, ref.substr(std::string("#/definitions/").size()));
}

fs::path validator() {
    return source_dir() / "tests" / "schema" / "validate.js";
}
bool have_ajv() {
    return have_tool("node") && fs::exists(source_dir() / "tests" / "schema" / "node_modules" / "ajv");
}

// The schema a rule fixture is checked against: its kind from the name, its version from the
// `# flinklint-test: flink-version=` line (else the default).
std::optional<fs::path> schema_for(const fs::path& file) {
    const std::string text = read_file(file);
    std::string version = kDefaultFlinkVersion.str();
    if (const auto at = text.find("flink-version="); at != std::string::npos)
        version = text.substr(at + 14, text.find_first_of(" \n", at) - at - 14);
    const std::string name = file.filename().string();
    const std::string kind = name == "config.yaml"       ? "config-yaml"
                             : name == "flink-conf.yaml" ? "flink-conf"
                                                         : "";
    const fs::path schema = source_dir() / "schemas" / "json" / ("flink-" + version + "-" + kind + ".json");
    if (kind.empty() || !fs::exists(schema)) return std::nullopt;
    return schema;
}

// `files`: quoted paths, each preceded by a space.
std::string validate(const fs::path& schema, const std::string& files) {
    const auto run =
        run_split("node '" + validator().string() + "' '" + schema.string() + "'" + files, source_dir());
    EXPECT_EQ(run.code, 0) << run.err;
    return run.out;
}

}  // namespace

TEST(JsonSchema, CheckedInSchemasAreWhatTheGeneratorWrites) {
    std::set<std::string> expected;
    for (const FlinkVersion version : kCatalogVersions) {
        for (const cli::SchemaKind kind : {cli::SchemaKind::config_yaml, cli::SchemaKind::flink_conf}) {
            if (cli::kind_unavailable(kind, version)) continue;
            const std::string name =
                "flink-" + version.str() + "-" + std::string(cli::to_string(kind)) + ".json";
            expected.insert(name);
            const auto run = run_flinklint(
                {"schema", "--flink-version", version.str(), "--kind", std::string(cli::to_string(kind))});
            ASSERT_EQ(run.exit_code, 0) << run.err;
            EXPECT_TRUE(run.out == read_file(source_dir() / "schemas" / "json" / name))
                << name << " is stale: run scripts/gen_json_schemas.sh";
        }
    }
    std::set<std::string> present;
    for (const auto& entry : fs::directory_iterator(source_dir() / "schemas" / "json"))
        present.insert(entry.path().filename().string());
    EXPECT_EQ(present, expected);
}

TEST(JsonSchema, KindsAFlinkVersionDoesNotReadAreUsageErrors) {
    auto run = run_flinklint({"schema", "--flink-version", "1.18", "--kind", "config-yaml"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("config.yaml arrived in 1.19"), std::string::npos) << run.err;
    run = run_flinklint({"schema", "--flink-version", "2.0", "--kind", "flink-conf"});
    EXPECT_EQ(run.exit_code, 2);
    run = run_flinklint({"schema", "--kind", "pom-xml"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_TRUE(run.out.empty());
}

TEST(JsonSchema, OptionsCarryTypeDefaultDescriptionAndDeprecation) {
    const json schema = schema_of(cli::SchemaKind::flink_conf, FlinkVersion{1, 20});
    const json& properties = schema.at("properties");
    const json& slots = properties.at("taskmanager.numberOfTaskSlots");
    EXPECT_EQ(slots.at("default"), 1);
    // Flink 1.20's description of the option (schemas/descriptions.tsv).
    EXPECT_EQ(slots.at("description"), option_description("taskmanager.numberOfTaskSlots", {1, 20}));
    EXPECT_TRUE(slots.at("description").get<std::string>().starts_with("The number of parallel operator"))
        << slots.at("description");
    EXPECT_EQ(value_type(schema, slots).at("anyOf").at(0).at("type"), "integer");
    // state.checkpoints.dir is a deprecated key of execution.checkpointing.dir in 1.20 (docs/catalogs.md).
    const json& old_dir = properties.at("state.checkpoints.dir");
    EXPECT_EQ(old_dir.at("deprecated"), true);
    EXPECT_NE(old_dir.at("deprecationMessage").get<std::string>().find("`execution.checkpointing.dir`"),
              std::string::npos);
    const json& mode = value_type(schema, properties.at("execution.checkpointing.mode"));
    EXPECT_EQ(mode.at("anyOf").at(0).at("enum"), json({"EXACTLY_ONCE", "AT_LEAST_ONCE"}));
    EXPECT_EQ(schema.at("additionalProperties"), false);
    EXPECT_TRUE(schema.at("patternProperties").contains(R"(^metrics\.reporter\.[^.]+\.factory\.class$)"));
}

TEST(JsonSchema, ConfigYamlTakesFlatNestedAndMixedKeys) {
    const json schema = schema_of(cli::SchemaKind::config_yaml, FlinkVersion{2, 0});
    EXPECT_TRUE(schema.at("properties").contains("taskmanager.memory.process.size"));
    EXPECT_TRUE(schema.at("properties").contains("taskmanager"));
    const json& taskmanager = definition(schema, "taskmanager");
    EXPECT_TRUE(taskmanager.at("properties").contains("memory.process.size"));
    EXPECT_TRUE(taskmanager.at("properties").contains("memory"));
    EXPECT_TRUE(definition(schema, "taskmanager.memory").at("properties").contains("process.size"));
}

TEST(JsonSchema, ResourceKindsTypeFlinkConfigurationByTheCatalog) {
    const json schema = schema_of(cli::SchemaKind::flinkdeployment, FlinkVersion{1, 20});
    EXPECT_EQ(schema.at("properties").at("kind").at("const"), "FlinkDeployment");
    const json& spec = schema.at("properties").at("spec");
    EXPECT_EQ(spec.at("properties").at("flinkConfiguration").at("$ref"), "#/definitions/flinkConfiguration");
    EXPECT_TRUE(spec.at("properties").at("job").at("properties").at("upgradeMode").contains("enum"));
    EXPECT_TRUE(
        definition(schema, "flinkConfiguration").at("properties").contains("taskmanager.numberOfTaskSlots"));
    const json job = schema_of(cli::SchemaKind::flinksessionjob, FlinkVersion{2, 2});
    EXPECT_TRUE(job.at("properties").at("spec").at("properties").contains("deploymentName"));
}

TEST(JsonSchema, SchemasCompileUnderAjvStrictMode) {
    FLINKLINT_NEED(have_ajv(), "ajv is not installed (scripts/install-schema-validator.sh)");
    const TempDir scratch;
    std::string files;
    for (const auto& entry : fs::directory_iterator(source_dir() / "schemas" / "json"))
        files += " '" + entry.path().string() + "'";
    for (const char* kind : {"flinkdeployment", "flinksessionjob"}) {
        const fs::path out = scratch.path() / (std::string(kind) + ".json");
        ASSERT_EQ(run_flinklint({"schema", "--kind", kind, "--output", out.string()}).exit_code, 0);
        files += " '" + out.string() + "'";
    }
    const auto run = run_split("node '" + validator().string() + "' --compile" + files, source_dir());
    EXPECT_EQ(run.code, 0) << run.err;
}

TEST(JsonSchema, CleanRuleFixturesValidate) {
    FLINKLINT_NEED(have_ajv(), "ajv is not installed (scripts/install-schema-validator.sh)");
    // One validator run per schema: compiling a config.yaml schema is most of the cost.
    std::map<fs::path, std::string> files_by_schema;
    for (const auto& entry : fs::recursive_directory_iterator(source_dir() / "linter" / "src" / "rules")) {
        if (entry.path().parent_path().filename() != "no-hit") continue;
        const auto schema = schema_for(entry.path());
        if (!schema) continue;
        // Clean: flinklint read the file and reports nothing (a skipped template is not clean).
        const RunResult run = run_flinklint({"check", entry.path().string()});
        if (run.exit_code != 0 || run.err.find("skipped:") != std::string::npos) continue;
        files_by_schema[*schema] += " '" + entry.path().string() + "'";
    }
    int checked = 0;
    for (const auto& [schema, files] : files_by_schema) {
        std::istringstream lines(validate(schema, files));
        for (std::string line; std::getline(lines, line);) {
            if (line.find("YAML:") != std::string::npos) continue;  // a legacy file need not be YAML
            EXPECT_TRUE(line.starts_with("valid ")) << line;
            ++checked;
        }
    }
    EXPECT_GE(checked, 30);
}

TEST(JsonSchema, TypoAndWrongTypeFixturesFail) {
    FLINKLINT_NEED(have_ajv(), "ajv is not installed (scripts/install-schema-validator.sh)");
    // One validator run per schema, as above: compiling a schema is most of the cost.
    std::map<fs::path, std::string> files_by_schema;
    const auto folders = rule_folders();
    for (const char* rule : {"FL101-unknown-key", "FL102-invalid-value", "FL103-invalid-enum-value"}) {
        ASSERT_TRUE(folders.contains(rule)) << rule;
        for (const char* name : {"config.yaml", "flink-conf.yaml"}) {
            const fs::path file = folders.at(rule) / "hit" / name;
            const auto schema = schema_for(file);
            ASSERT_TRUE(schema) << file;
            files_by_schema[*schema] += " '" + file.string() + "'";
        }
    }
    int checked = 0;
    for (const auto& [schema, files] : files_by_schema) {
        std::istringstream lines(validate(schema, files));
        for (std::string line; std::getline(lines, line);) {
            EXPECT_TRUE(line.starts_with("invalid ")) << line;
            ++checked;
        }
    }
    EXPECT_EQ(checked, 6);
}
