// Keys Flink 2.0 removed whose setting lives on under other keys, or whose removal needs a reason
// beyond "no longer read". The successors are those the 1.x code mapped the keys to itself
// (MemoryBackwardsCompatibilityUtils for the heap sizes, SecurityOptions.isInternalSSLEnabled and
// isRestSSLEnabled for security.ssl.enabled), so the migrated file means what the old one meant.
#include <algorithm>
#include <array>

#include "key_plan.hpp"

namespace flinklint::migrate {
namespace {

constexpr std::array kFacts = {
    RemovedKeyFact{"jobmanager.heap.mb", "jobmanager.memory.heap.size", "jobmanager.memory.process.size", "m",
                   "the legacy JobManager heap (in MB): Flink 1.x copied it to the JobManager heap for "
                   "standalone clusters and to the total process memory in containers"},
    RemovedKeyFact{"jobmanager.heap.size", "jobmanager.memory.heap.size", "jobmanager.memory.process.size",
                   "",
                   "the legacy JobManager heap: Flink 1.x copied it to the JobManager heap for standalone "
                   "clusters and to the total process memory in containers"},
    RemovedKeyFact{"security.ssl.enabled", "security.ssl.internal.enabled|security.ssl.rest.enabled", "", "",
                   "Flink 1.x read it as the default of both internal and REST SSL"},
    RemovedKeyFact{"taskmanager.heap.mb", "taskmanager.memory.flink.size", "taskmanager.memory.process.size",
                   "m",
                   "the legacy TaskManager heap (in MB): Flink 1.x copied it to the total Flink memory for "
                   "standalone clusters and to the total process memory in containers"},
    RemovedKeyFact{
        "taskmanager.heap.size", "taskmanager.memory.flink.size", "taskmanager.memory.process.size", "",
        "the legacy TaskManager heap: Flink 1.x copied it to the total Flink memory for standalone "
        "clusters and to the total process memory in containers"},
    RemovedKeyFact{"taskmanager.network.numberOfBuffers", "", "", "",
                   "network memory is sized by taskmanager.memory.network.min/max/fraction (buffers times "
                   "taskmanager.memory.segment-size)"},
    RemovedKeyFact{"state.backend.async", "", "", "", "snapshots are always asynchronous"},
    RemovedKeyFact{"fs.hdfs.hadoopconf", "", "", "", "set the HADOOP_CONF_DIR environment variable instead"},
    RemovedKeyFact{"fs.hdfs.hdfsdefault", "", "", "", "set the HADOOP_CONF_DIR environment variable instead"},
    RemovedKeyFact{"fs.hdfs.hdfssite", "", "", "", "set the HADOOP_CONF_DIR environment variable instead"},
    RemovedKeyFact{"pipeline.time-characteristic", "", "", "", "event time is the only time characteristic"},
};

}  // namespace

const RemovedKeyFact* find_removed_key_fact(std::string_view key) {
    const auto* it =
        std::find_if(kFacts.begin(), kFacts.end(), [&](const RemovedKeyFact& f) { return f.key == key; });
    return it == kFacts.end() ? nullptr : &*it;
}

}  // namespace flinklint::migrate
