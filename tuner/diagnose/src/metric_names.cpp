#include "metric_names.hpp"

#include <algorithm>
#include <array>

namespace flinklint::diagnose::metric {
namespace {

bool ends_with_any(std::string_view name, std::initializer_list<std::string_view> tails) {
    return std::ranges::any_of(tails, [&](std::string_view tail) { return name.ends_with(tail); });
}

std::vector<std::string> listed(const Json& list) {
    std::vector<std::string> names;
    if (!list.is_array()) return names;
    for (const Json& entry : list) {
        const std::string id = entry.is_object() ? text_of(entry, "id") : std::string();
        if (!id.empty()) names.push_back(id);
    }
    return names;
}

}  // namespace

std::vector<std::string> wanted_taskmanager_metrics(const Json& list) {
    static constexpr std::array kExact = {kHeapUsed,          kHeapMax,      kMetaspaceUsed,
                                          kMetaspaceMax,      kManagedUsed,  kManagedTotal,
                                          kSegmentsAvailable, kSegmentsUsed, kSegmentsTotal};
    const std::vector<std::string> names = listed(list);
    // The deprecated Status.Network.* group only when the cluster has no Shuffle.Netty.* one.
    const bool netty = std::ranges::find(names, kSegmentsTotal) != names.end();
    std::vector<std::string> wanted;
    for (const std::string& name : names) {
        const bool gc =
            name.starts_with(kGcPrefix) && ends_with_any(name, {".Count", ".Time", ".TimeMsPerSecond"});
        const bool old = !netty && (name == kOldSegmentsAvailable || name == kOldSegmentsTotal);
        if (gc || old || std::ranges::find(kExact, name) != kExact.end()) wanted.push_back(name);
    }
    return wanted;
}

std::vector<std::string> wanted_subtask_metrics(const Json& list) {
    // RocksDB's are per operator and column family: a cap keeps a wide job's requests bounded.
    constexpr std::size_t kMaxRocksdb = 32;
    std::vector<std::string> wanted;
    std::size_t rocksdb = 0;
    for (const std::string& name : listed(list)) {
        if (name == kBusy || name == kBackPressured || name == kIdle) {
            wanted.push_back(name);
        } else if (ends_with_any(name, {kBlockCacheHit, kBlockCacheMiss}) && rocksdb < kMaxRocksdb) {
            wanted.push_back(name);
            ++rocksdb;
        }
    }
    return wanted;
}

std::vector<std::vector<std::string>> metric_batches(const std::vector<std::string>& names,
                                                     std::size_t max_chars) {
    std::vector<std::vector<std::string>> batches;
    std::size_t chars = 0;
    for (const std::string& name : names) {
        if (name.size() > max_chars) continue;
        if (batches.empty() || chars + 1 + name.size() > max_chars) {
            batches.emplace_back();
            chars = name.size();
        } else {
            chars += 1 + name.size();
        }
        batches.back().push_back(name);
    }
    return batches;
}

}  // namespace flinklint::diagnose::metric
