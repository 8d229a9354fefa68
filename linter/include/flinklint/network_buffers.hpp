// Network buffers of streaming all-to-all exchanges, counted as Flink sizes its buffer pools:
// InputGateSpecUtils.createGateBuffersSpec (input gates) and
// NettyShuffleUtils.getMinMaxNetworkBuffersPerResultPartition (result partitions). Both the linter
// (FL411) and the tuner count with these functions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace flinklint {

// A memory segment (network buffer) size TaskManagers accept (ConfigurationParserUtils.getPageSize):
// it fits an int (checkedDownCast), is at least MemoryManager.MIN_PAGE_SIZE (4 KiB) and a power of
// two. The largest is therefore 1 GiB.
constexpr std::uint64_t kMinPageSize = 4096;
constexpr std::uint64_t kMaxPageSize = std::uint64_t{1} << 30;
constexpr bool is_valid_page_size(std::uint64_t bytes) {
    return bytes >= kMinPageSize && bytes <= kMaxPageSize && (bytes & (bytes - 1)) == 0;
}

struct BufferSettings {
    // taskmanager.network.memory.buffers-per-channel (1.x; 2.x hard-codes 2).
    std::int64_t per_channel = 2;
    // taskmanager.network.memory.floating-buffers-per-gate (1.x; 2.x hard-codes 8).
    std::int64_t floating_per_gate = 8;
    // taskmanager.network.memory.read-buffer.required-per-gate.max; unset: Integer.MAX_VALUE for
    // pipelined (streaming) gates.
    std::optional<std::int64_t> max_required_per_gate;
};

// One subtask's share of one exchange: its input gate over `parallelism` channels and its result
// partition to `parallelism` subpartitions.
struct ExchangeBuffers {
    std::int64_t gate_required =
        0;                      // min(T, remote channels x B + 1): local channels take no exclusive buffers
    std::int64_t gate_max = 0;  // channels x B + F: what the gate uses at full speed
    std::int64_t partition_required = 0;  // subpartitions + 1
    std::int64_t partition_max = 0;       // subpartitions x B + F (PIPELINED_BOUNDED)
    [[nodiscard]] std::int64_t required() const { return sum(gate_required, partition_required); }
    [[nodiscard]] std::int64_t max() const { return sum(gate_max, partition_max); }

private:
    static std::int64_t sum(std::int64_t a, std::int64_t b) {
        return a > std::numeric_limits<std::int64_t>::max() - b ? std::numeric_limits<std::int64_t>::max()
                                                                : a + b;
    }
};

// `local_channels`: channels whose producer runs in the same TaskManager. Saturates instead of
// overflowing.
ExchangeBuffers exchange_buffers(std::int64_t parallelism, std::int64_t local_channels,
                                 const BufferSettings& settings);

// One TaskManager with `slots` slots running a job of `parallelism` with `exchanges` all-to-all
// exchanges, every used slot running one subtask on each side of each exchange.
struct TaskManagerBuffers {
    std::int64_t slots_used = 0;  // min(slots, parallelism)
    ExchangeBuffers per_exchange;
    std::int64_t required = 0;  // deployment fails below this ("Insufficient number of network buffers")
    std::int64_t max = 0;       // every pool at its maximum: no buffer starves under load
};
TaskManagerBuffers taskmanager_buffers(std::int64_t parallelism, std::int64_t slots, std::int64_t exchanges,
                                       const BufferSettings& settings);

// A job graph as `/jobs/:id/plan` gives it (JsonPlanGenerator): job vertices with their parallelism,
// each input naming its producer and whether the exchange is pointwise (ship_strategy FORWARD or
// RESCALE: StreamPartitioner#isPointwise) or all-to-all (HASH, REBALANCE, BROADCAST, GLOBAL,
// SHUFFLE, CUSTOM).
struct JobGraphInput {
    std::size_t producer = 0;  // index into the vertices
    bool pointwise = false;
};
struct JobGraphVertex {
    std::string id;
    std::string name;
    std::int64_t parallelism = 1;
    std::vector<JobGraphInput> inputs;
};

// One TaskManager with `slots` slots running the job graph with pipelined bounded (streaming)
// exchanges, every vertex in the default slot sharing group: the TaskManager runs min(slots,
// parallelism) subtasks of each vertex, each with one input gate per input and one result partition
// per consumer. Channels and subpartitions as EdgeManagerBuildUtil connects them: all-to-all, the
// producer's and the consumer's parallelism; pointwise, ceil(larger / smaller) on the wider side and
// 1 on the other. All-to-all channels from the TaskManager's own producer subtasks and pointwise
// channels are local (LocalInputPreferredSlotSharingStrategy places pointwise subtasks together).
struct JobGraphBuffers {
    std::int64_t required = 0;
    std::int64_t max = 0;
    std::int64_t gates = 0;       // input gates in the TaskManager
    std::int64_t partitions = 0;  // result partitions in the TaskManager
};
JobGraphBuffers job_graph_buffers(const std::vector<JobGraphVertex>& vertices, std::int64_t slots,
                                  const BufferSettings& settings);

}  // namespace flinklint
