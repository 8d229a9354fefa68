// MemorySize.parseBytes: every example of flink-memory-model.md §2, plus Java's trimming and case rules.
#include <gtest/gtest.h>

#include <regex>

#include "flinklint/values.hpp"
#include "test_paths.hpp"

namespace flinklint {
namespace {

constexpr std::uint64_t kGiB = 1ULL << 30;

TEST(MemorySize, AcceptsTheDocumentedSpellings) {
    EXPECT_EQ(*parse_memory_size("2G"), 2 * kGiB);
    EXPECT_EQ(*parse_memory_size("2 GB"), 2 * kGiB);
    EXPECT_EQ(*parse_memory_size(" 2048 mb "), 2 * kGiB);
    EXPECT_EQ(*parse_memory_size("0002g"), 2 * kGiB);
    EXPECT_EQ(*parse_memory_size("2097152k"), 2 * kGiB);
    EXPECT_EQ(*parse_memory_size("2147483648"), 2 * kGiB);
    EXPECT_EQ(*parse_memory_size("2147483648 bytes"), 2 * kGiB);
    EXPECT_EQ(*parse_memory_size("9223372036854775807b"), 9223372036854775807ULL);
}

TEST(MemorySize, EveryUnitLabelIsBinary) {
    EXPECT_EQ(*parse_memory_size("1b"), 1u);
    EXPECT_EQ(*parse_memory_size("1 bytes"), 1u);
    EXPECT_EQ(*parse_memory_size("1k"), 1024u);
    EXPECT_EQ(*parse_memory_size("1kb"), 1024u);
    EXPECT_EQ(*parse_memory_size("1 kibibytes"), 1024u);
    EXPECT_EQ(*parse_memory_size("1m"), 1ULL << 20);
    EXPECT_EQ(*parse_memory_size("1 MEBIBYTES"), 1ULL << 20);
    EXPECT_EQ(*parse_memory_size("1gibibytes"), kGiB);
    EXPECT_EQ(*parse_memory_size("1t"), 1ULL << 40);
    EXPECT_EQ(*parse_memory_size("1 Tb"), 1ULL << 40);
    EXPECT_EQ(*parse_memory_size("3 tebibytes"), 3ULL << 40);
    EXPECT_EQ(*parse_memory_size("1024"), 1024u);  // no unit: bytes, not MiB
    EXPECT_EQ(*parse_memory_size("0"), 0u);
}

TEST(MemorySize, TrimsLikeJavaAndLowerCasesLikeLocaleUs) {
    EXPECT_EQ(*parse_memory_size("\t2g\r\n"), 2 * kGiB);
    EXPECT_EQ(*parse_memory_size(std::string_view("\0 2g \x01", 6)),
              2 * kGiB);  // trim() drops every char <= ' '
    EXPECT_EQ(*parse_memory_size("2 \t g"), 2 * kGiB);
    EXPECT_EQ(*parse_memory_size("2\xE2\x84\xAA"
                                 "b"),
              2048u);                                    // KELVIN SIGN lower-cases to `k`
    EXPECT_FALSE(parse_memory_size("2\xC2\xA0g").ok());  // a no-break space is not trimmed
}

TEST(MemorySize, RejectsTheDocumentedMistakes) {
    for (const char* text : {"1.5g", "2GiB", "2Gi", "2048MiB", "2e9", "2g2", "0x40000000", "+2g", "-1g",
                             ".5g", "", "   ", "g", "2 g b", "2_000m", "\"2g\"", "1,5g", "2gb."}) {
        EXPECT_FALSE(parse_memory_size(text).ok()) << text;
    }
}

TEST(MemorySize, RejectsOverflow) {
    EXPECT_FALSE(parse_memory_size("9223372036854775808").ok());  // Long.parseLong overflow
    EXPECT_FALSE(parse_memory_size("9223372036854775808b").ok());
    EXPECT_FALSE(parse_memory_size("8589934592g").ok());  // 2^63 bytes
    EXPECT_EQ(*parse_memory_size("8589934591g"), (8589934591ULL << 30));
    EXPECT_FALSE(parse_memory_size("8388608t").ok());
    EXPECT_FALSE(parse_memory_size(std::string(5000, '9') + "k").ok());
    EXPECT_EQ(*parse_memory_size(std::string(5000, '0') + "1k"), 1024u);  // leading zeros are fine
}

TEST(MemorySize, MessagesNameTheBadPart) {
    const auto gib = parse_memory_size("2GiB");
    ASSERT_FALSE(gib.ok());
    EXPECT_NE(gib.error().find("unit 'gib' is not a Flink memory unit"), std::string::npos) << gib.error();
    EXPECT_NE(gib.error().find("1024-based"), std::string::npos);
    const auto fraction = parse_memory_size("1.5g");
    ASSERT_FALSE(fraction.ok());
    EXPECT_NE(fraction.error().find("'.5g'"), std::string::npos) << fraction.error();
    EXPECT_NE(fraction.error().find("whole numbers"), std::string::npos) << fraction.error();
    const auto sign = parse_memory_size("-1g");
    ASSERT_FALSE(sign.ok());
    EXPECT_NE(sign.error().find("does not start with a number"), std::string::npos) << sign.error();
    const auto quoted = parse_memory_size("\"1728m\"");
    ASSERT_FALSE(quoted.ok());
    EXPECT_NE(quoted.error().find("quotes"), std::string::npos) << quoted.error();
}

TEST(MemorySize, ReferenceExamplesFromSharedDocs) {
    FLINKLINT_REQUIRE_SHARED(shared);
    const std::string doc = testing::read_file(shared / "reference" / "flink-memory-model.md");
    const auto section_begin = doc.find("### MemorySize");
    ASSERT_NE(section_begin, std::string::npos);
    const std::string section = doc.substr(section_begin, doc.find("### Duration") - section_begin);
    const auto examples_after = [&](const std::string& label) {
        std::vector<std::string> examples;
        const auto begin = section.find(label);
        if (begin == std::string::npos) return examples;
        const std::string line = section.substr(begin, section.find('\n', begin) - begin);
        const std::regex backticked("`([^`]*)`");
        for (auto it = std::sregex_iterator(line.begin(), line.end(), backticked);
             it != std::sregex_iterator(); ++it) {
            examples.push_back((*it)[1]);
        }
        return examples;
    };
    const auto rejected = examples_after("Rejected examples:");
    const auto accepted = examples_after("Accepted:");
    ASSERT_GE(rejected.size(), 7u);
    ASSERT_GE(accepted.size(), 7u);
    for (const auto& text : rejected) EXPECT_FALSE(parse_memory_size(text).ok()) << text;
    for (const auto& text : accepted) EXPECT_TRUE(parse_memory_size(text).ok()) << text;
}

}  // namespace
}  // namespace flinklint
