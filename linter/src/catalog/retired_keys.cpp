// Keys from before Flink 1.15 (the oldest catalog) that still turn up in real configurations,
// and keys tools write that Flink never reads. Each history line is what the key was; none of
// them has any effect on the versions flinklint checks.
#include <array>

#include "flinklint/catalog.hpp"

namespace flinklint {
namespace {

constexpr std::array<RetiredKey, 10> kRetiredKeys = {{
    {"taskmanager.memory.preallocate", "belonged to the memory model that Flink 1.10 replaced (FLIP-49)",
     "remove it: managed memory is never preallocated since 1.10"},
    {"taskmanager.memory.fraction", "belonged to the memory model that Flink 1.10 replaced (FLIP-49)",
     "use `taskmanager.memory.managed.fraction` (a fraction of total Flink memory, default 0.4)"},
    {"taskmanager.memory.off-heap", "belonged to the memory model that Flink 1.10 replaced (FLIP-49)",
     "remove it: managed memory is always off-heap since 1.10"},
    {"containerized.heap-cutoff-ratio", "was the container cut-off of the memory model Flink 1.10 replaced",
     "size the reserve with `taskmanager.memory.jvm-overhead.fraction`/`.min`/`.max`"},
    {"containerized.heap-cutoff-min", "was the container cut-off of the memory model Flink 1.10 replaced",
     "size the reserve with `taskmanager.memory.jvm-overhead.min`"},
    {"mesos.", "configured Mesos deployments, which Flink removed in 1.14",
     "remove it; deploy on Kubernetes, YARN or standalone"},
    {"jobmanager.web.", "configured the web frontend before Flink 1.5 renamed those options",
     "use the `web.*` and `rest.*` options (`rest.port` for the port)"},
    {"query.server.port",
     "is written by the official Docker image's entrypoint but read by no Flink version",
     "queryable state (deprecated) reads `queryable-state.server.ports`; remove the line if you copied "
     "it from a running container",
     true},
    {"parallelization.degree.default", "is the name `parallelism.default` had before Flink 1.0",
     "use `parallelism.default`"},
    {"akka.remote.netty.tcp.", "is raw Akka configuration, which Flink does not pass through",
     "use Flink's own `akka.*`/`pekko.*` options (for example `pekko.framesize`)"},
}};

}  // namespace

const RetiredKey* find_retired_key(std::string_view key) {
    for (const RetiredKey& retired : kRetiredKeys) {
        const bool prefix = retired.key.ends_with('.');
        if (prefix ? key.starts_with(retired.key) : key == retired.key) return &retired;
    }
    return nullptr;
}

}  // namespace flinklint
