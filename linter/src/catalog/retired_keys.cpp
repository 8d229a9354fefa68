// Keys from before Flink 1.15 (the oldest catalog) that still turn up in real configurations,
// and keys tools write that Flink never reads. Each history line is what the key was, and
// `read_until` the first release that no longer read it (a file for an older one is not judged).
#include <array>

#include "flinklint/catalog.hpp"

namespace flinklint {
namespace {

constexpr std::array<RetiredKey, 10> kRetiredKeys = {{
    {"taskmanager.memory.preallocate",
     "belonged to the memory model that Flink 1.10 replaced (FLIP-49)",
     "remove it: managed memory is never preallocated since 1.10",
     false,
     {1, 10}},
    {"taskmanager.memory.fraction",
     "belonged to the memory model that Flink 1.10 replaced (FLIP-49)",
     "use `taskmanager.memory.managed.fraction` (a fraction of total Flink memory, default 0.4)",
     false,
     {1, 10}},
    {"taskmanager.memory.off-heap",
     "belonged to the memory model that Flink 1.10 replaced (FLIP-49)",
     "remove it: managed memory is always off-heap since 1.10",
     false,
     {1, 10}},
    {"containerized.heap-cutoff-ratio",
     "was the container cut-off of the memory model Flink 1.10 replaced",
     "size the reserve with `taskmanager.memory.jvm-overhead.fraction`/`.min`/`.max`",
     false,
     {1, 10}},
    {"containerized.heap-cutoff-min",
     "was the container cut-off of the memory model Flink 1.10 replaced",
     "size the reserve with `taskmanager.memory.jvm-overhead.min`",
     false,
     {1, 10}},
    {"mesos.",
     "configured Mesos deployments, which Flink removed in 1.14",
     "remove it; deploy on Kubernetes, YARN or standalone",
     false,
     {1, 14}},
    // The only pre-1.5 `jobmanager.web.*` key (ConfigConstants.java) that no alias reads today; the
    // others are deprecated keys of `web.*`/`rest.*` options, and other `jobmanager.web.*` keys never
    // existed in Apache Flink (vendor builds add them), so they get the usual did-you-mean.
    {"jobmanager.web.checkpoints.disable",
     "switched off the checkpoint statistics of the web frontend before Flink 1.5",
     "remove it; to keep no checkpoint history set `web.checkpoints.history: 0`",
     false,
     {1, 5}},
    {"query.server.port",
     "was the queryable state server's port in Flink 1.2 and 1.3 (QueryableStateOptions.java), and the "
     "official Docker image's entrypoint still writes it",
     "queryable state (deprecated) reads `queryable-state.server.ports`; remove the line if you copied "
     "it from a running container",
     true,
     {1, 4}},
    {"parallelization.degree.default",
     "is the name `parallelism.default` had before Flink 1.0",
     "use `parallelism.default`",
     false,
     {1, 0}},
    {"akka.remote.netty.tcp.", "is raw Akka configuration, which Flink does not pass through",
     "use Flink's own `akka.*`/`pekko.*` options (for example `pekko.framesize`)"},
}};

// The memory keys the FLIP-49 model (TaskManagerOptions, 1.10) and FLIP-116 (JobManagerOptions, 1.11)
// replaced, the network buffer count that network memory replaced (FLINK-4545, 1.3), and the web
// frontend keys that WebOptions renamed to `web.*` (FLINK-7408, 1.4; flink-dist's flink-conf.yaml writes
// `web.port` from 1.4 on, FLINK-8056). Each is still a deprecated key of a current option
// (schemas/flink-1.15.tsv to 1.20).
constexpr std::array<SupersededKey, 6> kSupersededKeys = {{
    {"taskmanager.heap.size", "taskmanager.memory.", {1, 10}},
    {"taskmanager.heap.mb", "taskmanager.memory.", {1, 10}},
    {"jobmanager.heap.size", "jobmanager.memory.", {1, 11}},
    {"jobmanager.heap.mb", "jobmanager.memory.", {1, 11}},
    {"taskmanager.network.numberOfBuffers", "taskmanager.network.memory.", {1, 3}},
    {"jobmanager.web.", "web.", {1, 4}},
}};

template <typename T, std::size_t N>
const T* find_by_key(const std::array<T, N>& table, std::string_view key) {
    for (const T& row : table) {
        const bool prefix = row.key.ends_with('.');
        if (prefix ? key.starts_with(row.key) : key == row.key) return &row;
    }
    return nullptr;
}

}  // namespace

const SupersededKey* find_superseded_key(std::string_view key) {
    return find_by_key(kSupersededKeys, key);
}

const RetiredKey* find_retired_key(std::string_view key) {
    return find_by_key(kRetiredKeys, key);
}

bool newer_scheme_key(std::string_view key, FlinkVersion version) {
    if (find_retired_key(key) != nullptr) return false;
    for (const SupersededKey& row : kSupersededKeys)
        if (row.replaced_in > version && key.starts_with(row.replacement)) return true;
    return false;
}

}  // namespace flinklint
