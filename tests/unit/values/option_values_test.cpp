// check_option_value: which written values Flink converts to an option's type, by value kind and version.
#include <gtest/gtest.h>

#include "flinklint/option_values.hpp"

namespace flinklint {
namespace {

constexpr FlinkVersion v1_18{1, 18}, v1_19{1, 19}, v1_20{1, 20}, v2_0{2, 0}, v2_1{2, 1};
const std::vector<std::string_view> kNoEnum;

std::optional<std::string> check(OptionType type, std::string_view value, ValueKind kind = ValueKind::string,
                                 FlinkVersion version = v1_20,
                                 const std::vector<std::string_view>& enums = kNoEnum) {
    return check_option_value(type, enums, value, kind, version);
}

TEST(OptionValues, HeartbeatTimeoutIsLongUpTo1_19AndDurationFrom1_20) {
    const auto as_long = check(OptionType::long_, "2 min", ValueKind::string, v1_19);
    ASSERT_TRUE(as_long);
    EXPECT_NE(as_long->find("Flink reads this option as a Long"), std::string::npos) << *as_long;
    EXPECT_FALSE(check(OptionType::duration, "2 min", ValueKind::string, v1_20));
    EXPECT_FALSE(check(OptionType::long_, "120000", ValueKind::string, v1_19));
    EXPECT_FALSE(check(OptionType::duration, "120000", ValueKind::string, v1_20));
}

TEST(OptionValues, LegacyQuotesStayInTheValue) {
    const auto quoted = check(OptionType::memory_size, "\"1728m\"");
    ASSERT_TRUE(quoted);
    EXPECT_NE(quoted->find("keeps quotes"), std::string::npos) << *quoted;
    EXPECT_NE(quoted->find("`1728m`"), std::string::npos) << *quoted;
    EXPECT_FALSE(check(OptionType::memory_size, "1728m"));
    EXPECT_TRUE(check(OptionType::integer, "'4'"));
    EXPECT_FALSE(check(OptionType::string_, "\"anything\""));
}

TEST(OptionValues, StringUnknownAndNullAcceptEverything) {
    for (ValueKind kind : {ValueKind::string, ValueKind::integer, ValueKind::floating, ValueKind::boolean,
                           ValueKind::list, ValueKind::map}) {
        EXPECT_FALSE(check(OptionType::string_, "x", kind));
        EXPECT_FALSE(check(OptionType::unknown, "x", kind));
    }
    for (OptionType type :
         {OptionType::boolean, OptionType::integer, OptionType::memory_size, OptionType::map}) {
        EXPECT_FALSE(check(type, "", ValueKind::null));
    }
}

TEST(OptionValues, YamlBooleans) {
    EXPECT_FALSE(check(OptionType::boolean, "True", ValueKind::boolean));
    EXPECT_FALSE(check(OptionType::boolean, "TRUE", ValueKind::string));
    EXPECT_TRUE(check(OptionType::boolean, "yes", ValueKind::string));  // YAML 1.2: yes/on are strings
    EXPECT_TRUE(check(OptionType::boolean, "on", ValueKind::string));
    EXPECT_TRUE(check(OptionType::boolean, "1", ValueKind::integer));
    EXPECT_TRUE(check(OptionType::integer, "true", ValueKind::boolean));
    EXPECT_FALSE(check(OptionType::list_string, "true", ValueKind::boolean));
}

TEST(OptionValues, YamlNumbers) {
    EXPECT_FALSE(check(OptionType::integer, "42", ValueKind::integer));
    EXPECT_FALSE(check(OptionType::integer, "0x10", ValueKind::integer));  // the loader builds 16
    EXPECT_FALSE(check(OptionType::integer, "0o17", ValueKind::integer));
    EXPECT_TRUE(check(OptionType::integer, "3000000000", ValueKind::integer));
    EXPECT_FALSE(check(OptionType::long_, "3000000000", ValueKind::integer));
    EXPECT_TRUE(check(OptionType::long_, "0x8000000000000000", ValueKind::integer));
    const auto float_for_int = check(OptionType::integer, "0.5", ValueKind::floating);
    ASSERT_TRUE(float_for_int);
    EXPECT_NE(float_for_int->find("a YAML float (`0.5`) is not one"), std::string::npos) << *float_for_int;
    EXPECT_TRUE(check(OptionType::long_, "1.0", ValueKind::floating));
    // Integers are converted through their decimal text: +5 and 007 are fine sizes, -5 is not.
    EXPECT_FALSE(check(OptionType::memory_size, "1024", ValueKind::integer));
    EXPECT_FALSE(check(OptionType::memory_size, "+5", ValueKind::integer));
    EXPECT_FALSE(check(OptionType::memory_size, "007", ValueKind::integer));
    EXPECT_TRUE(check(OptionType::memory_size, "-5", ValueKind::integer));
    EXPECT_FALSE(check(OptionType::memory_size, "0x400", ValueKind::integer));
    EXPECT_TRUE(check(OptionType::memory_size, "1.5", ValueKind::floating));
    EXPECT_FALSE(check(OptionType::duration, "500", ValueKind::integer));
    EXPECT_TRUE(check(OptionType::duration, "0.5", ValueKind::floating));
    EXPECT_TRUE(check(OptionType::duration, "0x" + std::string(3000, 'f'), ValueKind::integer, v2_1));
}

TEST(OptionValues, FloatsAndDoubles) {
    EXPECT_FALSE(check(OptionType::float_, "0.4", ValueKind::floating));
    EXPECT_FALSE(check(OptionType::float_, "1", ValueKind::integer));
    EXPECT_FALSE(check(OptionType::float_, "0.4f"));
    EXPECT_FALSE(check(OptionType::float_, "1e39"));  // from a string: Float.parseFloat gives Infinity
    EXPECT_TRUE(check(OptionType::float_, "1e39", ValueKind::floating));  // a Double outside float range
    EXPECT_TRUE(check(OptionType::float_, "1e-50", ValueKind::floating));
    EXPECT_TRUE(check(OptionType::float_, ".nan", ValueKind::floating));
    EXPECT_TRUE(check(OptionType::float_, "-.inf", ValueKind::floating));
    EXPECT_FALSE(check(OptionType::float_, "0", ValueKind::floating));
    EXPECT_FALSE(check(OptionType::double_, ".nan", ValueKind::floating));
    EXPECT_FALSE(check(OptionType::double_, "1e39", ValueKind::floating));
    EXPECT_TRUE(check(OptionType::double_, "40%"));
    EXPECT_TRUE(check(OptionType::float_, "0,4"));
}

TEST(OptionValues, DurationsAndSizes) {
    EXPECT_FALSE(check(OptionType::duration, "10 s"));
    EXPECT_TRUE(check(OptionType::duration, "1.5s"));
    EXPECT_TRUE(check(OptionType::duration, "PT10S", ValueKind::string, v1_20));
    EXPECT_TRUE(check(OptionType::duration, "PT10S", ValueKind::string, v2_0));
    EXPECT_FALSE(check(OptionType::duration, "PT10S", ValueKind::string, v2_1));
    EXPECT_TRUE(check(OptionType::memory_size, "2GiB"));
    EXPECT_FALSE(check(OptionType::memory_size, "2 GB"));
}

TEST(OptionValues, Enums) {
    const std::vector<std::string_view> modes = {"EXACTLY_ONCE", "AT_LEAST_ONCE"};
    EXPECT_FALSE(check(OptionType::enumeration, "exactly_once", ValueKind::string, v1_20, modes));
    const auto wrong = check(OptionType::enumeration, "exactly-once", ValueKind::string, v1_20, modes);
    ASSERT_TRUE(wrong);
    EXPECT_NE(wrong->find("EXACTLY_ONCE, AT_LEAST_ONCE"), std::string::npos) << *wrong;
    EXPECT_FALSE(check(OptionType::list_enum, "exactly_once;AT_LEAST_ONCE", ValueKind::string, v1_20, modes));
    EXPECT_TRUE(check(OptionType::list_enum, "exactly_once;never", ValueKind::string, v1_20, modes));
    EXPECT_FALSE(
        check(OptionType::list_enum, "[exactly_once, 'AT_LEAST_ONCE']", ValueKind::list, v1_20, modes));
    EXPECT_TRUE(check(OptionType::list_enum, "[exactly_once, never]", ValueKind::list, v1_20, modes));
    EXPECT_TRUE(check(OptionType::list_enum, "[exactly_once, never]", ValueKind::string, v1_20, modes));
    EXPECT_FALSE(check(OptionType::list_enum, "[exactly_once]", ValueKind::string, v1_20, modes));
    EXPECT_TRUE(check(OptionType::list_enum, "[exactly_once]", ValueKind::string, v1_18, modes));
}

TEST(OptionValues, ListsAndMaps) {
    EXPECT_FALSE(check(OptionType::list_string, "a;b;c"));
    EXPECT_FALSE(check(OptionType::list_string, "[a, b]", ValueKind::list));
    EXPECT_TRUE(check(OptionType::list_string, "'a' b", ValueKind::string, v1_18));
    EXPECT_TRUE(check(OptionType::integer, "[1, 2]", ValueKind::list));
    EXPECT_TRUE(check(OptionType::map, "[a, b]", ValueKind::list));
    EXPECT_FALSE(check(OptionType::map, "{}", ValueKind::map));
    EXPECT_TRUE(check(OptionType::duration, "{}", ValueKind::map));
    EXPECT_FALSE(check(OptionType::map, "k1:v1,k2:v2"));
    EXPECT_TRUE(check(OptionType::map, "k1=v1", ValueKind::string, v1_18));
    EXPECT_TRUE(check(OptionType::map, "a:b:c", ValueKind::string, v2_0));
    EXPECT_FALSE(check(OptionType::map, "{a: b, c: d}", ValueKind::string, v2_0));  // YAML flow map from 1.19
    EXPECT_FALSE(check(OptionType::list_map, "k1:v1,k2:v2;k3:v3"));
    EXPECT_TRUE(check(OptionType::list_map, "k1:v1;k3"));
}

}  // namespace
}  // namespace flinklint
