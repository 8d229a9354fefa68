// Random and hostile inputs: nothing may crash, hang or break an invariant.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <random>

#include "flinklint/option_values.hpp"
#include "flinklint/values.hpp"
#include "random_text.hpp"

namespace flinklint {
namespace {

TEST(Robustness, RandomInputsNeverBreakAnInvariant) {
    std::mt19937 rng(20240611);
    const std::vector<std::string_view> enums = {"A", "B_C"};
    for (int i = 0; i < 20000; ++i) {
        const std::string text = testing::random_text(rng, 24);
        if (const auto bytes = parse_memory_size(text)) {
            EXPECT_LE(*bytes, 9223372036854775807ULL);
            EXPECT_EQ(*parse_memory_size(format_memory_size(*bytes)), *bytes) << text;
            EXPECT_FALSE(format_memory_size_human(*bytes).empty());
        }
        for (FlinkVersion version : {FlinkVersion{1, 20}, FlinkVersion{2, 0}, FlinkVersion{2, 1}}) {
            if (const auto duration = parse_duration(text, version)) {
                EXPECT_GE(duration->seconds, 0) << text;
                EXPECT_TRUE(duration->nanos >= 0 && duration->nanos < 1'000'000'000) << text;
                EXPECT_EQ(*parse_duration(format_duration(*duration), FlinkVersion{2, 0}), *duration) << text;
            }
        }
        (void)parse_java_int(text);
        (void)parse_java_long(text);
        (void)parse_java_float(text);
        (void)parse_java_double(text);
        (void)parse_java_boolean(text);
        (void)parse_enum(text, enums);
        (void)parse_list(text);
        (void)parse_map(text);
        if (const auto ports = parse_port_ranges(text)) {
            for (const PortRange& range : *ports) {
                EXPECT_TRUE(range.first >= 0 && range.first <= 65535 && range.last >= 0 &&
                            range.last <= 65535);
            }
        }
        for (int type = 0; type <= static_cast<int>(OptionType::unknown); ++type) {
            for (int kind = 0; kind <= static_cast<int>(ValueKind::map); ++kind) {
                const auto reason = check_option_value(static_cast<OptionType>(type), enums, text,
                                                       static_cast<ValueKind>(kind), FlinkVersion{2, 1});
                if (reason) {
                    EXPECT_LT(reason->size(), 1000u);
                }
            }
        }
    }
}

TEST(Robustness, DecimalFloatsRoundLikeStrtod) {
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> digit(0, 9), length(1, 30), exponent(-420, 420), coin(0, 1);
    for (int i = 0; i < 50000; ++i) {
        std::string text = coin(rng) ? "-" : "";
        for (int n = length(rng); n > 0; --n) text += static_cast<char>('0' + digit(rng));
        if (coin(rng)) {
            text += '.';
            for (int n = length(rng); n > 0; --n) text += static_cast<char>('0' + digit(rng));
        }
        text += 'e';
        text += std::to_string(exponent(rng) / (coin(rng) ? 1 : 10));
        const double expected_double = std::strtod(text.c_str(), nullptr);
        const float expected_float = std::strtof(text.c_str(), nullptr);
        EXPECT_EQ(*parse_java_double(text), expected_double) << text;
        EXPECT_EQ(*parse_java_float(text), expected_float) << text;
    }
}

TEST(Robustness, HugeValues) {
    const std::string digits(1 << 20, '7');
    EXPECT_FALSE(parse_memory_size(digits).ok());
    EXPECT_FALSE(parse_duration(digits + " ms", FlinkVersion{2, 0}).ok());
    EXPECT_FALSE(parse_java_long(digits).ok());
    EXPECT_EQ(*parse_java_double(digits), std::numeric_limits<double>::infinity());
    EXPECT_EQ(parse_list(std::string(1 << 20, ';'))->size(), (1u << 20) - 1);
    EXPECT_FALSE(parse_list("'" + std::string(1 << 20, 'a')).ok());
    EXPECT_EQ(parse_map(std::string(1 << 18, 'k') + ":" + std::string(1 << 18, 'v'))->size(), 1u);
    const auto message = parse_memory_size(digits + "zz");
    EXPECT_LT(message.error().size(), 400u);
}

}  // namespace
}  // namespace flinklint
