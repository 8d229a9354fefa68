// Buffer counts of streaming exchanges, checked against Flink's own formulas
// (InputGateSpecUtils.createGateBuffersSpec, NettyShuffleUtils.getMinMaxNetworkBuffersPerResultPartition).
#include <gtest/gtest.h>

#include <limits>

#include "flinklint/network_buffers.hpp"

using namespace flinklint;

TEST(NetworkBuffers, GateAndPartitionOfOneExchange) {
    // 80 channels, 16 of them local: required = 64 remote x 2 + 1; max = 80 x 2 + 8 on both sides.
    const ExchangeBuffers e = exchange_buffers(80, 16, BufferSettings{});
    EXPECT_EQ(e.gate_required, 129);
    EXPECT_EQ(e.gate_max, 168);
    EXPECT_EQ(e.partition_required, 81);
    EXPECT_EQ(e.partition_max, 168);
    EXPECT_EQ(e.required(), 210);
    EXPECT_EQ(e.max(), 336);
}

TEST(NetworkBuffers, PerGateCapLowersOnlyTheRequiredCount) {
    BufferSettings settings;
    settings.max_required_per_gate = 1000;
    const ExchangeBuffers e = exchange_buffers(2000, 0, settings);
    EXPECT_EQ(e.gate_required, 1000);
    EXPECT_EQ(e.gate_max, 4008);
    EXPECT_EQ(e.partition_required, 2001);
}

TEST(NetworkBuffers, TaskManagerCountsEveryUsedSlotAndExchange) {
    // Metzger: 16 slots, parallelism 80, one keyBy: 16 x 336 buffers at full speed.
    const TaskManagerBuffers tm = taskmanager_buffers(80, 16, 1, BufferSettings{});
    EXPECT_EQ(tm.slots_used, 16);
    EXPECT_EQ(tm.max, 16 * 336);
    EXPECT_EQ(tm.required, 16 * 210);
    // More slots than subtasks: only `parallelism` of them run the job.
    EXPECT_EQ(taskmanager_buffers(4, 16, 2, BufferSettings{}).slots_used, 4);
}

TEST(NetworkBuffers, SaturatesInsteadOfOverflowing) {
    const auto huge = std::numeric_limits<std::int64_t>::max() / 2;
    const TaskManagerBuffers tm = taskmanager_buffers(huge, huge, huge, BufferSettings{});
    EXPECT_EQ(tm.max, std::numeric_limits<std::int64_t>::max());
    EXPECT_GT(tm.required, 0);
}
