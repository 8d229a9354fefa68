// Flink's ConfigurationConversionsTest (flink-core, org.apache.flink.configuration), transcribed: which
// stored values Configuration#get converts to Integer, Long, Float, Double and Boolean options, and
// which it refuses (ConfigurationUtils#convertToInt/Long/Float/Double/Boolean). The Java test stores
// typed values (`pc.set(getIntConfigOption("int"), 5)`), as a config.yaml does from Flink 1.19 on:
// GlobalConfiguration#loadYAMLResource keeps what YAML made of each scalar (`setValueInternal(k, v)`),
// an Integer, Long, Double, Boolean or String. A legacy flink-conf.yaml keeps every value as a String,
// read by the same methods' string path (`Integer.parseInt(o.toString())`, `Float.parseFloat`, ...).
// getString accepts everything (a String option: no finding); getBytes has no option type.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "flinklint/option_values.hpp"

namespace flinklint {
namespace {

// One stored value of the Java test and what each typed getter does with it: true = converts.
struct Stored {
    const char* name;  // the test's key
    const char* text;  // the value as written in the file
    ValueKind yaml_kind;
    bool to_int, to_long, to_float, to_double, to_boolean;
};

// The test's @Parameters, one row per stored value (`init()`); for the config.yaml reading.
constexpr Stored kTypedCases[] = {
    {"int", "5", ValueKind::integer, true, true, true, true, false},
    {"long", "15", ValueKind::integer, true, true, true, true, false},
    {"too_long", "2147483657", ValueKind::integer, false, true, true, true, false},
    // A Float cannot come out of YAML; its Double reads the same in every getter of the test.
    {"float", "2.1456775", ValueKind::floating, false, false, true, true, false},
    {"double", "3.141592653589793", ValueKind::floating, false, false, true, true, false},
    {"negative_double", "-1.0", ValueKind::floating, false, false, true, true, false},
    {"zero", "0.0", ValueKind::floating, false, false, true, true, false},
    // convertToFloat of a Double outside the float range: "overflows/underflows the float type".
    {"too_long_double", "1.7976931348623157E308", ValueKind::floating, false, false, false, true, false},
    {"string", "42", ValueKind::string, true, true, true, true, false},
    {"non_convertible_string", "bcdefg&&", ValueKind::string, false, false, false, false, false},
    {"boolean", "true", ValueKind::boolean, false, false, false, false, true},
};

struct Getter {
    OptionType type;
    const char* name;
    bool Stored::*converts;
};
constexpr Getter kGetters[] = {
    {OptionType::integer, "Integer", &Stored::to_int},
    {OptionType::long_, "Long", &Stored::to_long},
    {OptionType::float_, "Float", &Stored::to_float},
    {OptionType::double_, "Double", &Stored::to_double},
    {OptionType::boolean, "Boolean", &Stored::to_boolean},
};

void expect_agreement(const Stored& stored, ValueKind kind, FlinkVersion version,
                      bool (*converts)(const Stored&, const Getter&)) {
    const std::vector<std::string_view> no_enum;
    for (const Getter& getter : kGetters) {
        const auto refusal = check_option_value(getter.type, no_enum, stored.text, kind, version);
        EXPECT_EQ(!refusal.has_value(), converts(stored, getter))
            << "Flink " << version.str() << ", " << stored.name << " = " << stored.text << " as "
            << getter.name << (refusal ? ": flinklint refuses it: " + *refusal : ": flinklint accepts it");
        EXPECT_FALSE(check_option_value(OptionType::string_, no_enum, stored.text, kind, version));
    }
}

bool as_in_the_test(const Stored& stored, const Getter& getter) {
    return stored.*getter.converts;
}

TEST(ConfigurationConversionsSpec, TypedValuesOfAConfigYaml) {
    for (const FlinkVersion version :
         {FlinkVersion{1, 19}, FlinkVersion{1, 20}, FlinkVersion{2, 0}, FlinkVersion{2, 2}}) {
        for (const Stored& stored : kTypedCases)
            expect_agreement(stored, stored.yaml_kind, version, as_in_the_test);
    }
}

// The same values as Strings in a flink-conf.yaml. Only one getter differs from the typed case:
// Float.parseFloat("1.7976931348623157E308") is Infinity, not an error (no range check on a String).
bool as_strings(const Stored& stored, const Getter& getter) {
    if (std::string_view(stored.name) == "too_long_double" && getter.type == OptionType::float_) return true;
    return stored.*getter.converts;
}

TEST(ConfigurationConversionsSpec, TheSameValuesAsStringsOfAFlinkConfYaml) {
    for (const Stored& stored : kTypedCases) expect_agreement(stored, ValueKind::string, {1, 18}, as_strings);
    for (const Stored& stored : kTypedCases) expect_agreement(stored, ValueKind::string, {1, 20}, as_strings);
}

}  // namespace
}  // namespace flinklint
