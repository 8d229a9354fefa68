// Flink's own parser tests, transcribed case by case (docs/precision.md, "Issue 17 audit"): where
// Flink reads a line, flinklint reads the same key and value; where Flink skips it, flinklint has an
// issue (which the rules report) and no entry.
//   GlobalConfigurationTest#testConfigurationYAML and #testHiddenKey (flink-core, the legacy
//   flink-conf.yaml line parser of 1.x, kept as the "legacy" branch of the parameterized test in 1.19
//   and 1.20), YamlParserUtilsTest#testLoadYamlFile and its two exception cases (1.19+ config.yaml),
//   StructuredOptionsSplitterTest#getSpecs (lists and maps, every version).
#include <gtest/gtest.h>

#include <cctype>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "flinklint/ingest.hpp"
#include "flinklint/model.hpp"
#include "flinklint/values.hpp"

namespace flinklint {
namespace {

TEST(GlobalConfigurationTest, ConfigurationYaml) {
    struct Line {
        const char* text;
        std::optional<std::pair<const char*, const char*>> read;  // key, value; nullopt: skipped
        bool silent = false;                                      // skipped without a warning
    };
    const std::vector<Line> lines = {
        {"###########################", std::nullopt, true},
        {"# Some : comments : to skip", std::nullopt, true},
        {"mykey1: myvalue1", {{"mykey1", "myvalue1"}}},
        {"mykey2       : myvalue2", {{"mykey2", "myvalue2"}}},
        {"mykey3:myvalue3", std::nullopt},
        {" some nonsense without colon and whitespace separator", std::nullopt},
        {" :  ", std::nullopt},
        {"   ", std::nullopt, true},
        {" ", std::nullopt, true},
        {"mykey4: myvalue4# some comments", {{"mykey4", "myvalue4"}}},
        {"   mykey5    :    myvalue5    ", {{"mykey5", "myvalue5"}}},
        {"mykey6: my: value6", {{"mykey6", "my: value6"}}},
        {"mykey7: ", std::nullopt},
        {": myvalue8", std::nullopt},
        {"mykey9: myvalue9", {{"mykey9", "myvalue9"}}},
        {"mykey9: myvalue10", {{"mykey9", "myvalue10"}}},
    };
    for (const Line& line : lines) {
        const LegacyParse parsed = parse_legacy_config(std::string(line.text) + "\n");
        if (line.read) {
            ASSERT_EQ(parsed.entries.size(), 1u) << line.text;
            EXPECT_EQ(parsed.entries[0].key, line.read->first) << line.text;
            EXPECT_EQ(parsed.entries[0].value, line.read->second) << line.text;
            EXPECT_TRUE(parsed.issues.empty()) << line.text;
        } else {
            EXPECT_TRUE(parsed.entries.empty()) << line.text;
            EXPECT_EQ(parsed.issues.size(), line.silent ? 0u : 1u) << line.text;
        }
    }
    // The whole file: six distinct keys, the last mykey9 wins.
    std::string file;
    for (const Line& line : lines) file += std::string(line.text) + "\n";
    std::map<std::string, std::string> read;
    for (const ConfigEntry& entry : parse_legacy_config(file).entries) read[entry.key] = entry.value;
    EXPECT_EQ(read.size(), 6u);
    EXPECT_EQ(read["mykey9"], "myvalue10");
}

// GlobalConfigurationTest#testHiddenKey: the 6 cases of the 1.x test and the 13 the test gained with
// the longer SENSITIVE_KEYS list (password, secret, fs.azure.account.key, apikey, auth-params,
// service-key, token, basic-auth, jaas.config, http-headers). Flink masks them in its logs;
// flinklint never prints their values (is_secret_key) and FL901 reads the same list (is_sensitive_key).
TEST(GlobalConfigurationTest, HiddenKey) {
    for (const char* key :
         {"password123", "123pasSword", "PasSword", "Secret",
          "fs.azure.account.key.storageaccount123456.core.windows.net", "polaris.client-secret",
          "client-secret", "service-key-json", "auth.basic.password", "auth.basic.token",
          "avro-confluent.basic-auth.user-info", "key.avro-confluent.basic-auth.user-info",
          "value.avro-confluent.basic-auth.user-info", "kafka.jaas.config",
          "properties.ssl.truststore.password", "properties.ssl.keystore.password",
          "metrics.reporter.dghttp.apikey"}) {
        EXPECT_TRUE(is_sensitive_key(key)) << key;
        EXPECT_TRUE(is_secret_key(key)) << key;
    }
    EXPECT_FALSE(is_sensitive_key("Hello"));
    EXPECT_FALSE(is_secret_key("Hello"));
}

// GlobalConfiguration#isSensitive is a case-insensitive substring match of each marker: every key
// that holds one anywhere is hidden, whatever surrounds it.
TEST(GlobalConfigurationTest, EverySensitiveMarkerIsMasked) {
    for (const char* marker : {"password", "secret", "fs.azure.account.key", "apikey", "auth-params",
                               "service-key", "token", "basic-auth", "jaas.config", "http-headers"}) {
        for (const std::string& key : {std::string(marker), "x." + std::string(marker) + ".y",
                                       "PREFIX" + std::string(marker) + "SUFFIX"}) {
            std::string upper = key;
            for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            EXPECT_TRUE(is_sensitive_key(key)) << key;
            EXPECT_TRUE(is_sensitive_key(upper)) << upper;
            EXPECT_TRUE(is_secret_key(key)) << key;
        }
    }
}

// GlobalConfigurationTest#testInvalidYamlFile: a flink-conf.yaml holding `invalid` still loads (the
// line is skipped with a warning): flinklint reads no entry and reports the skipped line.
TEST(GlobalConfigurationTest, InvalidYamlFileStillLoads) {
    const LegacyParse parsed = parse_legacy_config("invalid");
    EXPECT_TRUE(parsed.entries.empty());
    ASSERT_EQ(parsed.issues.size(), 1u);
    EXPECT_EQ(parsed.issues[0].kind, SyntaxIssue::Kind::legacy_no_separator);
}

TEST(YamlParserUtilsTest, LoadYamlFile) {
    const ParsedFile file = ingest(std::make_shared<const Source>("config.yaml",
                                                                  "key1: value1\n"
                                                                  "key2: \n"
                                                                  "  subKey1: value2\n"
                                                                  "key3: [a, b, c]\n"
                                                                  "key4: {k1: v1, k2: v2, k3: v3}\n"
                                                                  "key5: '*'\n"
                                                                  "key6: true\n"
                                                                  "key7: 'true'\n"),
                                   IngestOptions{.forced_format = FileFormat::yaml});
    ASSERT_EQ(file.configs.size(), 1u);
    EXPECT_TRUE(file.configs[0].issues.empty());
    std::map<std::string, const ConfigEntry*> read;
    for (const ConfigEntry& entry : file.configs[0].entries) read[entry.key] = &entry;
    ASSERT_EQ(read.size(), 9u);  // a nested mapping is flattened as GlobalConfiguration#flatten does
    EXPECT_EQ(read["key1"]->value, "value1");
    EXPECT_EQ(read["key2.subKey1"]->value, "value2");
    EXPECT_EQ(read["key3"]->kind, ValueKind::list);
    EXPECT_EQ(read["key3"]->value, "[a, b, c]");  // YamlParserUtils.toYAMLString of the list
    EXPECT_EQ(read["key4.k1"]->value, "v1");
    EXPECT_EQ(read["key4.k3"]->value, "v3");
    EXPECT_EQ(read["key5"]->value, "*");
    EXPECT_EQ(read["key6"]->kind, ValueKind::boolean);
    EXPECT_EQ(read["key7"]->kind, ValueKind::string);
    EXPECT_EQ(read["key7"]->value, "true");
}

// Both refusals are errors whose message never shows the values (Flink's test: "doesNotContain").
TEST(YamlParserUtilsTest, InvalidSyntaxAndDuplicateKeysAreErrorsWithoutTheValues) {
    const IngestOptions yaml{.forced_format = FileFormat::yaml};
    const ParsedFile syntax =
        ingest(std::make_shared<const Source>("config.yaml", "key: value: secret\n"), yaml);
    ASSERT_EQ(syntax.configs.size(), 1u);
    ASSERT_FALSE(syntax.configs[0].issues.empty());
    EXPECT_EQ(syntax.configs[0].issues[0].kind, SyntaxIssue::Kind::yaml_error);
    EXPECT_EQ(syntax.configs[0].issues[0].message.find("secret"), std::string::npos);
    const ParsedFile duplicate =
        ingest(std::make_shared<const Source>("config.yaml", "key: secret1\nkey: secret2\n"), yaml);
    ASSERT_EQ(duplicate.configs.size(), 1u);
    ASSERT_FALSE(duplicate.configs[0].issues.empty());
    EXPECT_EQ(duplicate.configs[0].issues[0].kind, SyntaxIssue::Kind::yaml_duplicate_key);
    EXPECT_EQ(duplicate.configs[0].issues[0].message.find("secret"), std::string::npos);
}

const ConfigDocument* read_config_yaml(const ParsedFile& file) {
    return file.configs.size() == 1 ? &file.configs[0] : nullptr;
}

// YamlParserUtilsTest#testYaml12Features (FLINK-34257, snakeyaml-engine, in 1.19.0 and later): YAML
// 1.2 core schema, not YAML 1.1. `Yes`, `y`, `on`, `1_000`, `0b101`, `1:00` are strings; `010` is
// 10, `0o10` is 8; the !!timestamp tag is refused.
TEST(YamlParserUtilsTest, Yaml12Features) {
    const ParsedFile file = ingest(std::make_shared<const Source>("config.yaml",
                                                                  "key1: Yes\n"
                                                                  "key2: y\n"
                                                                  "key3: on\n"
                                                                  "underline: 1_000\n"
                                                                  "octal1: 010\n"
                                                                  "octal2: 0o10\n"
                                                                  "binary: 0b101\n"
                                                                  "sexagesimal: 1:00\n"),
                                   IngestOptions{.forced_format = FileFormat::yaml});
    const ConfigDocument* doc = read_config_yaml(file);
    ASSERT_NE(doc, nullptr);
    EXPECT_TRUE(doc->issues.empty());
    std::map<std::string, const ConfigEntry*> read;
    for (const ConfigEntry& entry : doc->entries) read[entry.key] = &entry;
    for (const auto& [key, text] :
         std::vector<std::pair<std::string, std::string>>{{"key1", "Yes"},
                                                          {"key2", "y"},
                                                          {"key3", "on"},
                                                          {"underline", "1_000"},
                                                          {"binary", "0b101"},
                                                          {"sexagesimal", "1:00"}}) {
        ASSERT_TRUE(read.count(key)) << key;
        EXPECT_EQ(read[key]->kind, ValueKind::string) << key;
        EXPECT_EQ(read[key]->value, text) << key;
    }
    EXPECT_EQ(read["octal1"]->kind, ValueKind::integer);
    EXPECT_EQ(read["octal1"]->value, "10");
    EXPECT_EQ(read["octal2"]->kind, ValueKind::integer);
    EXPECT_EQ(read["octal2"]->value, "8");
    const ParsedFile timestamp =
        ingest(std::make_shared<const Source>("config.yaml", "key: !!timestamp 2001-12-15T02:59:43.1Z\n"),
               IngestOptions{.forced_format = FileFormat::yaml});
    const ConfigDocument* refused = read_config_yaml(timestamp);
    ASSERT_NE(refused, nullptr);
    EXPECT_FALSE(refused->issues.empty());
}

// YamlParserUtilsTest#testLoadEmptyYamlFile: an empty file is an empty configuration, not an error.
TEST(YamlParserUtilsTest, LoadEmptyYamlFile) {
    const ParsedFile file = ingest(std::make_shared<const Source>("config.yaml", ""),
                                   IngestOptions{.forced_format = FileFormat::yaml});
    for (const ConfigDocument& doc : file.configs) {
        EXPECT_TRUE(doc.entries.empty());
        EXPECT_TRUE(doc.issues.empty());
    }
}

// ConfigurationTest#testFallbackKeys and #testFallbackAndDeprecatedKeys (1.19/1.20 @TestTemplate,
// both readings), on real options of the 1.20 catalog: `rest.bind-port` falls back to `rest.port` and
// has the deprecated keys `web.port`, `jobmanager.web.port` (RestOptions); fallback keys are read
// before deprecated keys whatever the declaration order, each list in its order.
std::optional<std::string> option_value(const std::string& file, const char* option) {
    std::vector<ParsedFile> parsed;
    parsed.push_back(ingest(std::make_shared<const Source>("conf/flink-conf.yaml", file)));
    const Model model(std::move(parsed), ModelOptions{.forced_version = FlinkVersion{1, 20}});
    if (model.configs().size() != 1) return std::string("(no configuration)");
    return model.configs()[0].value(option);
}

TEST(ConfigurationTest, FallbackAndDeprecatedKeys) {
    EXPECT_EQ(option_value("rest.port: 1\n", "rest.bind-port"), "1");                     // the fallback key
    EXPECT_EQ(option_value("web.port: 2\n", "rest.bind-port"), "2");                      // a deprecated key
    EXPECT_EQ(option_value("web.port: 2\nrest.port: 1\n", "rest.bind-port"), "1");        // fallback first
    EXPECT_EQ(option_value("rest.bind-port: 3\nrest.port: 1\n", "rest.bind-port"), "3");  // the key first
    EXPECT_EQ(option_value("web.port: 2\njobmanager.web.port: 4\n", "rest.bind-port"), "2");  // in order
    EXPECT_EQ(option_value("jobmanager.web.port: 4\n", "rest.bind-port"), "4");
    EXPECT_EQ(option_value("parallelism.default: 1\n", "rest.bind-port"), std::nullopt);  // not contained
}

TEST(StructuredOptionsSplitterTest, SplitsWithSemicolons) {
    using Strings = std::vector<std::string>;
    const std::vector<std::pair<const char*, std::optional<Strings>>> specs = {
        // single quotes
        {"'A;B';C", Strings{"A;B", "C"}},
        {"'A;B';'C'", Strings{"A;B", "C"}},
        {"A;B;C", Strings{"A", "B", "C"}},
        {"'AB''D;B';C", Strings{"AB'D;B", "C"}},
        {"A'BD;B';C", Strings{"A'BD", "B'", "C"}},
        {"'AB'D;B;C", std::nullopt},  // Illegal quoting at position: 3
        {"'A", std::nullopt},         // Quoting was not closed properly
        {"C;'", std::nullopt},
        // double quotes
        {"\"A;B\";C", Strings{"A;B", "C"}},
        {"\"A;B\";\"C\"", Strings{"A;B", "C"}},
        {"\"AB\"\"D;B\";C", Strings{"AB\"D;B", "C"}},
        {"A\"BD;B\";C", Strings{"A\"BD", "B\"", "C"}},
        {"\"AB\"D;B;C", std::nullopt},
        {"\"A", std::nullopt},
        {"C;\"", std::nullopt},
        // mixed quoting
        {"'AB\"D';B;C", Strings{"AB\"D", "B", "C"}},
        {"'AB\"D;B';C", Strings{"AB\"D;B", "C"}},
        {"'AB\"''D;B';C", Strings{"AB\"'D;B", "C"}},
        {"\"AB'D\";B;C", Strings{"AB'D", "B", "C"}},
        {"\"AB'D;B\";C", Strings{"AB'D;B", "C"}},
        {"\"AB'\"\"D;B\";C", Strings{"AB'\"D;B", "C"}},
        // whitespace
        {"   'A;B'    ;   C   ", Strings{"A;B", "C"}},
        {"   A;B    ;   C   ", Strings{"A", "B", "C"}},
        {"'A;B'    ;C A", Strings{"A;B", "C A"}},
        {"' A    ;B'    ;'   C'", Strings{" A    ;B", "   C"}},
    };
    for (const auto& [text, expected] : specs) {
        const auto split = parse_list(text);
        if (expected) {
            ASSERT_TRUE(split.ok()) << text << ": " << split.error();
            EXPECT_EQ(*split, *expected) << text;
        } else {
            EXPECT_FALSE(split.ok()) << text;
        }
    }
}

// The splitter with ',' is how a map's entries are cut (the two cases with ',' as the delimiter).
TEST(StructuredOptionsSplitterTest, CommaCutsMapEntries) {
    using Pairs = std::vector<std::pair<std::string, std::string>>;
    EXPECT_EQ(*parse_map("'A,B:1',C:2"), (Pairs{{"A,B", "1"}, {"C", "2"}}));
    EXPECT_EQ(*parse_map("A:1,B:2,C:3"), (Pairs{{"A", "1"}, {"B", "2"}, {"C", "3"}}));
}

}  // namespace
}  // namespace flinklint
