// Shared text helpers of the base layer: quote handling and YAML double-quoted scalars.
#include <gtest/gtest.h>

#include <yaml-cpp/yaml.h>

#include <string>

#include "flinklint/text_util.hpp"

namespace {

using flinklint::is_quoted;
using flinklint::strip_quotes;
using flinklint::yaml_double_quoted;

TEST(TextUtil, QuotesMustMatchOnBothEnds) {
    EXPECT_TRUE(is_quoted("\"a\""));
    EXPECT_TRUE(is_quoted("''"));
    EXPECT_FALSE(is_quoted("\""));
    EXPECT_FALSE(is_quoted("\"a'"));
    EXPECT_FALSE(is_quoted("a"));
    EXPECT_EQ(strip_quotes("'rocksdb'"), "rocksdb");
    EXPECT_EQ(strip_quotes("\"x"), "\"x");
    EXPECT_EQ(strip_quotes("\"\"a\"\""), "\"a\"");  // one pair only
}

TEST(TextUtil, DoubleQuotedScalarsReadBackAsTheSameText) {
    std::string every_byte;
    for (int c = 1; c < 128; ++c) every_byte += static_cast<char>(c);
    for (const std::string& text :
         {std::string(), std::string("a \"b\" \\c"), std::string("x\r\ny\tz"), every_byte}) {
        const std::string quoted = yaml_double_quoted(text);
        EXPECT_EQ(YAML::Load("k: " + quoted)["k"].as<std::string>(), text) << quoted;
    }
    EXPECT_EQ(yaml_double_quoted("a\x01"), "\"a\\x01\"");
}

}  // namespace
