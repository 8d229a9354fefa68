#include "flinklint/network_buffers.hpp"

#include <algorithm>
#include <limits>

namespace flinklint {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

std::int64_t add(std::int64_t a, std::int64_t b) {
    return a > kMax - b ? kMax : a + b;
}

std::int64_t mul(std::int64_t a, std::int64_t b) {
    if (a <= 0 || b <= 0) return 0;
    return a > kMax / b ? kMax : a * b;
}

// An input gate over `channels` channels, `local` of them local (InputGateSpecUtils#createGateBuffersSpec).
void gate(ExchangeBuffers& buffers, std::int64_t channels, std::int64_t local,
          const BufferSettings& settings) {
    channels = std::max<std::int64_t>(channels, 0);
    const std::int64_t remote = std::max<std::int64_t>(channels - std::max<std::int64_t>(local, 0), 0);
    buffers.gate_required = add(mul(remote, settings.per_channel), 1);
    if (settings.max_required_per_gate && *settings.max_required_per_gate >= 1)
        buffers.gate_required = std::min(buffers.gate_required, *settings.max_required_per_gate);
    buffers.gate_max = add(mul(channels, settings.per_channel), settings.floating_per_gate);
}

// A PIPELINED_BOUNDED result partition of `subpartitions`
// (NettyShuffleUtils#getMinMaxNetworkBuffersPerResultPartition).
void partition(ExchangeBuffers& buffers, std::int64_t subpartitions, const BufferSettings& settings) {
    subpartitions = std::max<std::int64_t>(subpartitions, 0);
    buffers.partition_required = add(subpartitions, 1);
    buffers.partition_max =
        std::max(add(mul(subpartitions, settings.per_channel), settings.floating_per_gate),
                 buffers.partition_required);
}

std::int64_t ceil_div(std::int64_t a, std::int64_t b) {
    return b <= 0 ? 0 : (a + b - 1) / b;
}

}  // namespace

ExchangeBuffers exchange_buffers(std::int64_t parallelism, std::int64_t local_channels,
                                 const BufferSettings& settings) {
    ExchangeBuffers buffers;
    gate(buffers, parallelism, local_channels, settings);
    partition(buffers, parallelism, settings);
    return buffers;
}

TaskManagerBuffers taskmanager_buffers(std::int64_t parallelism, std::int64_t slots, std::int64_t exchanges,
                                       const BufferSettings& settings) {
    TaskManagerBuffers tm;
    tm.slots_used = std::clamp<std::int64_t>(slots, 0, std::max<std::int64_t>(parallelism, 0));
    tm.per_exchange = exchange_buffers(parallelism, tm.slots_used, settings);
    const std::int64_t subtasks = mul(tm.slots_used, exchanges);
    tm.required = mul(subtasks, tm.per_exchange.required());
    tm.max = mul(subtasks, tm.per_exchange.max());
    return tm;
}

JobGraphBuffers job_graph_buffers(const std::vector<JobGraphVertex>& vertices, std::int64_t slots,
                                  const BufferSettings& settings) {
    JobGraphBuffers tm;
    const auto subtasks = [&](const JobGraphVertex& v) {
        return std::clamp<std::int64_t>(slots, 0, std::max<std::int64_t>(v.parallelism, 0));
    };
    for (const JobGraphVertex& consumer : vertices) {
        const std::int64_t c = std::max<std::int64_t>(consumer.parallelism, 1);
        for (const JobGraphInput& input : consumer.inputs) {
            if (input.producer >= vertices.size()) continue;
            const JobGraphVertex& producer = vertices[input.producer];
            const std::int64_t p = std::max<std::int64_t>(producer.parallelism, 1);
            ExchangeBuffers e;
            if (input.pointwise) {
                const std::int64_t channels = p >= c ? ceil_div(p, c) : 1;
                gate(e, channels, channels, settings);
                partition(e, p >= c ? 1 : ceil_div(c, p), settings);
            } else {
                gate(e, p, subtasks(producer), settings);
                partition(e, c, settings);
            }
            const std::int64_t gates = subtasks(consumer);
            const std::int64_t partitions = subtasks(producer);
            tm.gates = add(tm.gates, gates);
            tm.partitions = add(tm.partitions, partitions);
            tm.required =
                add(tm.required, add(mul(gates, e.gate_required), mul(partitions, e.partition_required)));
            tm.max = add(tm.max, add(mul(gates, e.gate_max), mul(partitions, e.partition_max)));
        }
    }
    return tm;
}

}  // namespace flinklint
