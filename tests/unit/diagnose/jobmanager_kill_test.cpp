// DG406: the JobManager's container killed for memory, on JobManager logs as Flink 1.15 and 1.20 write
// them (EnvironmentInformation's start banner, ClusterEntrypoint's shutdown) beside what Kubernetes,
// docker compose and YARN say about the kill.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <variant>

#include "diagnose_support.hpp"
#include "flinklint/memory_model.hpp"
#include "flinklint/values.hpp"

namespace {

namespace fs = std::filesystem;
using namespace flinklint;
using diagnose::Diagnosis;
using diagnose::Result;
using diagnose::Role;
using flinklint::testing::Config;
using flinklint::testing::find;
using flinklint::testing::has_note;

std::string banner(const std::string& entrypoint, const std::string& version) {
    return "2024-01-10 08:00:00,001 INFO  org.apache.flink.runtime.entrypoint.ClusterEntrypoint        [] -  "
           "Starting " +
           entrypoint + " (Version: " + version +
           ", Scala: 2.12, Rev:c0027e5, Date:2023-11-09T13:24:38+01:00)\n";
}

const std::string kWorking =
    "2024-01-10 08:05:00,000 INFO  org.apache.flink.runtime.checkpoint.CheckpointCoordinator    [] - "
    "Triggering checkpoint 12 (type=CheckpointType{name='Checkpoint', "
    "sharingFilesStrategy=FORWARD_BACKWARD}) "
    "@ 1704873900000 for job a1b2c3d4e5f60718293a4b5c6d7e8f90.\n";

// `kubectl describe pod` of the JobManager's pod after the kill.
const std::string kDescribe =
    "Name:             flink-7d9f8c6b5-x2x9q\n"
    "Containers:\n"
    "  flink-main-container:\n"
    "    State:          Running\n"
    "    Last State:     Terminated\n"
    "      Reason:       OOMKilled\n"
    "      Exit Code:    137\n";

struct Files {
    fs::path dir =
        fs::temp_directory_path() / ("flinklint-jmkill-" + std::to_string(::getpid()) + "-" +
                                     ::testing::UnitTest::GetInstance()->current_test_info()->name());
    Files() { fs::create_directories(dir); }
    ~Files() { fs::remove_all(dir); }
    std::string write(const std::string& name, const std::string& text) const {
        std::ofstream(dir / name, std::ios::binary) << text;
        return (dir / name).string();
    }
};

Result run_files(const std::vector<std::string>& paths, const Config& config) {
    diagnose::Options options;
    options.config = config.effective.get();
    return diagnose::diagnose_evidence(paths, options);
}

class JobManagerKill : public ::testing::TestWithParam<std::pair<std::string, std::string>> {};

TEST_P(JobManagerKill, KubernetesOomKilledBesideALogThatEndsWithoutAShutdown) {
    const auto& [entrypoint, version] = GetParam();
    const Files files;
    const std::string log = files.write("jobmanager.log", banner(entrypoint, version) + kWorking);
    const std::string describe = files.write("describe.txt", kDescribe);
    const std::string taskmanager = files.write(
        "taskmanager.log",
        "2024-01-10 08:05:40,000 INFO  org.apache.flink.runtime.taskexecutor.TaskExecutor [] - The heartbeat "
        "of JobManager with id 00000000000000000000000000000000 timed out.\n");
    const Config config("jobmanager.memory.process.size: 1600m\n", *FlinkVersion::parse(version));
    const Result result = run_files({log, describe, taskmanager}, config);
    const Diagnosis* killed = find(result, "DG406");
    ASSERT_NE(killed, nullptr);
    EXPECT_EQ(killed->path, describe);
    EXPECT_EQ(killed->line, 6u);  // "Reason: OOMKilled", the first kill line
    EXPECT_EQ(killed->role, Role::root_cause);
    EXPECT_NE(killed->cause.find("the JobManager's container was killed (OOMKilled)"), std::string::npos)
        << killed->cause;
    EXPECT_TRUE(has_note(*killed, log + ":1: the JobManager started here and its log ends without"));
    // No usage in the evidence: the JobManager in force, no invented size.
    EXPECT_TRUE(killed->changes.empty());
    EXPECT_TRUE(has_note(*killed, "JobManager in force: process 1.563gb"))
        << ::testing::PrintToString(killed->notes);
    // The TaskManagers lose their JobManager because of it.
    const Diagnosis* heartbeat = find(result, "DG102");
    ASSERT_NE(heartbeat, nullptr);
    EXPECT_EQ(heartbeat->role, Role::consequence);
}

INSTANTIATE_TEST_SUITE_P(Versions, JobManagerKill,
                         ::testing::Values(std::pair{"StandaloneSessionClusterEntrypoint", "1.15.4"},
                                           std::pair{"KubernetesApplicationClusterEntrypoint", "1.20.0"}));

TEST(JobManagerKillEvidence, AJobManagerThatShutDownWasNotKilled) {
    const Files files;
    const std::string log = files.write(
        "jobmanager.log",
        banner("StandaloneSessionClusterEntrypoint", "1.17.2") + kWorking +
            "2024-01-10 08:06:00,000 INFO  org.apache.flink.runtime.entrypoint.ClusterEntrypoint        [] - "
            "RECEIVED SIGNAL 15: SIGTERM. Shutting down as requested.\n");
    const Config config("", FlinkVersion{1, 17});
    EXPECT_EQ(find(run_files({log, files.write("describe.txt", kDescribe)}, config), "DG406"), nullptr);
    // Nor is a TaskManager's log a JobManager's, nor a kill without a JobManager in sight.
    const std::string tm =
        files.write("taskmanager.log",
                    "2024-01-10 08:00:00,001 INFO  org.apache.flink.runtime.taskexecutor.TaskManagerRunner "
                    "[] -  Starting TaskManager (Version: 1.17.2, Scala: 2.12, Rev:c0027e5, Date:x)\n");
    EXPECT_EQ(find(run_files({tm, files.write("describe2.txt", kDescribe)}, config), "DG406"), nullptr);
}

TEST(JobManagerKillEvidence, FlinksReportOfATaskManagerPodIsNotTheJobManagers) {
    const std::string log =
        banner("KubernetesSessionClusterEntrypoint", "1.20.0") +
        "2024-05-19 17:46:40,261 WARN  "
        "org.apache.flink.runtime.resourcemanager.active.ActiveResourceManager [] - Worker "
        "flink-taskmanager-1-3 is terminated. Diagnostics: Pod terminated, container "
        "termination statuses: [flink-main-container(exitCode=137, reason=OOMKilled, "
        "message=null)], pod status: Failed(reason=null, message=null)\n";
    const Result result = flinklint::testing::run(log, nullptr, "jobmanager.log");
    EXPECT_NE(find(result, "DG404"), nullptr);
    EXPECT_EQ(find(result, "DG406"), nullptr);
}

TEST(JobManagerKillEvidence, ComposeNamesTheJobManagerService) {
    const Result result =
        flinklint::testing::run("jobmanager-1 exited with code 137\ntaskmanager-1 exited with code 1\n");
    const Diagnosis* killed = find(result, "DG406");
    ASSERT_NE(killed, nullptr);
    EXPECT_NE(killed->cause.find("exit code 137, SIGKILL"), std::string::npos) << killed->cause;
    EXPECT_EQ(find(flinklint::testing::run("taskmanager-1 exited with code 137\n"), "DG406"), nullptr);
    EXPECT_EQ(find(flinklint::testing::run("jobmanager-1 exited with code 1370\n"), "DG406"), nullptr);
}

// YARN's application master container (..._000001) holds the JobManager: its kill is sized with the
// JobManager's memory model, a TaskManager's container (..._000002) stays DG405.
TEST(JobManagerKillEvidence, YarnApplicationMasterGrowsThroughTheJvmOverhead) {
    const auto line = [](const std::string& container) {
        return "2024-01-10 08:00:00,000 INFO  org.apache.flink.yarn.YarnClusterDescriptor [] - Diagnostics: "
               "Container [pid=12345,containerID=" +
               container +
               "] is running beyond physical memory limits. Current usage: 2.5 GB of 2 GB physical memory "
               "used; 4.1 GB of 4.2 GB virtual memory used. Killing container.\n";
    };
    const Config config("jobmanager.memory.process.size: 2g\n", FlinkVersion{1, 18});
    const Result result =
        flinklint::testing::run(line("container_e05_1700000000000_0001_01_000001"), &config);
    const Diagnosis* d = find(result, "DG406");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(find(result, "DG405"), nullptr);
    ASSERT_EQ(d->changes.size(), 3u) << ::testing::PrintToString(d->notes);
    EXPECT_EQ(d->changes[0].key, "jobmanager.memory.process.size");
    EXPECT_EQ(parse_memory_size(d->changes[0].value).value(), 2560ull << 20);
    FlatConfig flat = config.effective->flat();
    for (const auto& c : d->changes) flat[c.key] = c.value;
    const auto memory = derive_jobmanager_memory(flat, config.effective->memory_options());
    ASSERT_TRUE(std::holds_alternative<JobManagerMemory>(memory));
    const auto& before = std::get<JobManagerMemory>(config.effective->jobmanager());
    const auto& after = std::get<JobManagerMemory>(memory);
    EXPECT_EQ(after.total_process, 2560ull << 20);
    EXPECT_EQ(after.jvm_overhead, before.jvm_overhead + (512ull << 20));
    EXPECT_EQ(after.jvm_heap, before.jvm_heap);  // the rest keeps its size
    const Result tm = flinklint::testing::run(line("container_e05_1700000000000_0001_01_000002"), &config);
    EXPECT_NE(find(tm, "DG405"), nullptr);
    EXPECT_EQ(find(tm, "DG406"), nullptr);
}

}  // namespace
