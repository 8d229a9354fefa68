// Flink's YamlParserUtilsTest (flink-core, org.apache.flink.configuration) read as properties of what
// flinklint WRITES into a config.yaml: every value the tuner (`tune --emit config-yaml`, its patches)
// and `flinklint migrate` write must be read back by Flink 1.19+ (snakeyaml-engine, YAML 1.2 core
// schema: YamlParserUtils#loadYamlFile, then the Java text of what it constructed) as the intended
// text. flinklint's own config.yaml reader is the oracle: tests/unit/model/flink_parser_spec_test.cpp
// holds it to YamlParserUtilsTest#testLoadYamlFile and #testYaml12Features.
//   #testToYAMLString: toYAMLString quotes the list items `*`, `123`, `true` ("should be escaped"),
//   writes an Integer and a Boolean plain. #testConvertToObject: `true` is a Boolean, `[a, b, c]` a
//   list, `{k1: v1, k2: v2}` a map. #testDumpNestedYamlFromFlatMap (2.x): the Strings `*`, `1`, `true`
//   are written quoted; `{item1, item2, item3}` and `[{k5: v5}, {k6: v6}]` as Strings too.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "flinklint/ingest.hpp"
#include "flinklint/tuner/output.hpp"
#include "flinklint/values.hpp"
#include "tuner/migrate/src/yaml_value.hpp"

namespace flinklint {
namespace {

struct ReadBack {
    std::string value;  // the Java text Flink gets for the key
    ValueKind kind = ValueKind::string;
    bool refused = false;  // the file does not load, or the key is missing
};

ReadBack read_back(const std::string& written) {
    const ParsedFile file = ingest(std::make_shared<const Source>("config.yaml", "key: " + written + "\n"),
                                   IngestOptions{.forced_format = FileFormat::yaml});
    if (file.configs.size() != 1 || !file.configs[0].issues.empty() || file.configs[0].entries.size() != 1)
        return {.refused = true};
    const ConfigEntry& entry = file.configs[0].entries[0];
    if (entry.key != "key" || entry.kind == ValueKind::null) return {.refused = true};
    return {entry.value, entry.kind};
}

// Strings a writer may be asked to write, each a trap for a plain scalar: the YAML 1.2 core schema
// types (YamlParserUtilsTest#testYaml12Features), YAML 1.1 words (quoted for Kubernetes tooling),
// flow and block indicators, comments, the escapes of testToYAMLString and testDumpNestedYamlFromFlatMap.
const std::vector<std::string> kStrings = {
    // plain text: stays plain
    "localhost",
    "1728m",
    "10 s",
    "EXACTLY_ONCE",
    "-XX:+UseG1GC -Dx=y",
    "s3://bucket/path",
    "http://h:8081/p",
    "a b",
    "org.apache.flink.Foo$Bar",
    "1_000",
    "0b101",
    "1:00",
    "Yes",
    "y",
    "on",
    // typed in the core schema: the Java text of the typed value differs, or it is not a String
    "null",
    "Null",
    "NULL",
    "~",
    "true",
    "True",
    "TRUE",
    "false",
    "FALSE",
    "0x10",
    "0o10",
    "010",
    "+1",
    "-0",
    "1e3",
    "1.50",
    ".5",
    "1.",
    ".inf",
    "-.Inf",
    ".nan",
    "123",
    "1",
    "4",
    // YAML 1.1 booleans (a string in YAML 1.2, but not to Kubernetes tooling)
    "yes",
    "no",
    "off",
    "Off",
    "n",
    "Y",
    // syntax: indicators, comments, flow collections, quotes, blanks
    "*",
    "&a",
    "!tag",
    "|",
    ">",
    "%x",
    "@x",
    "`x",
    "? x",
    "- x",
    "-",
    ":",
    "a: b",
    "a #b",
    "a:",
    "#x",
    "[a, b, c]",
    "{k1: v1, k2: v2}",
    "{item1, item2, item3}",
    "[{k5: v5}, {k6: v6}]",
    "'q'",
    "\"q\"",
    "it's",
    " lead",
    "trail ",
    "",
    "a,b",
    "x]",
};

void expect_round_trip(const char* writer, std::string (*write)(std::string_view)) {
    for (const std::string& text : kStrings) {
        const std::string written = write(text);
        const ReadBack read = read_back(written);
        EXPECT_FALSE(read.refused) << writer << " wrote `" << text << "` as `" << written
                                   << "`: Flink refuses it";
        EXPECT_EQ(read.value, text) << writer << " wrote `" << text << "` as `" << written << "`";
        // Numbers and booleans that read back as their own text are fine for any option type;
        // a String option reads them through toString(), which is the same text.
        if (read.kind != ValueKind::string) {
            EXPECT_TRUE(read.kind == ValueKind::integer || read.kind == ValueKind::boolean ||
                        read.kind == ValueKind::floating)
                << writer << ": `" << written << "`";
        }
    }
}

TEST(YamlWritersSpec, TunerScalarsReadBackAsWritten) {
    expect_round_trip("tuner::yaml_scalar", [](std::string_view v) { return tuner::yaml_scalar(v); });
}

TEST(YamlWritersSpec, MigrateScalarsReadBackAsWritten) {
    expect_round_trip("migrate::yaml_scalar", [](std::string_view v) { return migrate::yaml_scalar(v); });
    expect_round_trip("migrate::yaml_scalar_quoted",
                      [](std::string_view v) { return migrate::yaml_scalar_quoted(v); });
}

// testToYAMLString's list ["*", "123", "true"] is written `['*', '123', 'true']`: `*` must be quoted
// (an alias otherwise). migrate writes the legacy list `*;123;true` with `*` quoted and `123`, `true`
// plain: a List<String> option converts each item with toString() (ConfigurationUtils#convertValue),
// so Flink reads "*", "123", "true", the items the legacy parser read.
TEST(YamlWritersSpec, ListItemsReadBackAsTheLegacyItems) {
    const auto rewrite = migrate::legacy_value_as_yaml("*;123;true", OptionType::list_string);
    ASSERT_TRUE(rewrite);
    EXPECT_EQ(rewrite->text, "['*', 123, true]");
    const ReadBack read = read_back(rewrite->text);
    EXPECT_EQ(read.kind, ValueKind::list);
    EXPECT_EQ(read.value, "['*', 123, true]");  // Flink's toYAMLString of the list it read
    const auto items = parse_list("'*';123;true");
    ASSERT_TRUE(items.ok());
    EXPECT_EQ(*items, (std::vector<std::string>{"*", "123", "true"}));
}

// testConvertToObject: `true` is a Boolean, `[a, b, c]` a List, `{k1: v1, k2: v2}` a Map (flattened
// into k1 and k2 under the key when it is a file's value, as GlobalConfiguration#flatten does).
TEST(YamlWritersSpec, ConvertToObject) {
    EXPECT_EQ(read_back("test").value, "test");
    EXPECT_EQ(read_back("true").kind, ValueKind::boolean);
    const ReadBack list = read_back("[a, b, c]");
    EXPECT_EQ(list.kind, ValueKind::list);
    EXPECT_EQ(list.value, "[a, b, c]");
    const ParsedFile map = ingest(std::make_shared<const Source>("config.yaml", "key: {k1: v1, k2: v2}\n"),
                                  IngestOptions{.forced_format = FileFormat::yaml});
    ASSERT_EQ(map.configs.size(), 1u);
    ASSERT_EQ(map.configs[0].entries.size(), 2u);
    EXPECT_EQ(map.configs[0].entries[0].key, "key.k1");
    EXPECT_EQ(map.configs[0].entries[1].value, "v2");
}

}  // namespace
}  // namespace flinklint
