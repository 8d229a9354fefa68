// Lists and maps (StructuredOptionsSplitter) and port specs (NetUtils.getPortRangeFromString).
#include <gtest/gtest.h>

#include "flinklint/values.hpp"

namespace flinklint {
namespace {

using Strings = std::vector<std::string>;
using Pairs = std::vector<std::pair<std::string, std::string>>;

TEST(List, SplitsOnSemicolonsWithQuoting) {
    EXPECT_EQ(*parse_list("a;b;c"), (Strings{"a", "b", "c"}));
    EXPECT_EQ(*parse_list("'A;B';C"), (Strings{"A;B", "C"}));
    EXPECT_EQ(*parse_list("\"AB'D\";B;C"), (Strings{"AB'D", "B", "C"}));
    EXPECT_EQ(*parse_list("\"AB'\"\"D;B\";C"), (Strings{"AB'\"D;B", "C"}));
    EXPECT_EQ(*parse_list("'it''s'"), (Strings{"it's"}));
    EXPECT_EQ(*parse_list(" a ; b "), (Strings{"a", "b"}));
    EXPECT_EQ(*parse_list("a'b;c"), (Strings{"a'b", "c"}));  // a quote inside an unquoted element is text
    EXPECT_EQ(*parse_list("'a' ;b"), (Strings{"a", "b"}));
    EXPECT_EQ(*parse_list("' a '"), (Strings{" a "}));
    EXPECT_EQ(*parse_list("a b"), (Strings{"a b"}));
}

TEST(List, EmptyElementsFollowTheTokenizer) {
    EXPECT_EQ(*parse_list(""), Strings{});
    EXPECT_EQ(*parse_list("   "), Strings{});
    EXPECT_EQ(*parse_list("a;"), (Strings{"a"}));
    EXPECT_EQ(*parse_list(";a"), (Strings{"a"}));
    EXPECT_EQ(*parse_list("a;;b"), (Strings{"a", "", "b"}));
    EXPECT_EQ(*parse_list("a; ;b"), (Strings{"a", "", "b"}));
    EXPECT_EQ(*parse_list("''"), (Strings{""}));
    EXPECT_EQ(*parse_list(";;"), (Strings{""}));
    EXPECT_EQ(*parse_list("a\xE3\x80\x80;b"), (Strings{"a\xE3\x80\x80", "b"}));  // not trimmed by String.trim
    EXPECT_EQ(*parse_list("\xE3\x80\x80"
                          "a"),
              (Strings{"a"}));  // but skipped as whitespace before a token
}

TEST(List, QuotingErrors) {
    for (const char* text : {"'a' b", "'unclosed", "a;\"b", "'a''", "\"a\"\"b"}) {
        EXPECT_FALSE(parse_list(text).ok()) << text;
    }
    const auto unclosed = parse_list("a;'b");
    ASSERT_FALSE(unclosed.ok());
    EXPECT_NE(unclosed.error().find("never closed"), std::string::npos) << unclosed.error();
    const auto trailing = parse_list("'a'b");
    ASSERT_FALSE(trailing.ok());
    EXPECT_NE(trailing.error().find("`'a'` is followed by `b`"), std::string::npos) << trailing.error();
}

TEST(Map, PairsWithQuoting) {
    EXPECT_EQ(*parse_map("k1:v1,k2:v2"), (Pairs{{"k1", "v1"}, {"k2", "v2"}}));
    EXPECT_EQ(*parse_map("k1: v1, k2 :v2"), (Pairs{{"k1", "v1"}, {"k2", "v2"}}));
    EXPECT_EQ(*parse_map("\"'k:1':v\""), (Pairs{{"k:1", "v"}}));
    EXPECT_EQ(*parse_map("\"'a,b':c\""), (Pairs{{"a,b", "c"}}));  // quote the entry, then the key inside it
    EXPECT_EQ(*parse_map("k:''"), (Pairs{{"k", ""}}));
    EXPECT_EQ(*parse_map(""), Pairs{});
}

TEST(Map, Rejections) {
    for (const char* text :
         {"k1", "k1=v1", "k1:v1:x", "k:", ":v", "k:v,k:w", "'k:1':v", "'a,b':c", "http://h:1", "a:'b"}) {
        EXPECT_FALSE(parse_map(text).ok()) << text;
    }
    const auto duplicate = parse_map("k:v,k:w");
    EXPECT_NE(duplicate.error().find("`k` is given twice"), std::string::npos) << duplicate.error();
    const auto not_pair = parse_map("k1=v1");
    EXPECT_NE(not_pair.error().find("`k1=v1` is not a key:value pair"), std::string::npos)
        << not_pair.error();
}

using Ranges = std::vector<PortRange>;

TEST(Ports, SinglePortsRangesAndLists) {
    EXPECT_EQ(*parse_port_ranges("6123"), (Ranges{{6123, 6123}}));
    EXPECT_EQ(*parse_port_ranges("50100-50200"), (Ranges{{50100, 50200}}));
    EXPECT_EQ(*parse_port_ranges("50100-50200,50300"), (Ranges{{50100, 50200}, {50300, 50300}}));
    EXPECT_EQ(*parse_port_ranges(" 6123 , 6124 "), (Ranges{{6123, 6123}, {6124, 6124}}));
    EXPECT_EQ(*parse_port_ranges("0"), (Ranges{{0, 0}}));
    EXPECT_EQ(*parse_port_ranges("65535"), (Ranges{{65535, 65535}}));
    EXPECT_EQ(*parse_port_ranges("+80"), (Ranges{{80, 80}}));
    EXPECT_EQ(*parse_port_ranges("6123,"), (Ranges{{6123, 6123}}));  // split drops trailing empties
    EXPECT_EQ(*parse_port_ranges(",,"), Ranges{});                   // ... all of them
    EXPECT_EQ(*parse_port_ranges("80-70"), (Ranges{{80, 70}}));      // an empty range, not an error
}

TEST(Ports, Rejections) {
    for (const char* text : {"", " ", "65536", "-1", "70000-70001", "6123,,6124", ",6123", "50100 - 50200",
                             "abc", "80-", "-80", "1-2-3", "80--90", "8O80", "6123;6124", "1e3"}) {
        EXPECT_FALSE(parse_port_ranges(text).ok()) << text;
    }
    const auto range = parse_port_ranges("65536");
    EXPECT_NE(range.error().find("outside 0..65535"), std::string::npos) << range.error();
}

}  // namespace
}  // namespace flinklint
