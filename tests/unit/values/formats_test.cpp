// MemorySize.toString, MemorySize.toHumanReadableString and TimeUtils.formatWithHighestUnit.
#include <gtest/gtest.h>

#include "flinklint/values.hpp"

namespace flinklint {
namespace {

TEST(FormatMemorySize, LargestExactUnit) {
    EXPECT_EQ(format_memory_size(64ULL << 20), "64 mb");
    EXPECT_EQ(format_memory_size(32ULL << 10), "32 kb");
    EXPECT_EQ(format_memory_size(0), "0 bytes");
    EXPECT_EQ(format_memory_size(1ULL << 30), "1 gb");
    EXPECT_EQ(format_memory_size(1536ULL << 20), "1536 mb");
    EXPECT_EQ(format_memory_size(1500), "1500 bytes");
    EXPECT_EQ(format_memory_size(3ULL << 39), "1536 gb");
    // MemorySize.toString falls back to bytes when every unit divides: whole tebibytes print in bytes.
    EXPECT_EQ(format_memory_size(1ULL << 40), "1099511627776 bytes");
    EXPECT_EQ(format_memory_size(9223372036854775807ULL), "9223372036854775807 bytes");
}

TEST(FormatMemorySize, HumanReadable) {
    EXPECT_EQ(format_memory_size_human(1879048192), "1.750gb (1879048192 bytes)");
    EXPECT_EQ(format_memory_size_human(0), "0 bytes");
    EXPECT_EQ(format_memory_size_human(1024), "1024 bytes");  // the unit must be strictly smaller
    EXPECT_EQ(format_memory_size_human(1025), "1.001kb (1025 bytes)");
    EXPECT_EQ(format_memory_size_human(1ULL << 30), "1024.000mb (1073741824 bytes)");
    EXPECT_EQ(format_memory_size_human((1ULL << 30) + 1), "1.000gb (1073741825 bytes)");
    EXPECT_EQ(format_memory_size_human(134217728), "128.000mb (134217728 bytes)");
    EXPECT_EQ(format_memory_size_human(3ULL << 40), "3.000tb (3298534883328 bytes)");
    // Java's %.3f rounds half up (C's printf would give 1.062kb and 1.312kb).
    EXPECT_EQ(format_memory_size_human(1088), "1.063kb (1088 bytes)");
    EXPECT_EQ(format_memory_size_human(1344), "1.313kb (1344 bytes)");
    EXPECT_EQ(format_memory_size_human(1048575), "1023.999kb (1048575 bytes)");
    EXPECT_EQ(format_memory_size_human(1048576 * 1024 - 1), "1024.000mb (1073741823 bytes)");
}

TEST(FormatDuration, HighestExactUnitWithItsFirstLabel) {
    EXPECT_EQ(format_duration({10, 0}), "10 s");
    EXPECT_EQ(format_duration({180, 0}), "3 min");
    EXPECT_EQ(format_duration({0, 0}), "0 ms");
    EXPECT_EQ(format_duration({7, 500000000}), "7500 ms");
    EXPECT_EQ(format_duration({3600, 0}), "1 h");
    EXPECT_EQ(format_duration({3601, 0}), "3601 s");
    EXPECT_EQ(format_duration({172800, 0}), "2 d");
    EXPECT_EQ(format_duration({0, 5000}), "5 \xC2\xB5s");
    EXPECT_EQ(format_duration({0, 1500}), "1500 ns");
    EXPECT_EQ(format_duration({9223372036854775807, 999999999}), "9223372036854775807999999999 ns");
}

TEST(FormatDuration, RoundTripsThroughTheParser) {
    for (const char* text : {"10 s", "3 min", "7500 ms", "1 h", "2 d", "5 \xC2\xB5s", "1500 ns", "0 ms"}) {
        EXPECT_EQ(format_duration(*parse_duration(text)), text);
    }
    for (const char* text : {"64 mb", "32 kb", "0 bytes", "1 gb", "1500 bytes"}) {
        EXPECT_EQ(format_memory_size(*parse_memory_size(text)), text);
    }
}

}  // namespace
}  // namespace flinklint
