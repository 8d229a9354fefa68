// The part of Flink's derivation shared by TaskManager and JobManager (ProcessMemoryUtils):
// JVM metaspace and overhead around the total Flink memory, and the JVM flags.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "flinklint/memory_arithmetic.hpp"
#include "model/memory_config.hpp"

namespace flinklint::memory {

struct ProcessOptions {
    SizeOption total_flink;
    SizeOption total_process;
    SizeOption metaspace;
    SizeOption overhead_min;
    SizeOption overhead_max;
    FractionOption overhead_fraction;
};

struct JvmMetaspaceAndOverhead {
    std::uint64_t metaspace = 0;
    std::uint64_t overhead = 0;
};

// Reads a min/max/fraction triple in Flink's order (min, max, then fraction) and applies
// RangeFraction's checks; `what` names the memory in the message ("network memory").
Checked<RangeFraction> read_range_fraction(const MemoryConfig& config, const SizeOption& min_option,
                                           const SizeOption& max_option,
                                           const FractionOption& fraction_option, std::string_view what);
// Reads only the fraction and checks it against fixed bounds (managed memory: [0, Long.MAX_VALUE]);
// `bound_keys` are the written keys behind min and max, if any.
Checked<RangeFraction> check_range_fraction(const MemoryConfig& config, std::uint64_t min, std::uint64_t max,
                                            const FractionOption& fraction_option, KeyList bound_keys,
                                            std::string_view what);

// Path "total process": metaspace from config, overhead as a capped fraction of the process size.
Checked<JvmMetaspaceAndOverhead> derive_jvm_with_total_process(const MemoryConfig& config,
                                                               const ProcessOptions& options,
                                                               std::uint64_t total_process);

// Paths "fine-grained" and "total Flink": metaspace and overhead around a known total Flink size.
// `flink_keys` are the written keys that produced the total Flink size (for error keys).
Checked<JvmMetaspaceAndOverhead> derive_jvm_from_total_flink(const MemoryConfig& config,
                                                             const ProcessOptions& options,
                                                             std::uint64_t total_flink,
                                                             const KeyList& flink_keys);

// The legacy heap keys of one process (1.x only), in Flink's priority order: env > size > mb.
struct LegacyHeapKeys {
    std::string_view env_var;   // FLINK_TM_HEAP / FLINK_JM_HEAP
    std::string_view size_key;  // taskmanager.heap.size / jobmanager.heap.size (MemorySize)
    std::string_view mb_key;    // taskmanager.heap.mb / jobmanager.heap.mb (Integer, MiB)
};

// MemoryBackwardsCompatibilityUtils: copies the legacy heap into `target` when `target` is absent.
// Does nothing for Flink 2.x, where the legacy keys and variables are gone.
std::optional<MemoryError> map_legacy_heap(MemoryConfig& config, const MemoryOptions& options,
                                           const LegacyHeapKeys& legacy, const SizeOption& target);

// ProcessMemoryUtils.generateJvmParametersStr; `direct` absent when the limit is disabled.
std::string jvm_parameters(std::uint64_t heap, std::optional<std::uint64_t> direct, std::uint64_t metaspace);

// Flink's Math.addExact / multiply overflow (an ArithmeticException at start-up).
MemoryError overflow_error(std::string_view what, const KeyList& keys);

}  // namespace flinklint::memory
