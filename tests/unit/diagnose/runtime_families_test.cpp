// The failure families of a running job, on log excerpts as Flink 1.15 (Akka) and 1.20 / 2.x (Pekko)
// write them: containers killed for memory (Kubernetes exit 137, YARN's physical limit), RPC ask
// timeouts and frame sizes, missing slots, file handles and RocksDB write stalls. Each checks the
// diagnosis, root against consequence, and the computed values.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
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

// The log as the JobManager writes it.
diagnose::Result scan(const std::string& log, const Config* config = nullptr) {
    return flinklint::testing::run(log, config, "jobmanager.log");
}

// ActiveResourceManager: "Worker %s is terminated. Diagnostics: %s", with KubernetesPod's diagnostics.
const std::string kOomKilled =
    "2024-05-19 17:46:40,261 WARN  org.apache.flink.runtime.resourcemanager.active.ActiveResourceManager [] "
    "- "
    "Worker flink-taskmanager-1-3 is terminated. Diagnostics: Pod terminated, container termination "
    "statuses: "
    "[flink-main-container(exitCode=137, reason=OOMKilled, message=null)], pod status: Failed(reason=null, "
    "message=null)\n"
    "2024-05-19 17:46:52,001 INFO  org.apache.flink.runtime.jobmaster.JobMaster [] - The heartbeat of "
    "TaskManager with id flink-taskmanager-1-3 timed out.\n";

TEST(RuntimeFamilies, KubernetesOomKilledIsTheRootOfTheHeartbeatLoss) {
    const Config config("taskmanager.memory.process.size: 4g\n", FlinkVersion{1, 20});
    const Result result = scan(kOomKilled, &config);
    const Diagnosis* killed = find(result, "DG404");
    ASSERT_NE(killed, nullptr);
    EXPECT_EQ(killed->role, Role::root_cause);
    EXPECT_NE(killed->cause.find("reason OOMKilled"), std::string::npos) << killed->cause;
    // No usage in the log: the values in force, no invented size.
    EXPECT_TRUE(killed->changes.empty());
    EXPECT_TRUE(has_note(*killed, "process 4.000gb (4294967296 bytes), JVM overhead 409.600mb"))
        << ::testing::PrintToString(killed->notes);
    const Diagnosis* heartbeat = find(result, "DG101");
    ASSERT_NE(heartbeat, nullptr);
    EXPECT_EQ(heartbeat->role, Role::consequence);
}

// Hadoop 2 and Hadoop 3 word the kill differently; both carry "Current usage: X of Y physical memory used".
class YarnKill : public ::testing::TestWithParam<std::string> {};

TEST_P(YarnKill, ProcessGrowsToTheUsageSeenThroughTheJvmOverhead) {
    const std::string log =
        "2024-01-10 08:00:00,000 WARN  org.apache.flink.runtime.resourcemanager.active.ActiveResourceManager "
        "[] "
        "- Worker container_e05_1700000000000_0001_01_000002 is terminated. Diagnostics: Container "
        "[pid=12345,containerID=container_e05_1700000000000_0001_01_000002] " +
        GetParam() +
        " Current usage: 4.5 GB of 4 GB physical memory used; 6.2 GB of 8.4 GB virtual memory used. Killing "
        "container.\n";
    const Config config("taskmanager.memory.process.size: 4g\n", FlinkVersion{1, 17});
    const Result result = scan(log, &config);
    const Diagnosis* d = find(result, "DG405");
    ASSERT_NE(d, nullptr);
    ASSERT_EQ(d->changes.size(), 3u) << ::testing::PrintToString(d->notes);
    // 4.5 GB as Hadoop prints it (binary units): 4608 MiB; the overhead takes the 512 MiB added.
    EXPECT_EQ(d->changes[0].key, "taskmanager.memory.process.size");
    EXPECT_EQ(parse_memory_size(d->changes[0].value).value(), 4608ull << 20);
    FlatConfig flat = config.effective->flat();
    for (const auto& c : d->changes) flat[c.key] = c.value;
    const auto memory = derive_taskmanager_memory(flat, config.effective->memory_options());
    ASSERT_TRUE(std::holds_alternative<TaskManagerMemory>(memory));
    const auto& tm = std::get<TaskManagerMemory>(memory);
    const auto& before = std::get<TaskManagerMemory>(config.effective->taskmanager());
    EXPECT_EQ(tm.total_process, 4608ull << 20);
    EXPECT_EQ(tm.jvm_overhead, before.jvm_overhead + (512ull << 20));
    EXPECT_EQ(tm.task_heap, before.task_heap);  // the rest keeps its size
}

INSTANTIATE_TEST_SUITE_P(Hadoop, YarnKill,
                         ::testing::Values("is running beyond physical memory limits.",
                                           "is running 536870912B beyond the 'PHYSICAL' memory limit."));

TEST(RuntimeFamilies, AskTimeoutInAkkaAndPekkoNamesTheVersionsKey) {
    const std::string akka =
        "java.util.concurrent.TimeoutException: Invocation of "
        "[RemoteRpcInvocation(JobMasterGateway.updateTaskExecutionState(TaskExecutionState))] at recipient "
        "[akka.tcp://flink@flink-jobmanager:6123/user/rpc/jobmanager_2] timed out. This is usually caused "
        "by: 1) "
        "Akka failed sending the message silently, due to problems like oversized payload or serialization "
        "failures. In that case, you should find detailed error information in the logs. 2) The recipient "
        "needs "
        "more time for responding, due to problems like slow machines or network jitters. In that case, you "
        "can "
        "try to increase akka.ask.timeout.\n";
    const Config old_config("taskmanager.memory.process.size: 2g\nakka.ask.timeout: 5 s\n",
                            FlinkVersion{1, 15});
    const Result old_result = scan(akka, &old_config);
    const Diagnosis* d = find(old_result, "DG601");
    ASSERT_NE(d, nullptr);
    ASSERT_EQ(d->changes.size(), 1u);
    EXPECT_EQ(d->changes[0].key, "akka.ask.timeout");
    EXPECT_EQ(d->changes[0].value, "10 s");

    std::string pekko = akka;
    pekko.replace(pekko.find("akka.tcp"), 4, "pekko.tcp");
    pekko.replace(pekko.find("Akka failed"), 4, "Pekko");
    pekko.replace(pekko.find("akka.ask.timeout"), 4, "pekko");
    const Config new_config("taskmanager.memory.process.size: 2g\npekko.ask.timeout: 5 s\n",
                            FlinkVersion{1, 20});
    const Result new_result = scan(pekko, &new_config);
    const Diagnosis* p = find(new_result, "DG601");
    ASSERT_NE(p, nullptr);
    ASSERT_EQ(p->changes.size(), 1u);
    EXPECT_EQ(p->changes[0].key, "pekko.ask.timeout");
}

TEST(RuntimeFamilies, FrameSizeHoldsTheMessageThatDidNotFit) {
    // Flink 1.15-1.17 (AkkaInvocationHandler) and the remoting layer's own text (Akka and Pekko).
    const Config akka_config("taskmanager.memory.process.size: 2g\n", FlinkVersion{1, 15});
    const Result akka =
        scan("java.io.IOException: The rpc invocation size 27329480 exceeds the maximum akka framesize.\n",
             &akka_config);
    const Diagnosis* d = find(akka, "DG602");
    ASSERT_NE(d, nullptr);
    ASSERT_EQ(d->changes.size(), 1u);
    EXPECT_EQ(d->changes[0].key, "akka.framesize");
    EXPECT_EQ(d->changes[0].value, "28311552b");  // 27329480 bytes rounded up to 27 MiB

    const std::string pekko =
        "2024-06-01 12:00:00,000 ERROR org.apache.pekko.remote.EndpointWriter [] - Transient association "
        "error "
        "(association remains live)\norg.apache.pekko.remote.OversizedPayloadException: Discarding oversized "
        "payload sent to Actor[pekko.tcp://flink@10.0.0.7:6122/user/rpc/taskmanager_0#-1]: max allowed size "
        "10485760 bytes, actual size of encoded class "
        "org.apache.flink.runtime.rpc.messages.RemoteRpcInvocation "
        "was 12582912 bytes.\n"
        "java.util.concurrent.TimeoutException: Invocation of [RemoteRpcInvocation(x)] at recipient [y] "
        "timed "
        "out. This is usually caused by: 1) Pekko failed sending the message silently\n";
    const Config pekko_config("taskmanager.memory.process.size: 2g\n", FlinkVersion{2, 1});
    const Result result = scan(pekko, &pekko_config);
    const Diagnosis* frame = find(result, "DG602");
    ASSERT_NE(frame, nullptr);
    ASSERT_EQ(frame->changes.size(), 1u);
    EXPECT_EQ(frame->changes[0].key, "pekko.framesize");
    EXPECT_EQ(frame->changes[0].value, "12582912b");
    EXPECT_TRUE(has_note(*frame, "`pekko.framesize` in force: \"10485760b\""))
        << ::testing::PrintToString(frame->notes);
    const Diagnosis* ask = find(result, "DG601");
    ASSERT_NE(ask, nullptr);
    EXPECT_EQ(ask->role, Role::consequence);  // the message was never sent
}

TEST(RuntimeFamilies, MissingSlotsInBothSchedulerTexts) {
    const Config config("taskmanager.memory.process.size: 2g\ntaskmanager.numberOfTaskSlots: 2\n",
                        FlinkVersion{1, 20});
    for (const std::string text :
         {"org.apache.flink.runtime.jobmanager.scheduler.NoResourceAvailableException: Could not acquire the "
          "minimum required resources.\n",
          "java.util.concurrent.CompletionException: "
          "org.apache.flink.runtime.jobmanager.scheduler.NoResourceAvailableException: Slot request bulk is "
          "not "
          "fulfillable! Could not allocate the required slot within slot request timeout\n"}) {
        const Result result = scan(text, &config);
        const Diagnosis* d = find(result, "DG701");
        ASSERT_NE(d, nullptr) << text;
        EXPECT_EQ(d->role, Role::root_cause);
        EXPECT_TRUE(has_note(*d, "`taskmanager.numberOfTaskSlots` in force: 2 (set in the configuration)"));
        EXPECT_TRUE(has_note(*d, "`slot.request.timeout` in force: 5 min (Flink 1.20 default)"));
    }
    // After a lost TaskManager the missing slots are its consequence.
    const Result lost =
        scan(kOomKilled +
                 "org.apache.flink.runtime.jobmanager.scheduler.NoResourceAvailableException: Could "
                 "not acquire the minimum required resources.\n",
             &config);
    ASSERT_NE(find(lost, "DG701"), nullptr);
    EXPECT_EQ(find(lost, "DG701")->role, Role::consequence);
}

TEST(RuntimeFamilies, TooManyOpenFilesFromTheJvmAndFromRocksDb) {
    const Config config("taskmanager.memory.process.size: 2g\n", FlinkVersion{1, 20});
    const Result result = scan(
        "java.io.IOException: Too many open files\n"
        "org.rocksdb.RocksDBException: While open a file for random read: /tmp/flink-io-1/db/000123.sst: Too "
        "many "
        "open files\n",
        &config);
    const Diagnosis* d = find(result, "DG801");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->occurrences, 2u);
    EXPECT_TRUE(d->changes.empty());  // the limit is the OS's: nothing to compute from a log
    EXPECT_TRUE(has_note(*d, "`state.backend.rocksdb.files.open` in force: -1"));
}

TEST(RuntimeFamilies, RocksDbWriteStallsAndAContradictedWriteBufferCount) {
    const Config config("taskmanager.memory.process.size: 2g\nstate.backend.rocksdb.writebuffer.count: 4\n",
                        FlinkVersion{1, 20});
    const Result stopped = scan(
        "2024/05/01-10:00:00.123456 7f23db1ff700 [WARN] [db/column_family.cc:991] [default] Stopping writes "
        "because we have 2 immutable memtables (waiting for flush), max_write_buffer_number is set to 2\n",
        &config);
    const Diagnosis* memtables = find(stopped, "DG802");
    ASSERT_NE(memtables, nullptr);
    EXPECT_TRUE(
        has_note(*memtables, "max_write_buffer_number is 2, not 4: the configuration in force is not"));
    const Result stalled = scan(
        "2024/05/01-10:00:00.123456 7f23db1ff700 [WARN] [db/column_family.cc:1003] [default] Stalling writes "
        "because we have 20 level-0 files rate 13421772\n",
        &config);
    const Diagnosis* level0 = find(stalled, "DG802");
    ASSERT_NE(level0, nullptr);
    EXPECT_NE(level0->cause.find("level-0 files pile up"), std::string::npos);
    EXPECT_TRUE(has_note(*level0, "`state.backend.rocksdb.thread.num` in force: 2"));
}

}  // namespace
