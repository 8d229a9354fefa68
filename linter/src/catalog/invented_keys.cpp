// Keys that are quoted in blog posts and answers but that no Flink release ever read
// (checked against every catalog 1.15-2.2 and older release tags; see flink-memory-model.md §9).
#include <array>

#include "flinklint/catalog.hpp"

namespace flinklint {
namespace {

constexpr std::array<InventedKey, 7> kInventedKeys = {{
    {"cluster.taskmanager.heartbeat.interval",
     "Flink has no TaskManager-specific heartbeat setting: `heartbeat.interval` applies to every "
     "heartbeat between JobManager, ResourceManager and TaskManagers."},
    {"cluster.taskmanager.heartbeat.timeout",
     "Flink has no TaskManager-specific heartbeat setting: `heartbeat.timeout` applies to every "
     "heartbeat between JobManager, ResourceManager and TaskManagers."},
    {"pipeline.serialization-config.kryo-registrator-class",
     "register Kryo types and serializers through `pipeline.serialization-config` (a list, Flink 1.19+); "
     "up to 1.20 `pipeline.registered-kryo-types` and `pipeline.default-kryo-serializers` work too."},
    {"execution.savepoint.cleanup-in-background",
     "there is no such switch; restoring from a savepoint is configured with `execution.state-recovery.*` "
     "(Flink 1.20+) or `execution.savepoint.*` (earlier)."},
    {"state.backend.fs.upload-threads",
     "the number of threads that transfer RocksDB files during checkpoints is "
     "`state.backend.rocksdb.checkpoint.transfer.thread.num`."},
    {"taskmanager.network.netty.connection-timeout",
     "the Netty client connect timeout is `taskmanager.network.netty.client.connectTimeoutSec` "
     "(an integer number of seconds)."},
    {"taskmanager.memory.network.size",
     "network memory has no fixed-size key: set `taskmanager.memory.network.min` and "
     "`taskmanager.memory.network.max` to the same value."},
}};

}  // namespace

const InventedKey* find_invented_key(std::string_view key) {
    for (const InventedKey& invented : kInventedKeys) {
        if (invented.key == key) return &invented;
    }
    return nullptr;
}

}  // namespace flinklint
