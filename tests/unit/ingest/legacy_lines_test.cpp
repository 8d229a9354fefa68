// parse_legacy_config: GlobalConfiguration's line parser, with exact byte spans.
#include <gtest/gtest.h>

#include "flinklint/ingest.hpp"

namespace flinklint {
namespace {

std::string_view at(std::string_view text, Span span) {
    return text.substr(span.begin, span.size());
}

// Every span of every entry must cut exactly what the entry says out of the text.
void expect_consistent_spans(std::string_view text, const LegacyParse& parsed) {
    for (const ConfigEntry& entry : parsed.entries) {
        EXPECT_EQ(at(text, entry.key_span), entry.key);
        EXPECT_EQ(at(text, entry.value_span), entry.value);
        ASSERT_EQ(entry.path_spans.size(), 1u);
        EXPECT_EQ(entry.path_spans[0], entry.key_span);
        EXPECT_EQ(entry.entry_span.begin, entry.key_span.begin);
        EXPECT_GE(entry.entry_span.end, entry.value_span.end);
        EXPECT_EQ(at(text, entry.entry_span).find_first_of("\r\n"), std::string_view::npos);
        EXPECT_EQ(entry.kind, ValueKind::string);
    }
}

LegacyParse parse(std::string_view text) {
    LegacyParse parsed = parse_legacy_config(text);
    expect_consistent_spans(text, parsed);
    return parsed;
}

TEST(LegacyLines, KeyValueWithSpans) {
    const std::string text = "jobmanager.rpc.address: localhost\n  taskmanager.numberOfTaskSlots:   4  \n";
    const LegacyParse parsed = parse(text);
    ASSERT_EQ(parsed.entries.size(), 2u);
    EXPECT_TRUE(parsed.issues.empty());
    EXPECT_EQ(parsed.entries[0].key, "jobmanager.rpc.address");
    EXPECT_EQ(parsed.entries[0].value, "localhost");
    EXPECT_EQ(parsed.entries[0].key_span, (Span{0, 22}));
    EXPECT_EQ(parsed.entries[0].value_span, (Span{24, 33}));
    EXPECT_EQ(parsed.entries[0].entry_span, (Span{0, 33}));
    EXPECT_EQ(parsed.entries[1].key, "taskmanager.numberOfTaskSlots");  // indentation is irrelevant
    EXPECT_EQ(parsed.entries[1].value, "4");
    EXPECT_EQ(at(text, parsed.entries[1].entry_span), "taskmanager.numberOfTaskSlots:   4");
}

TEST(LegacyLines, HashCutsEvenInsideQuotes) {
    const std::string text = "s3.secret: abc#def\nx: \"a#b\" # note\n";
    const LegacyParse parsed = parse(text);
    ASSERT_EQ(parsed.entries.size(), 2u);
    EXPECT_EQ(parsed.entries[0].value, "abc");
    EXPECT_EQ(at(text, parsed.entries[0].entry_span),
              "s3.secret: abc#def");  // the comment belongs to the entry
    EXPECT_EQ(parsed.entries[1].value, "\"a");
    EXPECT_FALSE(parsed.entries[1].quoted);
    EXPECT_EQ(at(text, parsed.entries[1].entry_span), "x: \"a#b\" # note");
}

TEST(LegacyLines, QuotesAreKept) {
    const LegacyParse parsed = parse("x: \"1728m\"\ny: '2g'\nz: \"a'\n");
    ASSERT_EQ(parsed.entries.size(), 3u);
    EXPECT_EQ(parsed.entries[0].value, "\"1728m\"");
    EXPECT_TRUE(parsed.entries[0].quoted);
    EXPECT_EQ(parsed.entries[1].value, "'2g'");
    EXPECT_TRUE(parsed.entries[1].quoted);
    EXPECT_FALSE(parsed.entries[2].quoted);
}

TEST(LegacyLines, SplitsAtTheFirstColonSpace) {
    const LegacyParse parsed = parse("a: http://h:8081/p\nb: c: d\nkey : value\nk.e.y:  v:w\n");
    ASSERT_EQ(parsed.entries.size(), 4u);
    EXPECT_EQ(parsed.entries[0].value, "http://h:8081/p");
    EXPECT_EQ(parsed.entries[1].key, "b");
    EXPECT_EQ(parsed.entries[1].value, "c: d");
    EXPECT_EQ(parsed.entries[2].key, "key");
    EXPECT_EQ(parsed.entries[3].value, "v:w");
}

TEST(LegacyLines, MalformedLinesBecomeIssues) {
    const std::string text = "key:value\nempty.key: \n: value\nkey:\tvalue\nno separator here\nfine: yes\n";
    const LegacyParse parsed = parse(text);
    ASSERT_EQ(parsed.entries.size(), 1u);
    EXPECT_EQ(parsed.entries[0].key, "fine");
    ASSERT_EQ(parsed.issues.size(), 5u);
    EXPECT_EQ(parsed.issues[0].kind, SyntaxIssue::Kind::legacy_no_separator);
    EXPECT_EQ(at(text, parsed.issues[0].span), "key:value");
    EXPECT_EQ(parsed.issues[1].kind, SyntaxIssue::Kind::legacy_empty_value);
    EXPECT_EQ(at(text, parsed.issues[1].span), "empty.key:");
    EXPECT_NE(parsed.issues[1].message.find("`empty.key`"), std::string::npos) << parsed.issues[1].message;
    EXPECT_EQ(parsed.issues[2].kind, SyntaxIssue::Kind::legacy_empty_key);
    EXPECT_EQ(at(text, parsed.issues[2].span), ": value");
    EXPECT_EQ(parsed.issues[3].kind, SyntaxIssue::Kind::legacy_no_separator);
    EXPECT_NE(parsed.issues[3].message.find("tab"), std::string::npos) << parsed.issues[3].message;
    EXPECT_EQ(parsed.issues[4].kind, SyntaxIssue::Kind::legacy_no_separator);
    for (const SyntaxIssue& issue : parsed.issues) EXPECT_NE(issue.message.find("skips"), std::string::npos);

    const LegacyParse colon_only = parse("  :  \nkey :\n");
    ASSERT_EQ(colon_only.issues.size(), 2u);
    EXPECT_EQ(colon_only.issues[0].kind, SyntaxIssue::Kind::legacy_no_separator);
    EXPECT_EQ(colon_only.issues[0].span, (Span{2, 3}));
    EXPECT_EQ(colon_only.issues[1].kind, SyntaxIssue::Kind::legacy_empty_value);
    EXPECT_NE(colon_only.issues[1].message.find("`key`"), std::string::npos) << colon_only.issues[1].message;
}

TEST(LegacyLines, BlankAndCommentLinesAreNothing) {
    const LegacyParse parsed = parse("\n   \n# a: b\n  # indented comment\n\t\n#\n");
    EXPECT_TRUE(parsed.entries.empty());
    EXPECT_TRUE(parsed.issues.empty());
    EXPECT_TRUE(parse("").entries.empty());
}

TEST(LegacyLines, LineBreaks) {
    const std::string crlf = "a: 1\r\nb: 2\r\n";
    const LegacyParse with_crlf = parse(crlf);
    ASSERT_EQ(with_crlf.entries.size(), 2u);
    EXPECT_EQ(with_crlf.entries[0].value, "1");
    EXPECT_EQ(with_crlf.entries[1].key_span, (Span{6, 7}));
    const LegacyParse lone_cr = parse("a: 1\rb: 2\r\rc: 3");
    ASSERT_EQ(lone_cr.entries.size(), 3u);
    EXPECT_EQ(lone_cr.entries[2].key, "c");
    EXPECT_EQ(lone_cr.entries[2].value, "3");
}

TEST(LegacyLines, TabsAndControlCharactersAreTrimmed) {
    static constexpr char kRaw[] = "\tkey\t: \tvalue\t\n\0x: y\x01\n";
    const std::string text(kRaw, sizeof kRaw - 1);
    const LegacyParse parsed = parse(text);
    ASSERT_EQ(parsed.entries.size(), 2u);
    EXPECT_EQ(parsed.entries[0].key, "key");
    EXPECT_EQ(parsed.entries[0].value, "value");
    EXPECT_EQ(parsed.entries[1].key, "x");
    EXPECT_EQ(parsed.entries[1].key_span.begin, 16u);
    EXPECT_EQ(parsed.entries[1].value, "y");
}

TEST(LegacyLines, DuplicatesAreKeptInOrder) {
    const LegacyParse parsed = parse("a: 1\nb: 2\na: 3\n");
    ASSERT_EQ(parsed.entries.size(), 3u);
    EXPECT_EQ(parsed.entries[0].value, "1");
    EXPECT_EQ(parsed.entries[2].key, "a");
    EXPECT_EQ(parsed.entries[2].value, "3");
}

TEST(LegacyLines, ByteOrderMarkStaysInTheFirstKey) {
    const std::string text = "\xEF\xBB\xBFparallelism.default: 4\nb: 2\n";
    const LegacyParse parsed = parse(text);
    ASSERT_EQ(parsed.entries.size(), 2u);
    EXPECT_EQ(parsed.entries[0].key, "\xEF\xBB\xBFparallelism.default");
    EXPECT_EQ(parsed.entries[0].key_span.begin, 0u);
    const LegacyParse comment = parse("\xEF\xBB\xBF# comment\na: 1\n");
    ASSERT_EQ(comment.issues.size(), 1u);  // Flink sees a line holding only U+FEFF
    EXPECT_NE(comment.issues[0].message.find("byte order mark"), std::string::npos)
        << comment.issues[0].message;
}

// Its speed is bench/micro_hostile.cpp's legacy_huge_input; a quadratic reader would hit ctest's TIMEOUT.
TEST(LegacyLines, HugeInputIsReadWhole) {
    std::string text = "big: " + std::string(4 << 20, 'x') + "\n";
    for (int i = 0; i < 100000; ++i) text += "key" + std::to_string(i) + ": " + std::to_string(i) + " # c\n";
    text += std::string(2 << 20, ':');
    const LegacyParse parsed = parse_legacy_config(text);
    EXPECT_EQ(parsed.entries.size(), 100001u);
    EXPECT_EQ(parsed.entries[0].value.size(), 4u << 20);
    ASSERT_EQ(parsed.issues.size(), 1u);
    EXPECT_LT(parsed.issues[0].message.size(), 400u);
}

}  // namespace
}  // namespace flinklint
