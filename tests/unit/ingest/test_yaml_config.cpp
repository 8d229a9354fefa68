// config.yaml: flattening, exact spans, YAML 1.2 core-schema values, and what Flink refuses.
#include <gtest/gtest.h>

#include "ingest_test_util.hpp"

namespace flinklint {
namespace {

using testing::find_entry;
using testing::has_issue;
using testing::ingest_text;
using testing::text_of;

const char* const kConfig =
    "# Flink configuration\n"
    "taskmanager:\n"
    "  memory:\n"
    "    process.size: 1728m   # total\n"
    "  numberOfTaskSlots: 4\n"
    "jobmanager.rpc.address: \"jm-host\"\n"
    "state.backend.type: 'rocks''db'\n"
    "env.java.opts.all: |\n"
    "  -XX:+UseG1GC\n"
    "  -Dfoo=bar\n"
    "\n"
    "pipeline.jars: [a.jar, \"b c.jar\", 'x,y']\n"
    "high-availability.enabled: yes\n"
    "rest.ssl: on\n"
    "execution.interval: 0x10\n"
    "parallelism.default: True\n"
    "fraction.a: 1e3\n"
    "fraction.b: .5\n"
    "multi.line: first\n"
    "  second\n"
    "folded.value: >-\n"
    "  one\n"
    "  two\n"
    "web.list:\n"
    "  - 1\n"
    "  - two\n"
    "empty.map: {}\n";

class YamlConfigTest : public ::testing::Test {
protected:
    void SetUp() override {
        file_ = ingest_text("conf/config.yaml", kConfig);
        ASSERT_EQ(file_.format, FileFormat::yaml);
        ASSERT_EQ(file_.configs.size(), 1u);
    }
    const ConfigEntry& entry(std::string_view key) {
        const ConfigEntry* e = find_entry(file_.configs[0], key);
        EXPECT_NE(e, nullptr) << key;
        static const ConfigEntry none;
        return e ? *e : none;
    }
    ParsedFile file_;
};

TEST_F(YamlConfigTest, NestedKeysFlattenWithExactSpans) {
    const ConfigEntry& e = entry("taskmanager.memory.process.size");
    EXPECT_EQ(e.value, "1728m");
    EXPECT_EQ(e.kind, ValueKind::string);
    EXPECT_EQ(text_of(file_, e.key_span), "process.size");
    EXPECT_EQ(text_of(file_, e.value_span), "1728m");
    EXPECT_EQ(text_of(file_, e.entry_span), "process.size: 1728m   # total");
    ASSERT_EQ(e.path_spans.size(), 3u);
    EXPECT_EQ(text_of(file_, e.path_spans[0]), "taskmanager");
    EXPECT_EQ(text_of(file_, e.path_spans[1]), "memory");
    EXPECT_EQ(text_of(file_, e.path_spans[2]), "process.size");
    EXPECT_EQ(file_.source->position(e.key_span.begin), (Position{4, 5}));
    EXPECT_EQ(file_.configs[0].file_name, "config.yaml");
    EXPECT_TRUE(file_.configs[0].issues.empty());
}

TEST_F(YamlConfigTest, ScalarsFollowTheCoreSchema) {
    EXPECT_EQ(entry("taskmanager.numberOfTaskSlots").kind, ValueKind::integer);
    EXPECT_EQ(entry("high-availability.enabled").kind, ValueKind::string);
    EXPECT_EQ(entry("high-availability.enabled").value, "yes");
    EXPECT_EQ(entry("rest.ssl").kind, ValueKind::string);
    EXPECT_EQ(entry("execution.interval").kind, ValueKind::integer);
    EXPECT_EQ(entry("execution.interval").value, "16");
    EXPECT_EQ(text_of(file_, entry("execution.interval").value_span), "0x10");
    EXPECT_EQ(entry("parallelism.default").kind, ValueKind::boolean);
    EXPECT_EQ(entry("parallelism.default").value, "true");
    EXPECT_EQ(entry("fraction.a").kind, ValueKind::floating);
    EXPECT_EQ(entry("fraction.a").value, "1000.0");
    EXPECT_EQ(entry("fraction.b").value, "0.5");
}

TEST_F(YamlConfigTest, QuotedValuesLoseTheirQuotesButSpansKeepThem) {
    const ConfigEntry& d = entry("jobmanager.rpc.address");
    EXPECT_EQ(d.value, "jm-host");
    EXPECT_TRUE(d.quoted);
    EXPECT_EQ(text_of(file_, d.value_span), "\"jm-host\"");
    const ConfigEntry& s = entry("state.backend.type");
    EXPECT_EQ(s.value, "rocks'db");
    EXPECT_EQ(text_of(file_, s.value_span), "'rocks''db'");
}

TEST_F(YamlConfigTest, BlockAndMultiLineScalars) {
    const ConfigEntry& b = entry("env.java.opts.all");
    EXPECT_EQ(b.value, "-XX:+UseG1GC\n-Dfoo=bar\n");
    EXPECT_EQ(text_of(file_, b.value_span), "|\n  -XX:+UseG1GC\n  -Dfoo=bar");
    const ConfigEntry& m = entry("multi.line");
    EXPECT_EQ(m.value, "first second");
    EXPECT_EQ(text_of(file_, m.value_span), "first\n  second");
    const ConfigEntry& f = entry("folded.value");
    EXPECT_EQ(f.value, "one two");
    EXPECT_EQ(text_of(file_, f.value_span), ">-\n  one\n  two");
}

TEST_F(YamlConfigTest, ListsAreStoredInFlowStyle) {
    const ConfigEntry& l = entry("pipeline.jars");
    EXPECT_EQ(l.kind, ValueKind::list);
    EXPECT_EQ(l.value, "[a.jar, b c.jar, 'x,y']");
    EXPECT_EQ(text_of(file_, l.value_span), "[a.jar, \"b c.jar\", 'x,y']");
    const ConfigEntry& block = entry("web.list");
    EXPECT_EQ(block.value, "[1, two]");
    EXPECT_EQ(text_of(file_, block.value_span), "- 1\n  - two");
    const ConfigEntry& map = entry("empty.map");
    EXPECT_EQ(map.kind, ValueKind::map);
    EXPECT_EQ(text_of(file_, map.value_span), "{}");
}

TEST(YamlConfig, DuplicateKeysAreReportedAndKept) {
    const ParsedFile file =
        ingest_text("config.yaml", "taskmanager:\n  numberOfTaskSlots: 1\n  numberOfTaskSlots: 2\n");
    ASSERT_EQ(file.configs.size(), 1u);
    const ConfigDocument& doc = file.configs[0];
    ASSERT_EQ(doc.entries.size(), 2u);
    EXPECT_EQ(doc.entries[0].value, "1");
    EXPECT_EQ(doc.entries[1].value, "2");
    ASSERT_EQ(doc.issues.size(), 1u);
    EXPECT_EQ(doc.issues[0].kind, SyntaxIssue::Kind::yaml_duplicate_key);
    EXPECT_EQ(file.source->position(doc.issues[0].span.begin), (Position{3, 3}));
}

TEST(YamlConfig, SameFlattenedKeyFromTwoSpellingsIsNotAnError) {
    const ParsedFile file = ingest_text(
        "config.yaml", "taskmanager.numberOfTaskSlots: 1\ntaskmanager:\n  numberOfTaskSlots: 2\n");
    EXPECT_EQ(file.configs[0].entries.size(), 2u);
    EXPECT_TRUE(file.configs[0].issues.empty());
}

TEST(YamlConfig, NullValuesAreRefused) {
    const ParsedFile file = ingest_text(
        "config.yaml", "jobmanager.rpc.address:\nrest.port: ~   # none\nparallelism.default: 1\n");
    const ConfigDocument& doc = file.configs[0];
    ASSERT_EQ(doc.entries.size(), 3u);
    EXPECT_EQ(doc.entries[0].kind, ValueKind::null);
    EXPECT_TRUE(doc.entries[0].value_span.empty());
    EXPECT_EQ(doc.entries[0].value_span.begin, doc.entries[0].key_span.end);
    EXPECT_EQ(text_of(file, doc.entries[0].entry_span), "jobmanager.rpc.address:");
    EXPECT_EQ(doc.entries[1].kind, ValueKind::null);
    EXPECT_EQ(text_of(file, doc.entries[1].value_span), "~");
    EXPECT_EQ(text_of(file, doc.entries[1].entry_span), "rest.port: ~   # none");
    int nulls = 0;
    for (const SyntaxIssue& i : doc.issues) nulls += i.kind == SyntaxIssue::Kind::yaml_null_value;
    EXPECT_EQ(nulls, 2);
}

TEST(YamlConfig, RootMustBeAMapping) {
    IngestOptions options;
    options.forced_format = FileFormat::yaml;
    const ParsedFile file = ingest_text("config.yaml", "- a\n- b\n", options);
    EXPECT_TRUE(has_issue(file.configs[0].issues, SyntaxIssue::Kind::yaml_root_not_map));
}

TEST(YamlConfig, SyntaxErrorsAreLocated) {
    const ParsedFile file = ingest_text(
        "config.yaml", "taskmanager.numberOfTaskSlots: 1\nrest.port: [1, 2\nparallelism.default: 3\n");
    const ConfigDocument& doc = file.configs[0];
    ASSERT_FALSE(doc.issues.empty());
    EXPECT_EQ(doc.issues[0].kind, SyntaxIssue::Kind::yaml_error);
    EXPECT_GE(file.source->position(doc.issues[0].span.begin).line, 2);
}

TEST(YamlConfig, SecondDocumentIsAnError) {
    const ParsedFile file =
        ingest_text("config.yaml", "taskmanager.numberOfTaskSlots: 1\n---\nrest.port: 1\n");
    EXPECT_TRUE(has_issue(file.configs[0].issues, SyntaxIssue::Kind::yaml_error));
}

TEST(YamlConfig, CrlfLineBreaks) {
    const ParsedFile file =
        ingest_text("config.yaml",
                    "taskmanager:\r\n  memory.process.size: 2g  \r\njobmanager.memory.process.size: 1g\r\n");
    const ConfigDocument& doc = file.configs[0];
    ASSERT_EQ(doc.entries.size(), 2u);
    EXPECT_EQ(doc.entries[0].value, "2g");
    EXPECT_EQ(text_of(file, doc.entries[0].key_span), "memory.process.size");
    EXPECT_EQ(text_of(file, doc.entries[0].entry_span), "memory.process.size: 2g");
    EXPECT_EQ(file.source->position(doc.entries[1].key_span.begin), (Position{3, 1}));
    EXPECT_EQ(text_of(file, doc.entries[1].value_span), "1g");
}

TEST(YamlConfig, LoneCarriageReturns) {
    const ParsedFile file = ingest_text("config.yaml", "taskmanager.numberOfTaskSlots: 2\rrest.port: 8081\r");
    const ConfigDocument& doc = file.configs[0];
    ASSERT_EQ(doc.entries.size(), 2u);
    EXPECT_EQ(text_of(file, doc.entries[1].key_span), "rest.port");
    EXPECT_EQ(file.source->position(doc.entries[1].key_span.begin), (Position{2, 1}));
}

TEST(YamlConfig, ByteOrderMark) {
    const ParsedFile file = ingest_text("config.yaml", "\xEF\xBB\xBFtaskmanager:\n  numberOfTaskSlots: 2\n");
    const ConfigDocument& doc = file.configs[0];
    ASSERT_EQ(doc.entries.size(), 1u);
    EXPECT_EQ(text_of(file, doc.entries[0].path_spans[0]), "taskmanager");
    EXPECT_EQ(doc.entries[0].path_spans[0].begin, 3u);
    EXPECT_EQ(text_of(file, doc.entries[0].value_span), "2");
}

TEST(YamlConfig, AnchorsAndAliases) {
    const ParsedFile file =
        ingest_text("config.yaml", "taskmanager.numberOfTaskSlots: &slots 4\nparallelism.default: *slots\n");
    const ConfigDocument& doc = file.configs[0];
    ASSERT_EQ(doc.entries.size(), 2u);
    EXPECT_EQ(text_of(file, doc.entries[0].value_span), "4");
    EXPECT_EQ(doc.entries[1].value, "4");
    EXPECT_EQ(text_of(file, doc.entries[1].value_span), "*slots");
}

TEST(YamlConfig, InvalidUtf8InConfigYamlIsAnError) {
    const ParsedFile file = ingest_text("config.yaml", "taskmanager.numberOfTaskSlots: 2 # \xE9t\xE9\n");
    ASSERT_EQ(file.format, FileFormat::yaml);
    EXPECT_TRUE(has_issue(file.configs[0].issues, SyntaxIssue::Kind::yaml_error));
}

}  // namespace
}  // namespace flinklint
