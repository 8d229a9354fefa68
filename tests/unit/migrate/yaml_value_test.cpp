// Legacy values written as YAML 1.2: what changes and what stays.
#include <gtest/gtest.h>

#include "tuner/migrate/src/yaml_value.hpp"

using flinklint::OptionType;
using flinklint::migrate::legacy_value_as_yaml;
using flinklint::migrate::yaml_scalar;

TEST(YamlValue, PlainValuesStay) {
    EXPECT_FALSE(legacy_value_as_yaml("localhost", OptionType::string_));
    EXPECT_FALSE(legacy_value_as_yaml("10 s", OptionType::duration));
    EXPECT_FALSE(legacy_value_as_yaml("1024m", OptionType::memory_size));
    EXPECT_FALSE(legacy_value_as_yaml("4", OptionType::integer));
    EXPECT_FALSE(legacy_value_as_yaml("true", OptionType::boolean));
    EXPECT_FALSE(legacy_value_as_yaml("-XX:+UseG1GC -Dx=y", OptionType::string_));
    EXPECT_FALSE(legacy_value_as_yaml("http://h:8081/p", OptionType::string_));
}

TEST(YamlValue, ListsAndMapsBecomeYaml) {
    EXPECT_EQ(legacy_value_as_yaml("a.jar;b.jar", OptionType::list_string)->text, "[a.jar, b.jar]");
    EXPECT_EQ(legacy_value_as_yaml("one", OptionType::list_string)->text, "[one]");
    EXPECT_EQ(legacy_value_as_yaml("'x,y';z", OptionType::list_string)->text, "['x,y', z]");
    EXPECT_EQ(legacy_value_as_yaml("k1:v1,k2:v2", OptionType::map)->text, "{k1: v1, k2: v2}");
    EXPECT_EQ(legacy_value_as_yaml("a:1,b:2;c:3", OptionType::list_map)->text, "[{a: 1, b: 2}, {c: 3}]");
    EXPECT_FALSE(legacy_value_as_yaml("[a, b]", OptionType::list_string));
}

TEST(YamlValue, QuotesAndTypedScalars) {
    // The legacy parser kept quotes in the value; YAML reads the text inside them.
    EXPECT_EQ(legacy_value_as_yaml("\"1728m\"", OptionType::memory_size)->text, "1728m");
    EXPECT_EQ(legacy_value_as_yaml("'it''s'", OptionType::string_)->text, "it's");
    // As plain scalars these would be an int, a float, a null or a YAML 1.1 boolean.
    EXPECT_EQ(legacy_value_as_yaml("0x10", OptionType::string_)->text, "'0x10'");
    EXPECT_EQ(legacy_value_as_yaml("1e3", OptionType::string_)->text, "'1e3'");
    EXPECT_EQ(legacy_value_as_yaml("007", OptionType::string_)->text, "'007'");
    EXPECT_EQ(legacy_value_as_yaml("True", OptionType::string_)->text, "'True'");
    // Typed scalars whose text Flink reads back unchanged stay plain.
    EXPECT_FALSE(legacy_value_as_yaml("12", OptionType::unknown));
    EXPECT_FALSE(legacy_value_as_yaml("0.5", OptionType::unknown));
    EXPECT_FALSE(legacy_value_as_yaml("false", OptionType::unknown));
    EXPECT_EQ(legacy_value_as_yaml("~", OptionType::string_)->text, "'~'");
    EXPECT_EQ(legacy_value_as_yaml("on", OptionType::string_)->text, "'on'");
    EXPECT_EQ(legacy_value_as_yaml("a: b", OptionType::string_)->text, "'a: b'");
    EXPECT_EQ(legacy_value_as_yaml("*star", OptionType::string_)->text, "'*star'");
    EXPECT_EQ(yaml_scalar("it's"), "it's");
    EXPECT_EQ(yaml_scalar("'x'"), "'''x'''");
}
