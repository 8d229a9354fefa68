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

}  // namespace

ExchangeBuffers exchange_buffers(std::int64_t parallelism, std::int64_t local_channels,
                                 const BufferSettings& settings) {
    ExchangeBuffers buffers;
    const std::int64_t channels = std::max<std::int64_t>(parallelism, 0);
    const std::int64_t remote =
        std::max<std::int64_t>(channels - std::max<std::int64_t>(local_channels, 0), 0);
    buffers.gate_required = add(mul(remote, settings.per_channel), 1);
    if (settings.max_required_per_gate && *settings.max_required_per_gate >= 1)
        buffers.gate_required = std::min(buffers.gate_required, *settings.max_required_per_gate);
    buffers.gate_max = add(mul(channels, settings.per_channel), settings.floating_per_gate);
    buffers.partition_required = add(channels, 1);
    buffers.partition_max = std::max(add(mul(channels, settings.per_channel), settings.floating_per_gate),
                                     buffers.partition_required);
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

}  // namespace flinklint
