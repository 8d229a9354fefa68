// DefaultValidatorTest#testValidationWithoutDefaultConfig (operator release-1.15.0), its second half: the
// process resources, the Flink version, the service account, the ephemeral storage, and the cases that
// compare the spec with the last reconciled one in the resource's status (a file holds no status), plus
// #testValidationWithDefaultConfig. Cases as in operator_validator_support.hpp.
#include <gtest/gtest.h>

#include "operator_validator_support.hpp"

using namespace flinklint::testing::validator;

namespace {

// Why the cases that need `status.reconciliationStatus.lastReconciledSpec` are known differences.
const char* const kStatus =
    "the operator compares the spec with the last reconciled spec in the resource's status, which a file "
    "in a repository does not hold: flinklint sees the new spec alone, which the validator accepts";

// A missing field has no line: flinklint reports it on the resource's name.
const char* const kName = "name: test-cluster";

std::vector<Case> resource_cases() {
    return {
        accepted("TaskManager memory 1G", with([](Deployment& d) { d.tm_memory = "1G"; }).text()),
        accepted(
            "TaskManager memory 100", with([](Deployment& d) { d.tm_memory = "100"; }).text(),
            "the validator only parses the size (MemorySize#parse); 100 bytes cannot hold the TaskManager's "
            "metaspace and overhead, so TaskExecutorProcessUtils fails when it starts: flinklint reports "
            "that (FL301)"),
        accepted("JobManager memory 1Gi", with([](Deployment& d) { d.jm_memory = "1Gi"; }).text()),
        accepted("TaskManager memory 1Gi", with([](Deployment& d) { d.tm_memory = "1Gi"; }).text()),
        rejected("TaskManager resource memory parse error",
                 with([](Deployment& d) { d.tm_memory = "invalid"; }).text(), "FL802", "memory: \"invalid\"",
                 "invalid"),
        rejected("JobManager resource memory parse error",
                 with([](Deployment& d) { d.jm_memory = "invalid"; }).text(), "FL802", "memory: \"invalid\"",
                 "invalid"),
        rejected("TaskManager resource memory must be defined using `spec.taskManager.resource.memory`",
                 with([](Deployment& d) { d.tm_memory.reset(); }).text(), "FL301", kName,
                 "no TaskManager memory"),
        rejected("JobManager resource memory must be defined using `spec.jobManager.resource.memory`",
                 with([](Deployment& d) { d.jm_memory.reset(); }).text(), "FL302", kName,
                 "no JobManager memory"),
        rejected("TaskManager memory must be defined: task heap alone",
                 with([](Deployment& d) {
                     d.tm_memory.reset();
                     d.conf = Options{{"taskmanager.memory.task.heap.size", "1024m"}};
                 }).text(),
                 "FL301", "taskmanager.memory.task.heap.size", "no TaskManager memory"),
        accepted("JobManager memory unset, jobmanager.memory.heap.size set",
                 with([](Deployment& d) {
                     d.jm_memory.reset();
                     d.conf = Options{{"jobmanager.memory.heap.size", "2048m"}};
                 }).text()),
        accepted("TaskManager memory unset, taskmanager.memory.flink.size set",
                 with([](Deployment& d) {
                     d.tm_memory.reset();
                     d.conf = Options{{"taskmanager.memory.flink.size", "2048m"}};
                 }).text()),
        accepted("TaskManager memory unset, task heap and managed memory set",
                 with([](Deployment& d) {
                     d.tm_memory.reset();
                     d.conf = Options{{"taskmanager.memory.task.heap.size", "1024m"},
                                      {"taskmanager.memory.managed.size", "1024m"}};
                 }).text()),
        rejected("Flink Version must be defined", with([](Deployment& d) { d.flink_version.reset(); }).text(),
                 "FL812", kName, "flinkVersion"),
        rejected("Flink version v1_14 is not supported by this operator version",
                 with([](Deployment& d) { d.flink_version = "v1_14"; }).text(), "FL812",
                 "flinkVersion: v1_14", "1.14 is not supported"),
        accepted("flinkVersion v1_15", with([](Deployment& d) { d.flink_version = "v1_15"; }).text()),
        rejected("spec.serviceAccount must be defined",
                 with([](Deployment& d) { d.service_account.reset(); }).text(), "FL822", kName,
                 "serviceAccount"),
        accepted("serviceAccount flink", with([](Deployment& d) { d.service_account = "flink"; }).text()),
        accepted("last-state with high-availability.type kubernetes", with([](Deployment& d) {
                                                                          d.upgrade_mode = "last-state";
                                                                          d.set("high-availability.type",
                                                                                "kubernetes");
                                                                      }).text()),
        rejected("JobManager resource ephemeral storage parse error",
                 with([](Deployment& d) { d.jm_storage = "abc"; }).text(), "FL820",
                 "ephemeralStorage: \"abc\"", "abc"),
        rejected("TaskManager resource ephemeral storage parse error",
                 with([](Deployment& d) { d.tm_storage = "abc"; }).text(), "FL820",
                 "ephemeralStorage: \"abc\"", "abc"),
    };
}

std::vector<Case> status_and_default_config_cases() {
    return {
        accepted("savepoint restore: savepoint upgrade mode with file:///flink-data/savepoints (status: a "
                 "suspended last spec and a last savepoint)",
                 with([](Deployment& d) {
                     d.set("state.savepoints.dir", "file:///flink-data/savepoints");
                     d.upgrade_mode = "savepoint";
                 }).text()),
        rejected("Cannot switch from job to session cluster",
                 with([](Deployment& d) { d.job = false; }).text(), "FL822", "spec:", "job", kStatus),
        rejected("Cannot switch from session to job cluster", Deployment{}.text(), "FL822", "job:", "session",
                 kStatus),
        rejected("Cannot switch from native kubernetes to standalone kubernetes cluster (last: native)",
                 with([](Deployment& d) { d.mode = "standalone"; }).text(), "FL822", "mode:", "native",
                 kStatus),
        rejected("Cannot switch from native kubernetes to standalone kubernetes cluster (last: no mode)",
                 with([](Deployment& d) { d.mode = "standalone"; }).text(), "FL822", "mode:", "native",
                 kStatus),
        rejected("Cannot switch from standalone kubernetes to native kubernetes cluster (now: no mode)",
                 Deployment{}.text(), "FL822", "spec:", "standalone", kStatus),
        rejected("Cannot switch from standalone kubernetes to native kubernetes cluster (now: native)",
                 with([](Deployment& d) { d.mode = "native"; }).text(), "FL822", "mode:", "standalone",
                 kStatus),
        // #testValidationWithDefaultConfig: the operator's default configuration sets Kubernetes HA and
        // `state.checkpoints.dir: cpdir`, and the resource sets neither.
        accepted("testValidationWithDefaultConfig: last-state, no configuration, HA and checkpoints in the "
                 "operator's default configuration",
                 with([](Deployment& d) {
                     d.conf.emplace();
                     d.upgrade_mode = "last-state";
                 }).text(),
                 "the operator's own default configuration (its flink-conf ConfigMap) is not in the file: "
                 "flinklint reports the missing HA and checkpoint directory (FL814, FL818), which is right "
                 "for an operator with the shipped defaults"),
    };
}

TEST(DefaultValidatorTest, ValidationWithoutDefaultConfigResources) {
    check_cases(resource_cases());
}

TEST(DefaultValidatorTest, ValidationWithoutDefaultConfigStatusAndDefaultConfig) {
    check_cases(status_and_default_config_cases());
}

}  // namespace
