// The metrics `flinklint observe` asks Flink's REST API for and `tune --observed` reads back. Names
// are Flink's own: TaskManager metrics from MetricUtils (Status.JVM.*, Status.Flink.Memory.Managed.*)
// and NettyShuffleMetricFactory (Status.Shuffle.Netty.*, the deprecated Status.Network.* beside
// them), task metrics from MetricNames (busyTimeMsPerSecond, ...), RocksDB's statistics from
// RocksDBNativeMetricMonitor ("rocksdb." + the ticker's name in lower case, under each operator).
// Which of them a cluster has depends on its version and configuration, so a name is only asked for
// when GET without `?get=` listed it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "json_fields.hpp"

namespace flinklint::diagnose::metric {

inline constexpr std::string_view kHeapUsed = "Status.JVM.Memory.Heap.Used";
inline constexpr std::string_view kHeapMax = "Status.JVM.Memory.Heap.Max";
inline constexpr std::string_view kMetaspaceUsed = "Status.JVM.Memory.Metaspace.Used";
inline constexpr std::string_view kMetaspaceMax = "Status.JVM.Memory.Metaspace.Max";
inline constexpr std::string_view kManagedUsed = "Status.Flink.Memory.Managed.Used";
inline constexpr std::string_view kManagedTotal = "Status.Flink.Memory.Managed.Total";
inline constexpr std::string_view kSegmentsAvailable = "Status.Shuffle.Netty.AvailableMemorySegments";
inline constexpr std::string_view kSegmentsUsed = "Status.Shuffle.Netty.UsedMemorySegments";
inline constexpr std::string_view kSegmentsTotal = "Status.Shuffle.Netty.TotalMemorySegments";
inline constexpr std::string_view kOldSegmentsAvailable = "Status.Network.AvailableMemorySegments";
inline constexpr std::string_view kOldSegmentsTotal = "Status.Network.TotalMemorySegments";
// Status.JVM.GarbageCollector.<collector>.Count / .Time (cumulative since the JVM started), and from
// the versions that have them the `All` collector and `TimeMsPerSecond`.
inline constexpr std::string_view kGcPrefix = "Status.JVM.GarbageCollector.";

inline constexpr std::string_view kBusy = "busyTimeMsPerSecond";
inline constexpr std::string_view kBackPressured = "backPressuredTimeMsPerSecond";
inline constexpr std::string_view kIdle = "idleTimeMsPerSecond";
inline constexpr std::string_view kBlockCacheHit = "rocksdb.block_cache_hit";
inline constexpr std::string_view kBlockCacheMiss = "rocksdb.block_cache_miss";

// The wanted names among a metric list (`[{"id": ...}, ...]`), in the list's order.
std::vector<std::string> wanted_taskmanager_metrics(const Json& list);
std::vector<std::string> wanted_subtask_metrics(const Json& list);

// The names in groups whose comma-joined text stays within `max_chars`, so that each request's file
// name stays well under a file system's 255 bytes; a longer single name is left out.
std::vector<std::vector<std::string>> metric_batches(const std::vector<std::string>& names,
                                                     std::size_t max_chars);

}  // namespace flinklint::diagnose::metric
