// The operator's DefaultValidatorTest (apache/flink-kubernetes-operator, release-1.15.0, the release the
// operator rules mirror: docs/catalogs.md), transcribed case by case into the operator_validator_*_test.cpp
// files. Each case is a resource, as a file, that the validator (DefaultValidator) accepts or rejects:
// accepted means flinklint reports no error at all; rejected means flinklint reports `rule` at error on
// the line of `field` (the field the operator's message names) with `says` in its message. A case where
// flinklint answers otherwise on purpose carries the reason in `difference`, and the test holds flinklint
// to that known answer, so closing it shows up as a failing test to update.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace flinklint::testing::validator {

using Options = std::vector<std::pair<std::string, std::string>>;

// BaseTestUtils#buildApplicationCluster (#getTestFlinkDeploymentSpec): `test-cluster` in
// `flink-operator-test`, Flink v1_17, Kubernetes HA, savepoint and checkpoint directories, both
// processes `Resource(1.0, "2048m", "2G")`, one JobManager, a stateless running job of parallelism 1.
// Each field can be changed; `std::nullopt` removes it. `job = false` is #buildSessionCluster.
struct Deployment {
    std::string name = "test-cluster";
    std::optional<std::string> flink_version = "v1_17";
    std::optional<std::string> service_account = "flink-operator";
    std::optional<std::string> mode;  // spec.mode
    std::optional<Options> conf =
        Options{{"taskmanager.numberOfTaskSlots", "2"},
                {"high-availability.type",
                 "org.apache.flink.kubernetes.highavailability.KubernetesHaServicesFactory"},
                {"high-availability.storageDir", "test"},
                {"state.savepoints.dir", "test-savepoint-dir"},
                {"state.checkpoints.dir", "file:///test/test-checkpoint-dir"}};
    bool jm_resource = true, tm_resource = true;
    std::optional<std::string> jm_memory = "2048m", tm_memory = "2048m";
    std::optional<std::string> jm_storage = "2G", tm_storage = "2G";
    std::optional<int> jm_replicas = 1, tm_replicas;
    bool job = true;
    std::optional<std::string> jar_uri = "local:///tmp/sample.jar";
    int parallelism = 1;
    std::string upgrade_mode = "stateless", state = "running";
    std::string job_extra;   // more `spec.job` lines, indented by four
    std::string spec_extra;  // more `spec` lines, indented by two

    // Sets a configuration value (added when absent).
    Deployment& set(const std::string& key, const std::string& value);
    Deployment& erase(const std::string& key);
    [[nodiscard]] std::string text() const;
};

// BaseTestUtils#buildSessionJob: `test-session-job` on `test-cluster`, jar
// `https://example.com/sample.jar`, a stateless running job of parallelism 1. Its configuration
// `kubernetes.operator.user.artifacts.http.header: header` is left out here: see the session job tests.
struct SessionJob {
    std::string deployment_name = "test-cluster";
    std::optional<std::string> jar_uri = "https://example.com/sample.jar";
    std::string upgrade_mode = "stateless";
    Options conf;
    [[nodiscard]] std::string text() const;
};

// BaseTestUtils#buildFlinkStateSnapshotSavepoint: `test-savepoint` in `test`, with `spec` as its spec.
std::string snapshot(const std::string& spec);

// The autoscaler options of DefaultValidatorTest#getDefaultTestAutoScalerFlinkConfigurationMap, with a
// case's changes (an empty value removes the key). Its `job.autoscaler.scaling.effectiveness.detection
// .enabled: 0.1` is left out here: see the autoscaler tests.
Options autoscaler_conf(const Options& changes = {});

// A FlinkDeployment changed by `change`.
template <class Change>
Deployment with(Change change) {
    Deployment d;
    change(d);
    return d;
}

struct Case {
    std::string name;      // the test method and the validator's message (or what an accepted case sets)
    std::string resource;  // the file
    bool rejected = false;
    std::string rule;        // the rule that reports the rejection
    std::string field;       // text of the line the finding is on (its first occurrence in the file)
    std::string says;        // a phrase of the finding's message: the operator's reason
    std::string difference;  // why flinklint answers otherwise on purpose (empty: it agrees)
};

Case accepted(std::string name, std::string resource, std::string difference = "");
Case rejected(std::string name, std::string resource, std::string rule, std::string field, std::string says,
              std::string difference = "");

// Lints each case (in process, through flinklint::Linter) and checks it.
void check_cases(const std::vector<Case>& cases);

}  // namespace flinklint::testing::validator
