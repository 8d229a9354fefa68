// Hostile input: alias bombs, deep nesting, random bytes. Ingest must answer with a located limit, never
// crash. A hang fails through ctest's TIMEOUT (tests/CMakeLists.txt); how fast these inputs are answered
// is a benchmark (bench/micro_hostile.cpp), not a timed assertion that fails on a loaded machine.
#include <gtest/gtest.h>

#include <random>

#include "hostile_inputs.hpp"
#include "ingest_test_util.hpp"

namespace flinklint {
namespace {

using testing::alias_bomb;
using testing::has_issue;
using testing::ingest_text;

bool any_limit(const ParsedFile& file) {
    if (has_issue(file.issues, SyntaxIssue::Kind::resource_limit)) return true;
    for (const ConfigDocument& doc : file.configs)
        if (has_issue(doc.issues, SyntaxIssue::Kind::resource_limit)) return true;
    return false;
}

void expect_spans_inside(const ParsedFile& file) {
    const std::size_t size = file.source->text().size();
    for (const ConfigDocument& doc : file.configs) {
        for (const ConfigEntry& e : doc.entries) {
            for (const Span s : {e.key_span, e.value_span, e.entry_span}) {
                EXPECT_LE(s.begin, s.end);
                EXPECT_LE(s.end, size);
            }
        }
        for (const SyntaxIssue& i : doc.issues) EXPECT_LE(i.span.end, size);
    }
}

TEST(Limits, AliasBombOfLists) {
    const ParsedFile file =
        ingest_text("config.yaml", "taskmanager.numberOfTaskSlots: 1\n" + alias_bomb(false));
    EXPECT_TRUE(any_limit(file));
    expect_spans_inside(file);
}

TEST(Limits, AliasBombOfMaps) {
    const ParsedFile file =
        ingest_text("config.yaml", "taskmanager.numberOfTaskSlots: 1\n" + alias_bomb(true));
    EXPECT_TRUE(any_limit(file));
}

TEST(Limits, AliasBombInAManifest) {
    const ParsedFile file = ingest_text(
        "m.yaml",
        "apiVersion: v1\nkind: FlinkDeployment\nmetadata: {name: x}\nspec:\n  flinkConfiguration:\n" + [] {
            std::string s = alias_bomb(true);
            std::string out;
            for (std::size_t i = 0; i < s.size(); ++i) {
                if (i == 0 || s[i - 1] == '\n') out += "    ";
                out += s[i];
            }
            return out;
        }());
    EXPECT_TRUE(any_limit(file));
}

TEST(Limits, DeepFlowNesting) {
    for (const std::string& open : {std::string("["), std::string("{a: ")}) {
        std::string text = "taskmanager.numberOfTaskSlots: ";
        for (int i = 0; i < 10'000; ++i) text += open;
        EXPECT_TRUE(any_limit(ingest_text("config.yaml", text))) << open;
    }
}

TEST(Limits, DeepBlockNesting) {
    IngestOptions options;
    options.forced_format = FileFormat::yaml;
    std::string seq = "taskmanager.numberOfTaskSlots:\n";
    for (int i = 0; i < 10'000; ++i) seq += "- ";
    seq += "x\n";
    EXPECT_TRUE(any_limit(ingest_text("config.yaml", seq, options)));

    std::string map = "taskmanager:\n";
    for (int i = 1; i < 2'000; ++i)
        map += std::string(static_cast<std::size_t>(i), ' ') + "k" + std::to_string(i) + ":\n";
    EXPECT_TRUE(any_limit(ingest_text("config.yaml", map, options)));
}

TEST(Limits, SmallLimitsAreHonoured) {
    IngestOptions options;
    options.max_depth = 3;
    const ParsedFile file =
        ingest_text("config.yaml", "taskmanager:\n  memory:\n    process:\n      size: 1g\n", options);
    EXPECT_TRUE(any_limit(file));
    options.max_depth = 64;
    options.max_nodes = 5;
    EXPECT_TRUE(any_limit(
        ingest_text("config.yaml", "taskmanager.a: 1\ntaskmanager.b: 2\ntaskmanager.c: 3\n", options)));
}

// Random mutations of real-looking inputs, read as every format: no crash, spans inside the text.
TEST(Limits, MutatedInputsNeverCrash) {
    const std::vector<std::string> seeds = {
        "taskmanager:\n  memory:\n    process.size: 1728m # c\n  slots: [1, \"2\", '3']\nx: |\n  a\n  b\n",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  flink-conf.yaml: |\n    a.b: 1\n    "
        "c.d: 2\n",
        "services:\n  jm:\n    image: flink\n    environment:\n      - |\n        FLINK_PROPERTIES=\n        "
        "a.b: c\n",
        "a.b: &x 1\nc.d: *x\n\"q\": 'v'\n? k\n: v\n--- \n...\n",
    };
    const char alphabet[] = "\n\r\t :-|>[]{},#&*!'\"\\?%@`~\x04\xEF\xBB\xBF\xC3\xA9 abc012.";
    std::mt19937 rng(12345);
    const FileFormat formats[] = {FileFormat::legacy, FileFormat::yaml, FileFormat::kubernetes,
                                  FileFormat::compose};
    for (int round = 0; round < 600; ++round) {
        std::string text = seeds[static_cast<std::size_t>(round) % seeds.size()];
        const int edits = 1 + static_cast<int>(rng() % 6);
        for (int e = 0; e < edits && !text.empty(); ++e) {
            const std::size_t pos = rng() % text.size();
            const char c = alphabet[rng() % (sizeof alphabet - 1)];
            switch (rng() % 3) {
                case 0:
                    text[pos] = c;
                    break;
                case 1:
                    text.insert(pos, 1, c);
                    break;
                default:
                    text.erase(pos, 1);
                    break;
            }
        }
        IngestOptions options;
        if (round % 5 != 4) options.forced_format = formats[rng() % 4];
        const ParsedFile file = ingest_text("config.yaml", text, options);
        expect_spans_inside(file);
    }
}

}  // namespace
}  // namespace flinklint
