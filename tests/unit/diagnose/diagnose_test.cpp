// flinklint diagnose on log excerpts written as Flink 1.x and 2.x write them (log4j's
// "%d %-5p %-60c %x - %m" layout, exception texts as in Flink's source): one test per family,
// root cause against consequence, and the values computed through the memory model.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>
#include <variant>

#include "diagnose_support.hpp"
#include "flinklint/diagnose/diagnose.hpp"
#include "flinklint/ingest.hpp"
#include "flinklint/memory_model.hpp"
#include "flinklint/model.hpp"
#include "flinklint/values.hpp"

namespace {

using namespace flinklint;
using diagnose::Diagnosis;
using diagnose::Result;
using diagnose::Role;
using flinklint::testing::Config;
using flinklint::testing::find;
using flinklint::testing::has_note;
using flinklint::testing::run;

const std::string kBuffers =
    "2024-03-01 10:15:02,123 INFO  org.apache.flink.runtime.taskmanager.Task                    [] - Map "
    "(2/8)#0 "
    "switched from DEPLOYING to FAILED with failure cause:\n"
    "java.io.IOException: Insufficient number of network buffers: required 4130, but only 2048 available. "
    "The total "
    "number of network buffers is currently set to 2048 of 32768 bytes each. You can increase this number by "
    "setting "
    "the configuration keys 'taskmanager.memory.network.fraction', 'taskmanager.memory.network.min', and "
    "'taskmanager.memory.network.max'.\n"
    "\tat "
    "org.apache.flink.runtime.io.network.buffer.NetworkBufferPool.internalCreateBufferPool(NetworkBufferPool."
    "java:"
    "420) ~[flink-dist-1.20.0.jar:1.20.0]\n";

// 64 MiB of network memory: 2048 buffers of 32 KiB, as the log says.
const std::string kSmallNetwork =
    "taskmanager.memory.process.size: 2g\ntaskmanager.memory.network.max: 64mb\n";

class NetworkBuffers : public ::testing::TestWithParam<FlinkVersion> {};

TEST_P(NetworkBuffers, NetworkMemoryThatHoldsTheRequiredBuffers) {
    const Config config(kSmallNetwork, GetParam());
    const Result result = run(kBuffers, &config);
    const Diagnosis* d = find(result, "DG001");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->line, 2u);
    EXPECT_EQ(d->role, Role::root_cause);
    EXPECT_NE(d->cause.find("4130 buffers but only 2048 were free of 2048"), std::string::npos) << d->cause;
    // 4130 buffers of 32 KiB are 129.06 MiB: the next whole MiB, as min and max (max was 64 MiB).
    const std::string expected = format_memory_size(130u << 20);
    ASSERT_EQ(d->changes.size(), 2u);
    EXPECT_EQ(d->changes[0].key, "taskmanager.memory.network.min");
    EXPECT_EQ(d->changes[0].value, expected);
    EXPECT_EQ(d->changes[1].key, "taskmanager.memory.network.max");
    EXPECT_EQ(d->changes[1].value, expected);
    // The model with the change gives at least the required buffers.
    FlatConfig flat = config.effective->flat();
    for (const auto& change : d->changes) flat[change.key] = change.value;
    const auto memory = derive_taskmanager_memory(flat, config.effective->memory_options());
    ASSERT_TRUE(std::holds_alternative<TaskManagerMemory>(memory));
    EXPECT_GE(std::get<TaskManagerMemory>(memory).network / 32768, 4130u);
    EXPECT_FALSE(has_note(*d, "not the one given"));
}

INSTANTIATE_TEST_SUITE_P(Versions, NetworkBuffers,
                         ::testing::Values(FlinkVersion{1, 20}, FlinkVersion{2, 1}));

TEST(Diagnose, BuffersWithoutConfigStateTheNumbersOnly) {
    const Result result = run(kBuffers);
    const Diagnosis* d = find(result, "DG001");
    ASSERT_NE(d, nullptr);
    EXPECT_TRUE(d->changes.empty());
    EXPECT_NE(d->evidence.find("java.io.IOException: Insufficient number"), std::string::npos);
}

TEST(Diagnose, ConfigurationThatDisagreesWithTheLogIsNamed) {
    // 2 GiB of process memory gives 158.7 MiB of network memory (5079 buffers), not the log's 2048.
    const Config config("taskmanager.memory.process.size: 2g\n", FlinkVersion{1, 20});
    const Result result = run(kBuffers, &config);
    const Diagnosis* d = find(result, "DG001");
    ASSERT_NE(d, nullptr);
    EXPECT_TRUE(has_note(*d, "the log's pool holds 2048 buffers, the configuration gives 5079"))
        << ::testing::PrintToString(d->notes);
}

TEST(Diagnose, BuffersWhereTheTotalIsFixedGrowTheProcess) {
    // Explicit task heap and managed memory in a fixed process size leave network memory no room.
    const Config config(
        "taskmanager.memory.flink.size: 1344m\ntaskmanager.memory.task.heap.size: 512m\n"
        "taskmanager.memory.managed.size: 512m\ntaskmanager.memory.network.max: 64mb\n",
        FlinkVersion{1, 20});
    const Result result = run(kBuffers, &config);
    const Diagnosis* d = find(result, "DG001");
    ASSERT_NE(d, nullptr);
    ASSERT_FALSE(d->changes.empty());
    EXPECT_EQ(d->changes.back().key, "taskmanager.memory.flink.size");
    EXPECT_EQ(d->changes.back().value,
              format_memory_size((1344u + 130u - 64u) << 20));  // grows by the network's growth
}

// The JobMaster's text (1.x and 2.x) and the ResourceManager's older "The heartbeat of ..." form.
TEST(Diagnose, HeartbeatTimeoutsOfEachPeer) {
    const std::string log =
        "2024-03-01 10:20:00,001 INFO  org.apache.flink.runtime.jobmaster.JobMaster                  [] - "
        "Heartbeat of "
        "TaskManager with id 10.0.0.7:6122-a1b2c3 timed out.\n"
        "2024-03-01 10:20:00,002 INFO  org.apache.flink.runtime.resourcemanager.StandaloneResourceManager [] "
        "- The "
        "heartbeat of TaskManager with id 10.0.0.7:6122-a1b2c3 timed out.\n"
        "2024-03-01 10:20:01,000 INFO  org.apache.flink.runtime.taskexecutor.TaskExecutor            [] - "
        "The "
        "heartbeat of JobManager with id 6d2fb3 timed out.\n"
        "2024-03-01 10:20:02,000 INFO  org.apache.flink.runtime.taskexecutor.TaskExecutor            [] - "
        "The "
        "heartbeat of ResourceManager with id 9e8f7a timed out.\n";
    const Result result = run(log);
    const Diagnosis* tm = find(result, "DG101");
    ASSERT_NE(tm, nullptr);
    EXPECT_EQ(tm->occurrences, 2u);
    EXPECT_EQ(tm->role, Role::root_cause);
    EXPECT_NE(tm->cause.find("`10.0.0.7:6122-a1b2c3`"), std::string::npos);
    EXPECT_NE(find(result, "DG102"), nullptr);
    EXPECT_NE(find(result, "DG103"), nullptr);
}

TEST(Diagnose, HeartbeatBelowTheDefaultIsRaisedToIt) {
    const Config config("taskmanager.memory.process.size: 2g\nheartbeat.timeout: 10s\n", FlinkVersion{1, 20});
    const Result result =
        run("2024-03-01 10:20:00,001 INFO  org.apache.flink.runtime.jobmaster.JobMaster                  [] "
            "- Heartbeat of "
            "TaskManager with id tm-1 timed out.\n",
            &config);
    const Diagnosis* d = find(result, "DG101");
    ASSERT_NE(d, nullptr);
    ASSERT_EQ(d->changes.size(), 1u);
    EXPECT_EQ(d->changes[0].key, "heartbeat.timeout");
    EXPECT_EQ(d->changes[0].value, "50 s");
}

TEST(Diagnose, OutOfMemoryMakesTheHeartbeatLossAConsequence) {
    const std::string log =
        "2024-03-01 10:19:58,000 ERROR org.apache.flink.runtime.taskexecutor.TaskManagerRunner       [] - "
        "Fatal error "
        "occurred while executing the TaskManager. Shutting it down...\n"
        "java.lang.OutOfMemoryError: Metaspace. The metaspace out-of-memory error has occurred. This can "
        "mean two "
        "things: either the job requires a larger size of JVM metaspace to load classes or there is a class "
        "loading "
        "leak.\n"
        "2024-03-01 10:20:00,001 INFO  org.apache.flink.runtime.jobmaster.JobMaster                  [] - "
        "Heartbeat of "
        "TaskManager with id tm-1 timed out.\n"
        "java.lang.IllegalStateException: Buffer pool is destroyed.\n";
    const Config config("taskmanager.memory.process.size: 2g\n", FlinkVersion{2, 1});
    const Result result = run(log, &config);
    const Diagnosis* oom = find(result, "DG403");
    const Diagnosis* heartbeat = find(result, "DG101");
    const Diagnosis* destroyed = find(result, "DG002");
    ASSERT_TRUE(oom && heartbeat && destroyed);
    EXPECT_EQ(oom->role, Role::root_cause);
    EXPECT_EQ(heartbeat->role, Role::consequence);
    EXPECT_EQ(result.diagnoses[*heartbeat->caused_by].id, "DG403");
    EXPECT_EQ(destroyed->role, Role::consequence);
    EXPECT_TRUE(has_note(*oom, "metaspace in force: 256.000mb"));
}

TEST(Diagnose, BufferPoolDestroyedAloneIsStillAConsequence) {
    const Result result = run("java.lang.IllegalStateException: Buffer pool is destroyed.\n");
    ASSERT_EQ(result.diagnoses.size(), 1u);
    EXPECT_EQ(result.diagnoses[0].role, Role::consequence);
    EXPECT_FALSE(result.diagnoses[0].caused_by);
}

TEST(Diagnose, HeapAndDirectOutOfMemory) {
    const Result result = run(
        "java.lang.OutOfMemoryError: Java heap space\n"
        "java.lang.OutOfMemoryError: Direct buffer memory. The direct out-of-memory error has occurred.\n");
    EXPECT_NE(find(result, "DG401"), nullptr);
    EXPECT_NE(find(result, "DG402"), nullptr);
}

TEST(Diagnose, ExpiredCheckpointsCauseTheToleranceFailure) {
    const std::string log =
        "2024-03-01 11:00:00,000 INFO  org.apache.flink.runtime.checkpoint.CheckpointCoordinator     [] - "
        "Checkpoint "
        "42 of job 5c4e0c6d8f8e4d5a9a3b2c1d0e9f8a7b expired before completing.\n"
        "2024-03-01 11:00:00,010 INFO  org.apache.flink.runtime.jobmaster.JobMaster                  [] - "
        "Trying to "
        "recover from a global failure.\n"
        "org.apache.flink.util.FlinkRuntimeException: Exceeded checkpoint tolerable failure threshold.\n";
    const Config config("taskmanager.memory.process.size: 2g\nexecution.checkpointing.timeout: 1 min\n",
                        FlinkVersion{1, 20});
    const Result result = run(log, &config);
    const Diagnosis* expired = find(result, "DG201");
    const Diagnosis* threshold = find(result, "DG203");
    ASSERT_TRUE(expired && threshold);
    EXPECT_EQ(expired->role, Role::root_cause);
    EXPECT_EQ(threshold->role, Role::consequence);
    EXPECT_TRUE(
        has_note(*expired, "`execution.checkpointing.timeout` in force: 1 min (set in the configuration)"));
    EXPECT_TRUE(has_note(*threshold, "tolerable-failed-checkpoints` in force: 0 (Flink 1.20 default)"));
}

TEST(Diagnose, ToleranceFailureAloneIsARootWithUnknownCause) {
    const Result result =
        run("org.apache.flink.util.FlinkRuntimeException: Exceeded checkpoint tolerable failure "
            "threshold.\n");
    ASSERT_EQ(result.diagnoses.size(), 1u);
    EXPECT_EQ(result.diagnoses[0].role, Role::root_cause);
}

// From Flink 1.17 the threshold's message names the latest failure (CheckpointFailureManager), which
// holds DG201's text: the line is still the threshold, not one more expiry.
TEST(Diagnose, ToleranceFailureNamingTheLatestExpiryIsTheThreshold) {
    const Result result =
        run("org.apache.flink.util.FlinkRuntimeException: Exceeded checkpoint tolerable failure threshold. "
            "The latest checkpoint failed due to Checkpoint expired before completing., view the Checkpoint "
            "History tab or the Job Manager log to find out why continuous checkpoints failed.\n");
    ASSERT_EQ(result.diagnoses.size(), 1u);
    EXPECT_EQ(result.diagnoses[0].id, "DG203");
}

TEST(Diagnose, StartupMemoryErrorIsReproducedByTheModel) {
    const std::string log =
        "2024-03-01 09:00:00,000 ERROR org.apache.flink.runtime.taskexecutor.TaskManagerRunner       [] - "
        "Terminating TaskManagerRunner with exit code 1.\n"
        "org.apache.flink.configuration.IllegalConfigurationException: TaskManager memory configuration "
        "failed: Sum of "
        "configured JVM Metaspace (4.000gb (4294967296 bytes)) and JVM Overhead (192.000mb (201326592 "
        "bytes)) exceed "
        "configured Total Process Memory (1024.000mb (1073741824 bytes)).\n";
    const Config failing("taskmanager.memory.process.size: 1g\ntaskmanager.memory.jvm-metaspace.size: 4g\n",
                         FlinkVersion{1, 20});
    const Result first = run(log, &failing);
    const Diagnosis* d = find(first, "DG301");
    ASSERT_NE(d, nullptr);
    EXPECT_TRUE(has_note(*d, "flinklint's memory model fails the same way"));
    const Config fine("taskmanager.memory.process.size: 4g\n", FlinkVersion{2, 1});
    const Result second = run(log, &fine);
    d = find(second, "DG301");
    ASSERT_NE(d, nullptr);
    EXPECT_TRUE(has_note(*d, "the configuration in force is not the one given"));
}

TEST(Diagnose, JobManagerStartupMemoryError) {
    const Result result =
        run("org.apache.flink.configuration.IllegalConfigurationException: JobManager memory configuration "
            "failed: The "
            "configured Total Flink Memory (64.000mb (67108864 bytes)) is less than the configured Off-heap "
            "Memory "
            "(128.000mb (134217728 bytes)).\n");
    EXPECT_NE(find(result, "DG302"), nullptr);
}

TEST(Diagnose, MissingFileSystemNamesSchemeAndPlugins) {
    const std::string log =
        "Caused by: org.apache.flink.core.fs.UnsupportedFileSystemSchemeException: Could not find a file "
        "system "
        "implementation for scheme 's3'. The scheme is directly supported by Flink through the following "
        "plugin(s): "
        "flink-s3-fs-hadoop, flink-s3-fs-presto. Please ensure that each plugin resides within its own "
        "subfolder "
        "within the plugins directory.\n";
    const Config config(
        "taskmanager.memory.process.size: 2g\nstate.checkpoints.dir: s3://bucket/checkpoints\n",
        FlinkVersion{1, 20});
    const Result result = run(log, &config);
    const Diagnosis* d = find(result, "DG501");
    ASSERT_NE(d, nullptr);
    EXPECT_NE(d->cause.find("'s3'"), std::string::npos);
    EXPECT_TRUE(has_note(*d, "flink-s3-fs-hadoop, flink-s3-fs-presto"));
    EXPECT_TRUE(has_note(*d, "`state.checkpoints.dir` uses it"));
    // Older versions: no plugin list, only Hadoop.
    const Result hdfs =
        run("Could not find a file system implementation for scheme 'hdfs'. The scheme is not "
            "directly supported by Flink and no Hadoop file system to support this scheme could be "
            "loaded.\n");
    d = find(hdfs, "DG501");
    ASSERT_NE(d, nullptr);
    EXPECT_FALSE(has_note(*d, "Flink names the plugin"));
}

TEST(Diagnose, NothingRecognisedIsNotGuessed) {
    const Result result =
        run("2024-03-01 10:00:00,000 INFO  org.apache.flink.runtime.jobmaster.JobMaster [] - "
            "Job switched from CREATED to RUNNING.\nsecond line\n");
    EXPECT_TRUE(result.diagnoses.empty());
    EXPECT_EQ(result.logs.front().lines, 2u);
}

TEST(Diagnose, KubectlAndDockerPrefixesAreRemovedFromTheEvidence) {
    EXPECT_EQ(
        diagnose::strip_log_prefixes("[pod/flink-tm-0/flink-main-container] 2024-03-01T10:00:00.123456789Z "
                                     "2024-03-01 10:00:00,000 INFO x"),
        "2024-03-01 10:00:00,000 INFO x");
    EXPECT_EQ(diagnose::strip_log_prefixes("2024-03-01T10:00:00.000000000+02:00 text"), "text");
    EXPECT_EQ(diagnose::strip_log_prefixes("jobmanager-1  | 2024-03-01 10:00:00,000 INFO x"),
              "2024-03-01 10:00:00,000 INFO x");
    EXPECT_EQ(diagnose::strip_log_prefixes("2024-03-01 10:00:00,000 INFO a | b"),
              "2024-03-01 10:00:00,000 INFO a | b");
    const Result result =
        run("[pod/tm-0/flink] 2024-03-01T10:00:00Z java.lang.OutOfMemoryError: Java heap space\n");
    ASSERT_EQ(result.diagnoses.size(), 1u);
    EXPECT_EQ(result.diagnoses[0].evidence, "java.lang.OutOfMemoryError: Java heap space");
}

TEST(Diagnose, EveryRecogniserIsDescribed) {
    for (const auto& info : diagnose::recognisers()) {
        EXPECT_TRUE(info.id.starts_with("DG")) << info.id;
        EXPECT_FALSE(info.flink_text.empty()) << info.id;
        EXPECT_FALSE(info.source.empty()) << info.id;
    }
    EXPECT_GE(diagnose::recognisers().size(), 14u);
}

TEST(Diagnose, DocsListEveryRecogniser) {
    std::ifstream in(std::string(FLINKLINT_SOURCE_DIR) + "/docs/diagnose.md");
    std::stringstream docs;
    docs << in.rdbuf();
    for (const auto& info : diagnose::recognisers()) {
        const std::string row = "| " + std::string(info.id) + " | " + std::string(info.name) + " |";
        EXPECT_NE(docs.str().find(row), std::string::npos) << row;
    }
}

}  // namespace
