// Flink's value-parser tests, transcribed case by case (docs/precision.md, "Flink's parser tests,
// transcribed"): MemorySizeTest (flink-core, org.apache.flink.configuration: its parse cases),
// TimeUtilsTest (org.apache.flink.util: TimeUtils#parseDuration) and
// ConfigurationParsingInvalidFormatsTest (Configuration#get refusing a string per option type).
// What Flink parses, flinklint parses to the same amount; what Flink refuses, flinklint refuses.
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "flinklint/option_values.hpp"
#include "flinklint/values.hpp"

namespace flinklint {
namespace {

constexpr std::uint64_t kKiB = 1024, kMiB = kKiB * 1024, kGiB = kMiB * 1024, kTiB = kGiB * 1024;

// MemorySizeTest#testParseBytes, #testParseKibiBytes ... #testParseTebiBytes, #testUpperCase and
// #testTrimBeforeParse: 35 texts and the bytes they are.
TEST(MemorySizeTest, ParseCases) {
    const std::vector<std::pair<const char*, std::uint64_t>> cases = {
        {"1234", 1234},
        {"1234b", 1234},
        {"1234 b", 1234},
        {"1234bytes", 1234},
        {"1234 bytes", 1234},
        {"667766k", 667766 * kKiB},
        {"667766 k", 667766 * kKiB},
        {"667766kb", 667766 * kKiB},
        {"667766 kb", 667766 * kKiB},
        {"667766kibibytes", 667766 * kKiB},
        {"667766 kibibytes", 667766 * kKiB},
        {"7657623m", 7657623 * kMiB},
        {"7657623 m", 7657623 * kMiB},
        {"7657623mb", 7657623 * kMiB},
        {"7657623 mb", 7657623 * kMiB},
        {"7657623mebibytes", 7657623 * kMiB},
        {"7657623 mebibytes", 7657623 * kMiB},
        {"987654g", 987654 * kGiB},
        {"987654 g", 987654 * kGiB},
        {"987654gb", 987654 * kGiB},
        {"987654 gb", 987654 * kGiB},
        {"987654gibibytes", 987654 * kGiB},
        {"987654 gibibytes", 987654 * kGiB},
        {"1234567t", 1234567 * kTiB},
        {"1234567 t", 1234567 * kTiB},
        {"1234567tb", 1234567 * kTiB},
        {"1234567 tb", 1234567 * kTiB},
        {"1234567tebibytes", 1234567 * kTiB},
        {"1234567 tebibytes", 1234567 * kTiB},
        {"1 B", 1},
        {"1 K", kKiB},
        {"1 M", kMiB},
        {"1 G", kGiB},
        {"1 T", kTiB},
        {"      155      ", 155},
        {"      155      bytes   ", 155},
    };
    for (const auto& [text, bytes] : cases) {
        const auto parsed = parse_memory_size(text);
        ASSERT_TRUE(parsed.ok()) << text << ": " << parsed.error();
        EXPECT_EQ(*parsed, bytes) << text;
    }
}

// #testParseInvalid (the null case has no text), #testParseNumberOverflow,
// #testParseNumberTimeUnitOverflow.
TEST(MemorySizeTest, ParseInvalidAndOverflow) {
    for (const char* text : {"", "     ", "foobar or fubar or foo bazz", "16 gjah", "16 16 17 18 bytes",
                             "-100 bytes", "100000000000000000000000000000000 bytes", "100000000000000 tb"})
        EXPECT_FALSE(parse_memory_size(text).ok()) << text;
}

// #testParseWithDefaultUnit: MemorySize.parse(text, MEGA_BYTES) is how Flink reads the legacy
// `*.heap.mb` integer keys; flinklint reads those as Integer options and the sizes with a unit alike.
TEST(MemorySizeTest, ParseWithAUnitIsTheSameAmount) {
    for (const char* text : {"7m", "7 m", "7mb", "7 mb", "7mebibytes", "7 mebibytes"})
        EXPECT_EQ(*parse_memory_size(text), 7 * kMiB) << text;
}

JavaDuration millis(std::int64_t ms) {
    return {ms / 1000, static_cast<std::int32_t>(ms % 1000 * 1000000)};
}

// TimeUtilsTest#testParseDurationMillis, #...Seconds, #...Minutes, #...Hours, #...UpperCase,
// #...Trim: 15 texts, read the same by every version flinklint has a catalog for.
TEST(TimeUtilsTest, ParseDurationCases) {
    const std::vector<std::pair<const char*, JavaDuration>> cases = {
        {"1234", millis(1234)},
        {"1234ms", millis(1234)},
        {"1234 ms", millis(1234)},
        {"667766s", {667766, 0}},
        {"667766 s", {667766, 0}},
        {"7657623min", {7657623LL * 60, 0}},
        {"7657623 min", {7657623LL * 60, 0}},
        {"987654h", {987654LL * 3600, 0}},
        {"987654 h", {987654LL * 3600, 0}},
        {"1 MS", millis(1)},
        {"1 S", {1, 0}},
        {"1 MIN", {60, 0}},
        {"1 H", {3600, 0}},
        {"      155      ", millis(155)},
        {"      155      ms   ", millis(155)},
    };
    for (const FlinkVersion version : kCatalogVersions) {
        for (const auto& [text, expected] : cases) {
            const auto parsed = parse_duration(text, version);
            ASSERT_TRUE(parsed.ok()) << text << " @" << version.str() << ": " << parsed.error();
            EXPECT_EQ(*parsed, expected) << text << " @" << version.str();
        }
    }
}

// #testParseDurationInvalid (the null case has no text), #testParseDurationNumberOverflow,
// #testParseDurationNumberTimeUnitOverflow. From 2.0 the number is a BigInteger, but both overflow
// cases are still refused: the Duration itself does not fit.
TEST(TimeUtilsTest, ParseDurationInvalidAndOverflow) {
    for (const FlinkVersion version : kCatalogVersions) {
        for (const char* text : {"", "     ", "foobar or fubar or foo bazz", "16 gjah", "16 16 17 18 ms",
                                 "-100 ms", "100000000000000000000000000000000 ms", "100000000000000000 h"})
            EXPECT_FALSE(parse_duration(text, version).ok()) << text << " @" << version.str();
    }
}

// ConfigurationParsingInvalidFormatsTest#getSpecs: each option type refuses its invalid string in
// Configuration#get and #getOptional alike (one check here covers both getters): the value is a String
// (a legacy flink-conf.yaml line, or a string scalar of a config.yaml).
TEST(ConfigurationParsingInvalidFormatsTest, EveryTypeRefusesItsInvalidString) {
    const std::vector<std::string_view> enum_values = {"ENUM1", "ENUM2"};
    const std::vector<std::string_view> none;
    struct Spec {
        OptionType type;
        const char* invalid;
    };
    const Spec specs[] = {
        {OptionType::integer, "ABC"},  {OptionType::long_, "ABC"},
        {OptionType::float_, "ABC"},   {OptionType::double_, "ABC"},
        {OptionType::boolean, "ABC"},  {OptionType::memory_size, "ABC"},
        {OptionType::duration, "ABC"}, {OptionType::enumeration, "ABC"},
        {OptionType::map, "ABC"},      {OptionType::list_string, "'A;B;C"},
    };
    for (const FlinkVersion version : {FlinkVersion{1, 18}, FlinkVersion{1, 20}, FlinkVersion{2, 0}}) {
        for (const Spec& spec : specs) {
            const auto& constants = spec.type == OptionType::enumeration ? enum_values : none;
            EXPECT_TRUE(check_option_value(spec.type, constants, spec.invalid, ValueKind::string, version))
                << spec.invalid << " @" << version.str();
        }
    }
    // `list<int>` with `A;B;C` is the eleventh case: flinklint's catalogs have no List<Integer> type
    // (docs/precision.md), so the list's items are not checked as integers.
}

}  // namespace
}  // namespace flinklint
