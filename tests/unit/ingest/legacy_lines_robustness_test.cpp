// Random and hostile inputs to the legacy line parser: nothing may crash, hang or break an invariant.
#include <gtest/gtest.h>

#include <random>

#include "flinklint/ingest.hpp"
#include "random_text.hpp"

namespace flinklint {
namespace {

TEST(LegacyLinesRobustness, RandomInputsKeepSpansInOrderAndInside) {
    std::mt19937 rng(20240611);
    for (int i = 0; i < 20000; ++i) {
        const std::string text = testing::random_text(rng, 24);
        const LegacyParse legacy = parse_legacy_config(text);
        std::size_t previous_end = 0;
        for (const ConfigEntry& entry : legacy.entries) {
            EXPECT_GE(entry.key_span.begin, previous_end);
            EXPECT_LE(entry.entry_span.end, text.size());
            EXPECT_EQ(text.substr(entry.key_span.begin, entry.key_span.size()), entry.key);
            EXPECT_EQ(text.substr(entry.value_span.begin, entry.value_span.size()), entry.value);
            EXPECT_FALSE(entry.key.empty());
            EXPECT_FALSE(entry.value.empty());
            previous_end = entry.entry_span.end;
        }
        for (const SyntaxIssue& issue : legacy.issues) {
            EXPECT_LE(issue.span.end, text.size());
        }
    }
}

}  // namespace
}  // namespace flinklint
