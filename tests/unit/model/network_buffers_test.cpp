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

namespace {

JobGraphVertex vertex(std::int64_t parallelism, std::vector<JobGraphInput> inputs = {}) {
    return {"", "", parallelism, std::move(inputs)};
}

}  // namespace

TEST(NetworkBuffers, JobGraphCountsEachGateAndPartitionOfTheTaskManagersSubtasks) {
    // Source(2) -HASH-> Window(4) -FORWARD-> Sink(4), 2 slots, 2 buffers per channel, 8 floating.
    const std::vector<JobGraphVertex> graph = {vertex(2), vertex(4, {{0, false}}), vertex(4, {{1, true}})};
    const JobGraphBuffers tm = job_graph_buffers(graph, 2, BufferSettings{});
    // HASH: 2 window gates of 2 channels (2 x 2 + 8 = 12, both local: 1 required) and 2 source
    // partitions of 4 subpartitions (4 x 2 + 8 = 16, 5 required). FORWARD: 2 gates of 1 local
    // channel (10, 1 required), 2 partitions of 1 subpartition (10, 2 required).
    EXPECT_EQ(tm.gates, 4);
    EXPECT_EQ(tm.partitions, 4);
    EXPECT_EQ(tm.max, 2 * 12 + 2 * 16 + 2 * 10 + 2 * 10);
    EXPECT_EQ(tm.required, 2 * 1 + 2 * 5 + 2 * 1 + 2 * 2);
}

TEST(NetworkBuffers, PointwiseExchangesConnectCeilOfTheRatio) {
    // RESCALE 4 -> 2 on 4 slots: each consumer reads 2 channels, each producer writes 1 subpartition.
    const JobGraphBuffers down = job_graph_buffers({vertex(4), vertex(2, {{0, true}})}, 4, BufferSettings{});
    EXPECT_EQ(down.max, 2 * (2 * 2 + 8) + 4 * (1 * 2 + 8));
    // RESCALE 2 -> 5: each producer writes ceil(5 / 2) = 3 subpartitions, each consumer reads 1.
    const JobGraphBuffers up = job_graph_buffers({vertex(2), vertex(5, {{0, true}})}, 8, BufferSettings{});
    EXPECT_EQ(up.max, 5 * (1 * 2 + 8) + 2 * (3 * 2 + 8));
}

TEST(NetworkBuffers, OneAllToAllExchangeOfEqualParallelismIsTheTaskManagerCount) {
    for (const std::int64_t slots : {1, 4, 16}) {
        const JobGraphBuffers graph =
            job_graph_buffers({vertex(80), vertex(80, {{0, false}})}, slots, BufferSettings{});
        const TaskManagerBuffers tm = taskmanager_buffers(80, slots, 1, BufferSettings{});
        EXPECT_EQ(graph.max, tm.max);
        EXPECT_EQ(graph.required, tm.required);
    }
}
