// The operator's resource memory strings (ResourceConfigUtils.parseResourceMemoryString + fabric8 Quantity).
#include <gtest/gtest.h>

#include "flinklint/operator_memory.hpp"

namespace flinklint {
namespace {

constexpr std::uint64_t kGiB = 1ULL << 30;

std::uint64_t bytes_of(std::string_view text) {
    const auto result = parse_operator_memory(text);
    if (!result) {
        ADD_FAILURE() << text << ": " << result.error();
        return 0;
    }
    return *result;
}

TEST(OperatorMemory, FlinkSyntaxFirstAndBinary) {
    EXPECT_EQ(bytes_of("2g"), 2 * kGiB);
    EXPECT_EQ(bytes_of("2G"), 2 * kGiB);
    EXPECT_EQ(bytes_of("2gb"), 2 * kGiB);
    EXPECT_EQ(bytes_of("2 g"), 2 * kGiB);
    EXPECT_EQ(bytes_of("2048m"), 2 * kGiB);
    EXPECT_EQ(bytes_of("1000000b"), 1000000U);
    EXPECT_EQ(bytes_of("1000000 b"), 1000000U);
    EXPECT_EQ(*operator_memory_config_value("2048m"), "2 gb");
}

TEST(OperatorMemory, KubernetesQuantityFallback) {
    EXPECT_EQ(bytes_of("2Gi"), 2 * kGiB);
    EXPECT_EQ(bytes_of("2gi"), 2 * kGiB);
    EXPECT_EQ(bytes_of("2gib"), 2 * kGiB);
    EXPECT_EQ(bytes_of("2 Gi"), 2 * kGiB);
    EXPECT_EQ(bytes_of("512mi"), 536870912U);
    EXPECT_EQ(bytes_of("1024mi"), 1073741824U);
    EXPECT_EQ(bytes_of("1e6"), 1000000U);
    EXPECT_EQ(bytes_of("1e6 b"), 1000000U);
    EXPECT_EQ(bytes_of("2e9"), 2000000000U);
    EXPECT_EQ(bytes_of("+2G"), 2000000000U);  // the sign makes Flink fail, the Quantity is decimal
    EXPECT_EQ(*operator_memory_config_value("2Gi"), "2147483648");
}

TEST(OperatorMemory, FractionsSurviveTheQuantityButNotFlink) {
    // fabric8 gives 1.5 * 10^9 with scale 1: the operator writes `1500000000.0`, which Flink
    // cannot read as a memory size, so the deployment is rejected.
    EXPECT_EQ(*operator_memory_config_value("1.5g"), "1500000000.0");
    EXPECT_FALSE(parse_operator_memory("1.5g").ok());
    EXPECT_EQ(*operator_memory_config_value("1.5Gi"), "1610612736.0");
    EXPECT_FALSE(parse_operator_memory("1.5Gi").ok());
}

TEST(OperatorMemory, BigDecimalPrinting) {
    EXPECT_EQ(*operator_memory_config_value("2E"), "2.000000000000000E+18");  // exa rounded to 16 digits
    EXPECT_EQ(*operator_memory_config_value("1Ei"), "1.152921504606847E+18");
    EXPECT_EQ(*operator_memory_config_value("-2G"), "-2000000000");
    EXPECT_EQ(*operator_memory_config_value("5E-3"), "0.005");
    EXPECT_FALSE(parse_operator_memory("2E").ok());
    EXPECT_FALSE(parse_operator_memory("-2G").ok());
    EXPECT_EQ(bytes_of("3P"), 3000000000000000U);
}

TEST(OperatorMemory, Rejected) {
    for (const char* text : {"invalid", "", "   ", "2.5K", "G", "2E9X", "1.2.3G", "2Gi5", "20000P"}) {
        EXPECT_FALSE(parse_operator_memory(text).ok()) << text;
    }
}

}  // namespace
}  // namespace flinklint
