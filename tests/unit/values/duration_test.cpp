// TimeUtils.parseDuration per Flink version, and java.time.Duration.parse behind it from 2.1.
#include <gtest/gtest.h>

#include "flinklint/values.hpp"

namespace flinklint {
namespace {

constexpr FlinkVersion v1_20{1, 20}, v2_0{2, 0}, v2_1{2, 1}, v2_2{2, 2};

JavaDuration seconds(std::int64_t s, std::int32_t nanos = 0) {
    return {s, nanos};
}

TEST(Duration, EveryUnitLabel) {
    const std::pair<const char*, JavaDuration> cases[] = {
        {"2 d", seconds(172800)},
        {"1 day", seconds(86400)},
        {"2 days", seconds(172800)},
        {"1h", seconds(3600)},
        {"1 hour", seconds(3600)},
        {"2 hours", seconds(7200)},
        {"3 min", seconds(180)},
        {"3m", seconds(180)},
        {"1 minute", seconds(60)},
        {"2 minutes", seconds(120)},
        {"10 s", seconds(10)},
        {"10s", seconds(10)},
        {"1 sec", seconds(1)},
        {"2 secs", seconds(2)},
        {"1 second", seconds(1)},
        {"5 seconds", seconds(5)},
        {"1500 ms", seconds(1, 500000000)},
        {"1 milli", seconds(0, 1000000)},
        {"2 millis", seconds(0, 2000000)},
        {"1 millisecond", seconds(0, 1000000)},
        {"3 milliseconds", seconds(0, 3000000)},
        {"5 \xC2\xB5s", seconds(0, 5000)},
        {"1 micro", seconds(0, 1000)},
        {"2 micros", seconds(0, 2000)},
        {"1 microsecond", seconds(0, 1000)},
        {"4 microseconds", seconds(0, 4000)},
        {"7 ns", seconds(0, 7)},
        {"1 nano", seconds(0, 1)},
        {"2 nanos", seconds(0, 2)},
        {"1 nanosecond", seconds(0, 1)},
        {"9 nanoseconds", seconds(0, 9)},
    };
    for (const auto& [text, expected] : cases) {
        const auto parsed = parse_duration(text, v1_20);
        ASSERT_TRUE(parsed.ok()) << text << ": " << parsed.error();
        EXPECT_EQ(*parsed, expected) << text;
    }
}

TEST(Duration, BareNumberIsMillisecondsAndCaseDoesNotMatter) {
    EXPECT_EQ(*parse_duration("500"), seconds(0, 500000000));
    EXPECT_EQ(*parse_duration("60000"), seconds(60));
    EXPECT_EQ(*parse_duration(" 10 S "), seconds(10));
    EXPECT_EQ(*parse_duration("1 MIN"), seconds(60));
    EXPECT_EQ(*parse_duration("0"), seconds(0));
    EXPECT_EQ(*parse_duration("007s"), seconds(7));
}

TEST(Duration, RejectsFractionsSignsAndUnknownUnits) {
    for (const char* text :
         {"1.5s", "-1s", "+1s", "1 w", "1y", "1 mo", "1 mins ", "s", "", "  ", "1 s s", "1_000", "1e3",
          "10 \xCE\xBCs" /* GREEK SMALL MU, not MICRO SIGN */, "1 hr", "\"10 s\""}) {
        for (FlinkVersion version : {v1_20, v2_0, v2_2}) {
            EXPECT_FALSE(parse_duration(text, version).ok()) << text << " @" << version.str();
        }
    }
    const auto unit = parse_duration("1 w");
    ASSERT_FALSE(unit.ok());
    EXPECT_NE(unit.error().find("unit 'w' is not a Flink time unit"), std::string::npos) << unit.error();
    const auto fraction = parse_duration("1.5s");
    ASSERT_FALSE(fraction.ok());
    EXPECT_NE(fraction.error().find("whole numbers"), std::string::npos) << fraction.error();
}

TEST(Duration, IsoFormIsReadOnlyFrom2_1) {
    for (FlinkVersion version : {FlinkVersion{1, 15}, v1_20, v2_0}) {
        const auto parsed = parse_duration("PT10S", version);
        ASSERT_FALSE(parsed.ok()) << version.str();
        EXPECT_NE(parsed.error().find("2.1"), std::string::npos) << parsed.error();
    }
    for (FlinkVersion version : {v2_1, v2_2}) {
        EXPECT_EQ(*parse_duration("PT10S", version), seconds(10));
        EXPECT_EQ(*parse_duration("P1D", version), seconds(86400));
    }
}

TEST(Duration, IsoFormFollowsJavaTimeDurationParse) {
    EXPECT_EQ(*parse_duration("pt1h30m", v2_1), seconds(5400));
    EXPECT_EQ(*parse_duration("P1DT2H3M4.5S", v2_1), seconds(93784, 500000000));
    EXPECT_EQ(*parse_duration("PT0,25S", v2_1), seconds(0, 250000000));
    EXPECT_EQ(*parse_duration("PT1.S", v2_1), seconds(1));
    EXPECT_EQ(*parse_duration("+PT1S", v2_1), seconds(1));
    EXPECT_EQ(*parse_duration("-PT-1S", v2_1), seconds(1));
    EXPECT_EQ(*parse_duration("PT2H-30M", v2_1), seconds(5400));
    EXPECT_EQ(*parse_duration("  PT10S  ", v2_1), seconds(10));
    EXPECT_EQ(*parse_duration("PT0S", v2_1), seconds(0));
    for (const char* text : {"-PT10S", "PT-1S", "PT-0.5S", "P", "PT", "P1DT", "P1M", "P1W", "PT1.0000000001S",
                             "T10S", "PT10", "PT10S ms", "P1Y", "PT 10S", "abc"}) {
        EXPECT_FALSE(parse_duration(text, v2_1).ok()) << text;
    }
    const auto negative = parse_duration("-PT10S", v2_1);
    ASSERT_FALSE(negative.ok());
    EXPECT_NE(negative.error().find("negative"), std::string::npos) << negative.error();
    // Each component is a Long and the sum must fit: Duration.parse fails on overflow.
    EXPECT_FALSE(parse_duration("PT9223372036854775808S", v2_1).ok());
    EXPECT_FALSE(parse_duration("P106751991167301D", v2_1).ok());
    EXPECT_EQ(*parse_duration("PT9223372036854775807S", v2_1), seconds(9223372036854775807));
}

TEST(Duration, OverflowPerVersion) {
    // Up to 1.20 the number is a Long; from 2.0 a BigInteger, and only the Duration must fit.
    EXPECT_FALSE(parse_duration("9223372036854775808 ms", v1_20).ok());
    EXPECT_EQ(*parse_duration("9223372036854775808 ms", v2_0), seconds(9223372036854775, 808000000));
    EXPECT_EQ(*parse_duration("9223372036854775807 s", v1_20), seconds(9223372036854775807));
    EXPECT_EQ(*parse_duration("9223372036854775807 ns", v1_20), seconds(9223372036, 854775807));
    EXPECT_EQ(*parse_duration("106751991167300 d", v1_20), seconds(106751991167300 * 86400));
    for (FlinkVersion version : {v1_20, v2_0, v2_2}) {
        EXPECT_FALSE(parse_duration("106751991167301 d", version).ok()) << version.str();
        EXPECT_FALSE(parse_duration("9223372036854775807 min", version).ok()) << version.str();
        EXPECT_FALSE(parse_duration(std::string(60, '9') + " ns", version).ok()) << version.str();
    }
}

TEST(Duration, MillisTruncatesAndSaturates) {
    EXPECT_EQ(seconds(1, 500000000).millis(), 1500);
    EXPECT_EQ(seconds(0, 999999).millis(), 0);
    EXPECT_EQ(seconds(-1, 500000000).millis(), -500);
    EXPECT_EQ(seconds(9223372036854775807).millis(), 9223372036854775807);
    EXPECT_EQ(seconds(-9223372036854775807 - 1).millis(), -9223372036854775807 - 1);
    EXPECT_DOUBLE_EQ(seconds(2, 500000000).to_seconds(), 2.5);
}

}  // namespace
}  // namespace flinklint
