// Facts read in apache/flink-kubernetes-operator at each release-1.x.0 tag: pom.xml's flink.version,
// the FlinkVersion enum of flink-kubernetes-operator-api, and the option constants its main sources
// read (CheckpointingOptions.SAVEPOINT_DIRECTORY, HighAvailabilityOptions.HA_MODE, ...).
#include <algorithm>
#include <array>
#include <utility>

#include "flinklint/operator_release.hpp"

namespace flinklint {
namespace {

struct ReleaseFacts {
    FlinkVersion release;
    FlinkVersion built_on;
    FlinkVersion newest_flink_accepted;  // the last value of its FlinkVersion enum
};

constexpr std::array<ReleaseFacts, 16> kReleases{{
    {{1, 0}, {1, 15}, {1, 16}},
    {{1, 1}, {1, 15}, {1, 16}},
    {{1, 2}, {1, 15}, {1, 16}},
    {{1, 3}, {1, 15}, {1, 16}},
    {{1, 4}, {1, 16}, {1, 17}},
    {{1, 5}, {1, 16}, {1, 17}},
    {{1, 6}, {1, 17}, {1, 18}},
    {{1, 7}, {1, 17}, {1, 19}},
    {{1, 8}, {1, 18}, {1, 19}},
    {{1, 9}, {1, 18}, {1, 19}},
    {{1, 10}, {1, 19}, {1, 20}},
    {{1, 11}, {1, 20}, {2, 0}},
    {{1, 12}, {1, 20}, {2, 0}},
    {{1, 13}, {1, 20}, {2, 2}},
    {{1, 14}, {1, 20}, {2, 2}},
    {{1, 15}, {1, 20}, {2, 4}},
}};

// Flink 1.20 keys of the options the operator's main sources read (release-1.15.0), as the option
// constants name them; an option renamed since is listed under its newest name.
constexpr std::array<std::string_view, 62> kOperatorReadOptions{
    "blob.server.port",
    "execution.checkpointing.dir",
    "execution.checkpointing.externalized-checkpoint-retention",
    "execution.checkpointing.interval",
    "execution.checkpointing.num-retained",
    "execution.checkpointing.savepoint-dir",
    "execution.checkpointing.timeout",
    "execution.checkpointing.tolerable-failed-checkpoints",
    "execution.shutdown-on-application-finish",
    "execution.state-recovery.ignore-unclaimed-state",
    "execution.state-recovery.path",
    "execution.submit-failed-job-on-application-error",
    "execution.target",
    "high-availability.cluster-id",
    "high-availability.jobmanager.port",
    "high-availability.storageDir",
    "high-availability.type",
    "high-availability.zookeeper.path.jobgraphs",
    "high-availability.zookeeper.path.root",
    "jobmanager.bind-host",
    "jobmanager.memory.heap.size",
    "jobmanager.memory.process.size",
    "jobmanager.rpc.port",
    "jobmanager.scheduler",
    "kubernetes.cluster-id",
    "kubernetes.container.image.pull-policy",
    "kubernetes.container.image.ref",
    "kubernetes.jobmanager.annotations",
    "kubernetes.jobmanager.cpu.amount",
    "kubernetes.jobmanager.cpu.limit-factor",
    "kubernetes.jobmanager.labels",
    "kubernetes.jobmanager.owner.reference",
    "kubernetes.jobmanager.replicas",
    "kubernetes.namespace",
    "kubernetes.pod-template-file.jobmanager",
    "kubernetes.pod-template-file.taskmanager",
    "kubernetes.rest-service.exposed.type",
    "kubernetes.service-account",
    "kubernetes.taskmanager.cpu.amount",
    "kubernetes.taskmanager.cpu.limit-factor",
    "kubernetes.taskmanager.memory.limit-factor",
    "parallelism.default",
    "pipeline.classpaths",
    "pipeline.jars",
    "pipeline.name",
    "rest.address",
    "rest.bind-address",
    "rest.bind-port",
    "rest.port",
    "scheduler-mode",
    "taskmanager.bind-host",
    "taskmanager.host",
    "taskmanager.memory.flink.size",
    "taskmanager.memory.framework.heap.size",
    "taskmanager.memory.jvm-metaspace.size",
    "taskmanager.memory.jvm-overhead.fraction",
    "taskmanager.memory.managed.size",
    "taskmanager.memory.network.max",
    "taskmanager.memory.network.min",
    "taskmanager.memory.process.size",
    "taskmanager.memory.task.heap.size",
    "taskmanager.numberOfTaskSlots",
};

}  // namespace

FlinkVersion operator_built_on(FlinkVersion release) {
    for (const ReleaseFacts& facts : kReleases) {
        if (facts.release == release) return facts.built_on;
    }
    return release < kReleases.front().release ? kReleases.front().built_on : kReleases.back().built_on;
}

std::optional<FlinkVersion> first_operator_accepting(FlinkVersion flink) {
    for (const ReleaseFacts& facts : kReleases) {
        if (flink <= facts.newest_flink_accepted) return facts.release;
    }
    return std::nullopt;
}

std::optional<FlinkVersion> first_operator_built_on(FlinkVersion flink) {
    for (const ReleaseFacts& facts : kReleases) {
        if (flink <= facts.built_on) return facts.release;
    }
    return std::nullopt;
}

bool operator_reads_option(std::string_view key) {
    return std::binary_search(kOperatorReadOptions.begin(), kOperatorReadOptions.end(), key);
}

}  // namespace flinklint
