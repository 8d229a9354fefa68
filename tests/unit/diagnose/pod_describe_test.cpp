// DG406 / DG404 from `kubectl describe pod` output alone (tuner/diagnose/src/pod_describe.cpp): the
// container's name, else the pod's `component=` label, says JobManager or TaskManager; its memory
// limit is compared with the process size through the memory model. Two layouts: pods of a
// standalone Kubernetes deployment (containers `jobmanager` / `taskmanager`, fields aligned with
// spaces) and pods of Flink's native integration or the operator (`flink-main-container`, fields
// aligned with tabs).
#include <gtest/gtest.h>

#include "diagnose_support.hpp"
#include "flinklint/values.hpp"
#include "tuner/diagnose/src/pod_describe.hpp"

namespace {

using namespace flinklint;
using diagnose::Diagnosis;
using diagnose::Result;
using flinklint::testing::Config;
using flinklint::testing::find;
using flinklint::testing::has_note;

// `kubectl describe pods -l app=flink` of a standalone deployment: the JobManager killed, a
// TaskManager running.
const std::string kStandalone =
    "Name:             flink-jobmanager-6c5d8b7f9-q4x7m\n"
    "Namespace:        streaming\n"
    "Priority:         0\n"
    "Labels:           app=flink\n"
    "                  component=jobmanager\n"
    "                  pod-template-hash=6c5d8b7f9\n"
    "Status:           Running\n"
    "Containers:\n"
    "  jobmanager:\n"
    "    Container ID:  containerd://4f1c2d\n"
    "    Image:         flink:1.17.2-scala_2.12-java11\n"
    "    Args:\n"
    "      jobmanager\n"
    "    State:          Running\n"
    "      Started:      Mon, 07 Dec 2026 10:21:04 +0000\n"
    "    Last State:     Terminated\n"
    "      Reason:       OOMKilled\n"
    "      Exit Code:    137\n"
    "      Started:      Mon, 07 Dec 2026 10:00:02 +0000\n"
    "      Finished:     Mon, 07 Dec 2026 10:21:01 +0000\n"
    "    Ready:          True\n"
    "    Restart Count:  1\n"
    "    Limits:\n"
    "      cpu:     1\n"
    "      memory:  1600Mi\n"
    "    Requests:\n"
    "      cpu:        1\n"
    "      memory:     1600Mi\n"
    "Conditions:\n"
    "  Type              Status\n"
    "  Ready             True\n"
    "\n"
    "\n"
    "Name:             flink-taskmanager-6c9f7d5b8-2kq8j\n"
    "Namespace:        streaming\n"
    "Labels:           app=flink\n"
    "                  component=taskmanager\n"
    "Containers:\n"
    "  taskmanager:\n"
    "    State:          Running\n"
    "      Started:      Mon, 07 Dec 2026 10:00:03 +0000\n"
    "    Ready:          True\n"
    "    Restart Count:  0\n"
    "    Limits:\n"
    "      memory:  4Gi\n";

// A native Kubernetes TaskManager pod (`<cluster-id>-taskmanager-<attempt>-<index>`), tab-aligned.
const std::string kNative =
    "Name:\tsessions-taskmanager-1-3\n"
    "Namespace:\tflink\n"
    "Labels:\tapp=sessions\n"
    "\tcomponent=taskmanager\n"
    "\ttype=flink-native-kubernetes\n"
    "Init Containers:\n"
    "  artifacts-fetcher:\n"
    "    Last State:\tTerminated\n"
    "      Exit Code:\t137\n"
    "Containers:\n"
    "  flink-main-container:\n"
    "    State:\tTerminated\n"
    "      Reason:\tOOMKilled\n"
    "      Exit Code:\t137\n"
    "    Limits:\n"
    "      cpu:\t2\n"
    "      memory:\t4Gi\n";

TEST(PodDescribe, KubernetesQuantities) {
    EXPECT_EQ(diagnose::kubernetes_bytes("1600Mi"), 1600ULL << 20);
    EXPECT_EQ(diagnose::kubernetes_bytes("4Gi"), 4ULL << 30);
    EXPECT_EQ(diagnose::kubernetes_bytes("2G"), 2000000000ULL);
    EXPECT_EQ(diagnose::kubernetes_bytes("1.5Gi"), 1536ULL << 20);
    EXPECT_EQ(diagnose::kubernetes_bytes("2147483648"), 2147483648ULL);
    EXPECT_EQ(diagnose::kubernetes_bytes("2gb"), std::nullopt);
    EXPECT_EQ(diagnose::kubernetes_bytes(""), std::nullopt);
}

TEST(PodDescribe, AJobManagerContainerOverItsLimitGetsTheLimitAsItsProcess) {
    // Flink 1.17 sizes a 2 GiB process into a 1600 MiB container.
    const Config config("jobmanager.memory.process.size: 2g\n", FlinkVersion{1, 17});
    const Result result = flinklint::testing::run(kStandalone, &config, "describe.txt");
    ASSERT_EQ(result.diagnoses.size(), 1u);
    const Diagnosis* d = find(result, "DG406");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->line, 17u);  // "Reason: OOMKilled"
    EXPECT_EQ(
        d->evidence,
        "pod flink-jobmanager-6c5d8b7f9-q4x7m, container jobmanager: Terminated, Reason: OOMKilled, Exit "
        "Code: 137, Limits: memory 1677721600 bytes");
    EXPECT_NE(d->cause.find("(OOMKilled)"), std::string::npos) << d->cause;
    // The limit is not the process size here: the cause says which is the smaller.
    EXPECT_NE(d->cause.find("its memory grew past the container's memory limit of 1600 mb, which is below "
                            "`jobmanager.memory.process.size` (2 gb)"),
              std::string::npos)
        << d->cause;
    EXPECT_TRUE(has_note(*d, "the container's memory limit is 1.563gb"))
        << ::testing::PrintToString(d->notes);
    EXPECT_TRUE(has_note(*d, "the limit is below the process Flink sizes"));
    ASSERT_EQ(d->changes.size(), 1u);
    EXPECT_EQ(d->changes[0].key, "jobmanager.memory.process.size");
    EXPECT_EQ(parse_memory_size(d->changes[0].value).value(), 1600ULL << 20);
    EXPECT_TRUE(has_note(*d, "with the change: process 1.563gb"));
    // A process the limit holds: the cause says so, and the memory outside Flink's budget is named.
    const Config fits("jobmanager.memory.process.size: 1600m\n", FlinkVersion{1, 17});
    const Result fitted = flinklint::testing::run(kStandalone, &fits, "describe.txt");
    const Diagnosis* held = find(fitted, "DG406");
    ASSERT_NE(held, nullptr);
    EXPECT_NE(held->cause.find("the container's memory limit of 1600 mb, which is at least "
                               "`jobmanager.memory.process.size` (1600 mb)"),
              std::string::npos)
        << held->cause;
    EXPECT_TRUE(held->changes.empty());
}

TEST(PodDescribe, ANativeTaskManagerPodAtItsLimitNamesTheJvmOverhead) {
    // Flink 2.0, the limit equals the process size: memory outside Flink's budget grew past it.
    const Config config("taskmanager.memory.process.size: 4g\n", FlinkVersion{2, 0}, "config.yaml");
    const Result result = flinklint::testing::run(kNative, &config, "describe.txt");
    ASSERT_EQ(result.diagnoses.size(), 1u);
    const Diagnosis* d = find(result, "DG404");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->line, 13u);
    EXPECT_NE(d->cause.find("its memory grew past the container's memory limit of 4 gb, which is at least "
                            "`taskmanager.memory.process.size` (4 gb)"),
              std::string::npos)
        << d->cause;
    EXPECT_TRUE(has_note(*d, "the limit holds the process Flink sizes"));
    EXPECT_TRUE(has_note(*d, "no size is computed"));
    EXPECT_TRUE(d->changes.empty());
    // Over a smaller limit, the TaskManager's memory model sizes the process to it.
    const Config large("taskmanager.memory.process.size: 6g\n", FlinkVersion{2, 0}, "config.yaml");
    const Result larger = flinklint::testing::run(kNative, &large, "describe.txt");
    const Diagnosis* over = find(larger, "DG404");
    ASSERT_NE(over, nullptr);
    EXPECT_NE(over->cause.find("the container's memory limit of 4 gb, which is below "
                               "`taskmanager.memory.process.size` (6 gb)"),
              std::string::npos)
        << over->cause;
    ASSERT_EQ(over->changes.size(), 1u);
    EXPECT_EQ(over->changes[0].key, "taskmanager.memory.process.size");
    EXPECT_EQ(parse_memory_size(over->changes[0].value).value(), 4ULL << 30);
}

TEST(PodDescribe, AnUnnamedContainerIsNoFindingOnItsOwn) {
    std::string text = kNative;
    text.replace(text.find("\tcomponent=taskmanager"), 22, "\trelease=sessions");
    text.replace(text.find("sessions-taskmanager-1-3"), 24, "sessions-5d7c9-abcde");
    EXPECT_TRUE(flinklint::testing::run(text, nullptr, "describe.txt").diagnoses.empty());
    // Nor is a running container, nor text that is not describe's.
    EXPECT_TRUE(flinklint::testing::run(kStandalone.substr(kStandalone.find("\n\nName:")), nullptr, "d.txt")
                    .diagnoses.empty());
}

}  // namespace
