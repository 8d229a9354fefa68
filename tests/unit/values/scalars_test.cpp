// Integer.parseInt, Long.parseLong, Float.parseFloat, Double.parseDouble, and the Boolean and Enum
// conversions of ConfigurationUtils.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "flinklint/values.hpp"

namespace flinklint {
namespace {

TEST(JavaInt, AcceptsSignAndAnyScriptsDigits) {
    EXPECT_EQ(*parse_java_int("42"), 42);
    EXPECT_EQ(*parse_java_int("+42"), 42);
    EXPECT_EQ(*parse_java_int("-42"), -42);
    EXPECT_EQ(*parse_java_int("0042"), 42);
    EXPECT_EQ(*parse_java_int("2147483647"), 2147483647);
    EXPECT_EQ(*parse_java_int("-2147483648"), -2147483647 - 1);
    EXPECT_EQ(*parse_java_int("\xD9\xA1\xD9\xA2"), 12);          // Arabic-Indic digits
    EXPECT_EQ(*parse_java_int("\xEF\xBC\x91\xEF\xBC\x92"), 12);  // fullwidth digits
}

TEST(JavaInt, RejectsEverythingElse) {
    for (const char* text :
         {"", "+", "-", " 42", "42 ", "4_2", "1e3", "0x10", "1.0", "2147483648", "-2147483649",
          "99999999999999999999999", "12ms", "--1", "+-1", "\xF0\x9D\x9F\x8E" /* U+1D7CE */}) {
        EXPECT_FALSE(parse_java_int(text).ok()) << text;
    }
    const auto range = parse_java_int("2147483648");
    EXPECT_NE(range.error().find("out of range"), std::string::npos) << range.error();
    const auto unit = parse_java_int("2 min");
    EXPECT_NE(unit.error().find("`2 min` is not a whole number"), std::string::npos) << unit.error();
}

TEST(JavaLong, Bounds) {
    EXPECT_EQ(*parse_java_long("9223372036854775807"), std::numeric_limits<std::int64_t>::max());
    EXPECT_EQ(*parse_java_long("-9223372036854775808"), std::numeric_limits<std::int64_t>::min());
    EXPECT_EQ(*parse_java_long("-0"), 0);
    EXPECT_FALSE(parse_java_long("9223372036854775808").ok());
    EXPECT_FALSE(parse_java_long("-9223372036854775809").ok());
    EXPECT_FALSE(parse_java_long("10 s").ok());
    EXPECT_FALSE(parse_java_long("1L").ok());
}

std::uint32_t bits(float value) {
    return std::bit_cast<std::uint32_t>(value);
}

TEST(JavaFloat, FullJavaGrammar) {
    EXPECT_EQ(*parse_java_float("0.4f"), 0.4f);
    EXPECT_EQ(*parse_java_float("0.3d"), 0.3f);
    EXPECT_EQ(*parse_java_float(".3"), 0.3f);
    EXPECT_EQ(*parse_java_float("3e-1"), 0.3f);
    EXPECT_EQ(*parse_java_float("3E-1F"), 0.3f);
    EXPECT_EQ(*parse_java_float("  +0.5\t"), 0.5f);
    EXPECT_EQ(*parse_java_float("-2"), -2.0f);
    EXPECT_EQ(*parse_java_float("1."), 1.0f);
    EXPECT_EQ(*parse_java_float("0x1p-2"), 0.25f);
    EXPECT_EQ(*parse_java_float("0X1.8P1"), 3.0f);
    EXPECT_EQ(*parse_java_float("0x.8p0f"), 0.5f);
    EXPECT_EQ(*parse_java_float("-0x10p0"), -16.0f);
    EXPECT_TRUE(std::isnan(*parse_java_float("NaN")));
    EXPECT_TRUE(std::isnan(*parse_java_float("-NaN")));
    EXPECT_EQ(*parse_java_float("Infinity"), std::numeric_limits<float>::infinity());
    EXPECT_EQ(*parse_java_float("-Infinity"), -std::numeric_limits<float>::infinity());
    EXPECT_EQ(*parse_java_float("1e40"), std::numeric_limits<float>::infinity());  // overflow is Infinity
    EXPECT_EQ(*parse_java_float("1e-50"), 0.0f);
    EXPECT_TRUE(std::signbit(*parse_java_float("-0.0")));
    EXPECT_EQ(*parse_java_float("1e99999999999999999999"), std::numeric_limits<float>::infinity());
    EXPECT_EQ(*parse_java_float("0." + std::string(100000, '0') + "1e100001"), 1.0f);
}

TEST(JavaFloat, RoundsOnceFromDecimalToFloat) {
    EXPECT_EQ(bits(*parse_java_float("0.1")), bits(0.1f));
    EXPECT_EQ(bits(*parse_java_float("0.4")), 0x3ECCCCCDu);
    // Just below, at and above the midpoint of 1+2^-23 and 1+2^-22: a detour through double
    // would round the first one up as well.
    EXPECT_EQ(bits(*parse_java_float("1.00000017881393432617187499")), 0x3F800001u);
    EXPECT_EQ(bits(*parse_java_float("1.000000178813934326171875")), 0x3F800002u);
    EXPECT_EQ(bits(*parse_java_float("1.00000017881393432617187501")), 0x3F800002u);
    EXPECT_EQ(bits(*parse_java_float("0x1.000001p0")), 0x3F800000u);                   // tie to even
    EXPECT_EQ(bits(*parse_java_float("0x1.00000100000000000000001p0")), 0x3F800001u);  // sticky digit
    EXPECT_EQ(bits(*parse_java_float("1.4e-45")), 1u);                                 // smallest subnormal
    EXPECT_EQ(bits(*parse_java_float("3.4028235e38")), 0x7F7FFFFFu);
}

TEST(JavaFloat, RejectsNonJavaSpellings) {
    for (const char* text :
         {"",      " ",     ".",   "e1",       "1e",   "1e+",   "0x1",          "0x1.8", "0xp1", "1,5",
          "1.5 %", "50%",   "nan", "infinity", "inf",  "NaNf",  "Infinityd",    "1f5",   "1ff",  "1 f",
          "0.4 f", "1_000", "--1", "+",        "0x1p", "1.2.3", "\xEF\xBC\x91", "0.4gb"}) {
        EXPECT_FALSE(parse_java_float(text).ok()) << text;
        EXPECT_FALSE(parse_java_double(text).ok()) << text;
    }
}

TEST(JavaDouble, Values) {
    EXPECT_EQ(*parse_java_double("0.1"), 0.1);
    EXPECT_EQ(*parse_java_double("1e308"), 1e308);
    EXPECT_EQ(*parse_java_double("1e309"), std::numeric_limits<double>::infinity());
    EXPECT_EQ(*parse_java_double("4.9e-324"), std::numeric_limits<double>::denorm_min());
    EXPECT_EQ(*parse_java_double("1e-400"), 0.0);
    EXPECT_EQ(*parse_java_double("0x1.fffffffffffffp1023"), std::numeric_limits<double>::max());
    EXPECT_EQ(*parse_java_double("0.75D"), 0.75);
    const std::string many_digits = std::string(400, '1') + "e-390";
    EXPECT_EQ(*parse_java_double(many_digits), std::strtod(many_digits.c_str(), nullptr));
}

TEST(JavaBoolean, OnlyTrueAndFalse) {
    EXPECT_TRUE(*parse_java_boolean("true"));
    EXPECT_TRUE(*parse_java_boolean("TRUE"));
    EXPECT_TRUE(*parse_java_boolean("tRuE"));
    EXPECT_FALSE(*parse_java_boolean("False"));
    EXPECT_FALSE(
        *parse_java_boolean("fal\xC5\xBF"
                            "e"));  // LATIN SMALL LONG S upper-cases to S
    for (const char* text :
         {"yes", "no", "on", "off", "1", "0", "", " true", "true ", "y", "t", "\"true\""}) {
        EXPECT_FALSE(parse_java_boolean(text).ok()) << text;
    }
}

TEST(JavaEnum, CaseInsensitiveAndReturnsTheDeclaredConstant) {
    const std::vector<std::string_view> modes = {"EXACTLY_ONCE", "AT_LEAST_ONCE"};
    EXPECT_EQ(*parse_enum("exactly_once", modes), "EXACTLY_ONCE");
    EXPECT_EQ(*parse_enum("At_Least_Once", modes), "AT_LEAST_ONCE");
    EXPECT_FALSE(parse_enum("exactly-once", modes).ok());
    EXPECT_FALSE(parse_enum(" EXACTLY_ONCE", modes).ok());
    EXPECT_FALSE(parse_enum("", modes).ok());
    EXPECT_FALSE(parse_enum("x", {}).ok());
    const auto error = parse_enum("once", modes);
    EXPECT_NE(error.error().find("EXACTLY_ONCE, AT_LEAST_ONCE"), std::string::npos) << error.error();
    const std::string_view klass[] = {"CLASS"};
    EXPECT_EQ(*parse_enum("cla\xC3\x9F", klass), "CLASS");  // ß upper-cases to SS
}

}  // namespace
}  // namespace flinklint
