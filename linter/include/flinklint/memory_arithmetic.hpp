// Flink's MemorySize arithmetic, reproduced exactly: sizes are Java longs (at most 2^63 - 1 bytes),
// fractions are Java floats widened to double and multiplied as BigDecimal with truncation.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace flinklint::memory {

inline constexpr std::uint64_t kMaxBytes = 9223372036854775807ULL;  // Long.MAX_VALUE
inline constexpr std::uint64_t kMebibyte = 1ULL << 20;

// MemorySize.multiply: `bytes` times the decimal that Double.toString prints for `multiplier`
// (the shortest round-trip digits), exact, truncated toward zero. nullopt when Flink throws:
// a negative or non-finite multiplier, or a product above Long.MAX_VALUE.
std::optional<std::uint64_t> multiply_bytes(std::uint64_t bytes, double multiplier);

// Math.addExact on two non-negative longs; nullopt on overflow.
std::optional<std::uint64_t> add_bytes(std::uint64_t a, std::uint64_t b);

// Double.toString-style text for messages: `0.10000000149011612`, `1.0`, `1.5E-4`.
std::string java_double_text(double value);

// A min/max/fraction triple that passed Flink's RangeFraction checks.
struct RangeFraction {
    std::uint64_t min = 0;
    std::uint64_t max = 0;
    double fraction = 0;
};

// True when Flink's RangeFraction accepts the triple: min <= max and 0 <= fraction < 1.
bool is_valid_range_fraction(std::uint64_t min, std::uint64_t max, double fraction);

// ProcessMemoryUtils.capToMinMax.
std::uint64_t cap_to_range(std::uint64_t bytes, const RangeFraction& range);

// deriveWithFraction: cap(base * fraction). nullopt on overflow.
std::optional<std::uint64_t> derive_with_fraction(std::uint64_t base, const RangeFraction& range);
// deriveWithInverseFraction: cap(base * (fraction / (1 - fraction))), the ratio in double first.
std::optional<std::uint64_t> derive_with_inverse_fraction(std::uint64_t base, const RangeFraction& range);

}  // namespace flinklint::memory
