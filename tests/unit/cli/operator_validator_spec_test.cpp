// DefaultValidatorTest (operator release-1.15.0): the autoscaler cases, for a FlinkDeployment
// (#testAutoScalerConfiguration: the options replace the test cluster's configuration) and for a
// FlinkSessionJob (#testSessionJobAutoScalerConfiguration: the options are the session cluster's, the
// file holds the cluster and the job), and #testFlinkStateSnapshotValidator. The autoscaler's checks are
// AutoscalerValidator#validateAutoscalerOptions (FL823); the snapshot's, DefaultValidator
// #validateStateSnapshot (FL822). Cases as in operator_validator_support.hpp.
#include <gtest/gtest.h>

#include "operator_validator_support.hpp"

using namespace flinklint::testing::validator;

namespace {

std::string application(const Options& changes) {
    Deployment d;
    d.conf = autoscaler_conf(changes);
    return d.text();
}

std::string session(const Options& changes) {
    Deployment cluster;
    cluster.job = false;
    cluster.conf = autoscaler_conf(changes);
    return cluster.text() + "---\n" + SessionJob{}.text();
}

// The autoscaler cases, on `resource` (application or session).
std::vector<Case> autoscaler_cases(const std::string& kind, std::string (*resource)(const Options&)) {
    const std::string down = "job.autoscaler.scale-down.max-factor",
                      up = "job.autoscaler.scale-up.max-factor", target = "job.autoscaler.utilization.target",
                      max = "job.autoscaler.utilization.max", min = "job.autoscaler.utilization.min";
    const std::string bad = "-1.6";
    const Options all_bad = {{down, bad}, {up, bad}, {target, bad}, {max, bad}, {min, bad}};
    Options disabled = all_bad;
    disabled.emplace_back("job.autoscaler.enabled", "false");
    Options removed = all_bad;
    removed.emplace_back("job.autoscaler.enabled", "");
    const auto range = [&](const std::string& name, const std::string& key, const std::string& value) {
        return rejected(kind + ": " + name, resource({{key, value}}), "FL823", key, key);
    };
    std::vector<Case> cases = {
        accepted(kind + ": the autoscaler options", resource({})),
        range("InvalidNegativeScaleDownFactor", down, "-0.1"),
        range("InvalidNegativeScaleUpFactor", up, "-0.1"),
        range("InvalidNegativeUtilization", target, "-0.6"),
        range("InvalidNegativeUtilizationBoundary: max", max, "-0.6"),
        range("InvalidNegativeUtilizationBoundary: min", min, "-0.6"),
        rejected(kind + ": InvalidExcludedPeriods 12:00-10:00",
                 resource({{"job.autoscaler.excluded.periods", "12:00-10:00"}}), "FL823", "excluded.periods",
                 "ends at or before its start"),
        accepted(kind + ": enabled false, every option out of range", resource(disabled)),
        rejected(kind + ": utilization 0.3 / 0.5 / 0.4: max below target",
                 resource({{min, "0.3"}, {target, "0.5"}, {max, "0.4"}}), "FL823", max, max),
        range("utilization target 1.5", target, "1.5"),
        accepted(kind + ": utilization 0.2 / 0.5 / 0.6",
                 resource({{min, "0.2"}, {target, "0.5"}, {max, "0.6"}})),
    };
    if (kind == "FlinkDeployment") {
        cases.push_back(range("InvalidScalingCoefficientMin 1.2",
                              "job.autoscaler.observed-scalability.coefficient-min", "1.2"));
        cases.push_back(
            accepted(kind + ": NonEnabled (no enabled key), every option out of range", resource(removed)));
        cases.push_back(range("utilization min 0.8 above the default target", min, "0.8"));
    } else {
        // #testValidateSessionJobWithInvalidUtilizationBoundary repeats the boundary cases.
        cases.push_back(range("InvalidUtilizationBoundary: max", max, "-0.6"));
        cases.push_back(range("InvalidUtilizationBoundary: min", min, "-0.6"));
        cases.push_back(range("utilization max 0.6 below the default target", max, "0.6"));
    }
    return cases;
}

std::string with_reference(const std::string& rest) {
    return snapshot("  jobReference:\n    kind: FlinkDeployment\n    name: test-cluster\n" + rest);
}

const char* const kSavepoint = "  savepoint:\n    path: test-path\n    alreadyExists: false\n";

// The snapshot's findings on a field that is missing, or on two that exclude each other, are on its name.
const char* const kName = "name: test-savepoint";

std::vector<Case> snapshot_cases() {
    return {
        accepted("FlinkStateSnapshot savepoint of test-cluster", with_reference(kSavepoint)),
        rejected("Exactly one of checkpoint or savepoint configurations has to be set",
                 with_reference(std::string("  checkpoint: {}\n") + kSavepoint), "FL822", kName,
                 "Exactly one"),
        rejected("Job reference must be supplied for this snapshot", snapshot(kSavepoint), "FL822", kName,
                 "jobReference"),
        accepted("no job reference, savepoint alreadyExists",
                 snapshot("  savepoint:\n    path: test-path\n    alreadyExists: true\n")),
        rejected("Target for snapshot test/does-not-exist was not found",
                 snapshot("  jobReference:\n    kind: FlinkDeployment\n    name: does-not-exist\n" +
                          std::string(kSavepoint)),
                 "FL822", "name: does-not-exist", "not found",
                 "the referenced resource may exist in the cluster: a file cannot show it is missing"),
    };
}

TEST(DefaultValidatorTest, AutoScalerFlinkDeployment) {
    check_cases(autoscaler_cases("FlinkDeployment", application));
}

TEST(DefaultValidatorTest, AutoScalerFlinkSessionJob) {
    check_cases(autoscaler_cases("FlinkSessionJob", session));
}

// getDefaultTestAutoScalerFlinkConfigurationMap also sets the boolean
// `job.autoscaler.scaling.effectiveness.detection.enabled` to `0.1`: the validator does not read it, the
// autoscaler does (AutoScalerOptions#SCALING_EFFECTIVENESS_DETECTION_ENABLED, a boolean) and fails.
TEST(DefaultValidatorTest, AutoScalerEffectivenessDetectionNotABoolean) {
    check_cases(
        {accepted("the test's autoscaler map as written, with effectiveness detection 0.1",
                  application({{"job.autoscaler.scaling.effectiveness.detection.enabled", "0.1"}}),
                  "flinklint reports `0.1` as no boolean (FL102): the validator skips the option, the "
                  "autoscaler fails when it reads it")});
}

TEST(DefaultValidatorTest, FlinkStateSnapshotValidator) {
    check_cases(snapshot_cases());
}

}  // namespace
