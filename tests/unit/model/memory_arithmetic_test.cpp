// MemorySize.multiply as Flink computes it: float fraction, widened, BigDecimal, truncated.
#include <gtest/gtest.h>

#include <cmath>

#include "flinklint/memory_arithmetic.hpp"

namespace flinklint::memory {
namespace {

TEST(MemoryArithmetic, FloatFractionsActWidened) {
    const double tenth = static_cast<double>(0.1F);
    EXPECT_EQ(*multiply_bytes(1342177280, tenth), 134217730U);  // not 134217728
    EXPECT_EQ(*multiply_bytes(1342177280, static_cast<double>(0.4F)), 536870920U);
    EXPECT_EQ(*multiply_bytes(1811939328, tenth), 181193935U);
}

TEST(MemoryArithmetic, InverseFraction) {
    const RangeFraction network{64ULL << 20, kMaxBytes, static_cast<double>(0.1F)};
    EXPECT_EQ(*derive_with_inverse_fraction(2415919104, network), 268435460U);
}

TEST(MemoryArithmetic, Limits) {
    EXPECT_EQ(*multiply_bytes(kMaxBytes, 0.5), 4611686018427387903U);
    EXPECT_FALSE(multiply_bytes(kMaxBytes, 2.0).has_value());
    EXPECT_FALSE(multiply_bytes(1, -0.5).has_value());
    EXPECT_EQ(*multiply_bytes(123, 0.0), 0U);
    EXPECT_EQ(*multiply_bytes(1000, 1e-300), 0U);
    EXPECT_EQ(*multiply_bytes(3, 1e3), 3000U);
    EXPECT_FALSE(add_bytes(kMaxBytes, 1).has_value());
    EXPECT_EQ(*add_bytes(kMaxBytes - 1, 1), kMaxBytes);
}

TEST(MemoryArithmetic, RangeFraction) {
    EXPECT_TRUE(is_valid_range_fraction(0, 10, 0.0));
    EXPECT_FALSE(is_valid_range_fraction(0, 10, 1.0));
    EXPECT_FALSE(is_valid_range_fraction(11, 10, 0.5));
    EXPECT_FALSE(is_valid_range_fraction(0, 10, std::nan("")));
    const RangeFraction range{10, 20, 0.5};
    EXPECT_EQ(cap_to_range(5, range), 10U);
    EXPECT_EQ(cap_to_range(25, range), 20U);
    EXPECT_EQ(cap_to_range(15, range), 15U);
}

TEST(MemoryArithmetic, JavaDoubleText) {
    EXPECT_EQ(java_double_text(static_cast<double>(0.1F)), "0.10000000149011612");
    EXPECT_EQ(java_double_text(1.0), "1.0");
    EXPECT_EQ(java_double_text(1.5), "1.5");
    EXPECT_EQ(java_double_text(100.0), "100.0");
    EXPECT_EQ(java_double_text(1.5e-4), "1.5E-4");
    EXPECT_EQ(java_double_text(1e7), "1.0E7");
    EXPECT_EQ(java_double_text(-2.0), "-2.0");
    EXPECT_EQ(java_double_text(0.001), "0.001");
}

}  // namespace
}  // namespace flinklint::memory
