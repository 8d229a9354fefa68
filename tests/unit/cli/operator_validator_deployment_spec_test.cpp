// DefaultValidatorTest#testValidationWithoutDefaultConfig (operator release-1.15.0), its first half: the
// name, the job, the configuration, the log configuration, the ingress and the replicas. Each case
// changes BaseTestUtils#buildApplicationCluster as the Java case does (operator_validator_support.hpp).
#include <gtest/gtest.h>

#include "operator_validator_support.hpp"

using namespace flinklint::testing::validator;

namespace {

const char* const kSavepointDir =
    "Job could not be upgraded with savepoint while config key[state.savepoints.dir]";

std::vector<Case> job_and_configuration_cases() {
    return {
        accepted("the test cluster", Deployment{}.text()),
        accepted("name session-cluster", with([](Deployment& d) { d.name = "session-cluster"; }).text()),
        rejected("The FlinkDeployment name: session-cluster-1.13 is invalid",
                 with([](Deployment& d) { d.name = "session-cluster-1.13"; }).text(), "FL811",
                 "name: session-cluster-1.13", "is not allowed"),
        accepted("state suspended", with([](Deployment& d) { d.state = "suspended"; }).text()),
        accepted("state running", with([](Deployment& d) { d.state = "running"; }).text()),
        rejected("Job parallelism must be larger than 0",
                 with([](Deployment& d) { d.parallelism = 0; }).text(), "FL819", "parallelism: 0",
                 "at least 1"),
        rejected("TaskManager replicas must be larger than 0 (a new TaskManagerSpec: no resource)",
                 with([](Deployment& d) {
                     d.tm_resource = false;
                     d.tm_replicas = 0;
                 }).text(),
                 "FL819", "replicas: 0", "at least 1"),
        accepted("TaskManager replicas 1 and parallelism 0", with([](Deployment& d) {
                                                                 d.tm_replicas = 1;
                                                                 d.parallelism = 0;
                                                             }).text()),
        rejected(kSavepointDir, with([](Deployment& d) {
                                    d.erase("state.savepoints.dir");
                                    d.upgrade_mode = "savepoint";
                                }).text(),
                 "FL818", "upgradeMode: savepoint", "no savepoint directory"),
        rejected("Checkpoint directory (savepoint upgrade mode)", with([](Deployment& d) {
                                                                      d.erase("state.checkpoints.dir");
                                                                      d.upgrade_mode = "savepoint";
                                                                  }).text(),
                 "FL818", "upgradeMode: savepoint", "needs a checkpoint directory"),
        rejected("Checkpoint directory (last-state upgrade mode)", with([](Deployment& d) {
                                                                       d.erase("state.checkpoints.dir");
                                                                       d.upgrade_mode = "last-state";
                                                                   }).text(),
                 "FL818", "upgradeMode: last-state", "needs a checkpoint directory"),
        accepted("no checkpoint directory, stateless",
                 with([](Deployment& d) { d.erase("state.checkpoints.dir"); }).text()),
        rejected("Savepoint could not be manually triggered for the running job",
                 with([](Deployment& d) {
                     d.conf.emplace();
                     d.job_extra = "    savepointTriggerNonce: 123\n";
                 }).text(),
                 "FL818", "savepointTriggerNonce", "no savepoint directory"),
        rejected("Periodic savepoints cannot be enabled when config key[state.savepoints.dir] is not set",
                 with([](Deployment& d) {
                     d.conf = Options{{"kubernetes.operator.periodic.savepoint.interval", "1m"}};
                 }).text(),
                 "FL818", "kubernetes.operator.periodic.savepoint.interval", "no savepoint directory"),
        rejected(
            "In order to use max-checkpoint age functionality config key[state.savepoints.dir] must be set",
            with([](Deployment& d) {
                d.conf =
                    Options{{"kubernetes.operator.job.upgrade.last-state.max.allowed.checkpoint.age", "1m"}};
            }).text(),
            "FL818", "max.allowed.checkpoint.age", "no savepoint directory"),
        accepted("configuration random: config", with([](Deployment& d) {
                                                     d.conf = Options{{"random", "config"}};
                                                 }).text()),
        rejected("Forbidden Flink config key kubernetes.namespace",
                 with([](Deployment& d) {
                     d.conf = Options{{"kubernetes.namespace", "myns"}};
                 }).text(),
                 "FL813", "kubernetes.namespace", "kubernetes.namespace"),
        rejected("Forbidden Flink config key high-availability.cluster-id",
                 with([](Deployment& d) {
                     d.conf = Options{{"high-availability.cluster-id", "my-cluster-id"}};
                 }).text(),
                 "FL813", "high-availability.cluster-id", "high-availability.cluster-id"),
        rejected("Deployment recovery (kubernetes.operator.jm-deployment-recovery.enabled) must be enabled",
                 with([](Deployment& d) {
                     d.conf = Options{{"kubernetes.operator.cluster.health-check.enabled", "true"},
                                      {"kubernetes.operator.jm-deployment-recovery.enabled", "false"}};
                 }).text(),
                 "FL815", "jm-deployment-recovery.enabled", "recovery"),
    };
}

std::vector<Case> logging_ingress_and_replica_cases() {
    return {
        accepted("logConfiguration log4j-console.properties",
                 with([](Deployment& d) {
                     d.spec_extra =
                         "  logConfiguration:\n    log4j-console.properties: \"rootLogger.level = INFO\"\n";
                 }).text()),
        rejected("Ingress template must be defined",
                 with([](Deployment& d) { d.spec_extra = "  ingress: {}\n"; }).text(), "FL816",
                 "ingress:", "template"),
        rejected("Unable to process the Ingress template(example.com:port)",
                 with([](Deployment& d) {
                     d.spec_extra = "  ingress:\n    template: \"example.com:port\"\n";
                 }).text(),
                 "FL816", "template:", "port"),
        accepted("ingress template example.com/{{namespace}}/{{name}}",
                 with([](Deployment& d) {
                     d.spec_extra = "  ingress:\n    template: \"example.com/{{namespace}}/{{name}}\"\n";
                 }).text()),
        rejected(
            "Invalid log config key: random",
            with([](Deployment& d) { d.spec_extra = "  logConfiguration:\n    random: config\n"; }).text(),
            "FL817", "random: config", "random"),
        rejected("High availability should be enabled when starting standby JobManagers",
                 with([](Deployment& d) {
                     d.conf.emplace();
                     d.jm_replicas = 2;
                 }).text(),
                 "FL814", "replicas: 2", "high availability"),
        rejected("HA must be enabled for rollback support",
                 with([](Deployment& d) {
                     d.conf = Options{{"kubernetes.operator.deployment.rollback.enabled", "true"}};
                 }).text(),
                 "FL814", "rollback.enabled", "high availability"),
        rejected("JobManager replicas should not be configured less than one",
                 with([](Deployment& d) { d.jm_replicas = 0; }).text(), "FL819", "replicas: 0", "at least 1"),
    };
}

TEST(DefaultValidatorTest, ValidationWithoutDefaultConfigJobAndConfiguration) {
    check_cases(job_and_configuration_cases());
}

TEST(DefaultValidatorTest, ValidationWithoutDefaultConfigLoggingIngressReplicas) {
    check_cases(logging_ingress_and_replica_cases());
}

}  // namespace
