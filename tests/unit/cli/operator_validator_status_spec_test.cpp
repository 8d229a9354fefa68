// DefaultValidatorTest (operator release-1.15.0): #testSavepointRedeployValidation and
// #testFlinkVersionChangeValidation. Both compare the spec with the last reconciled spec that the operator
// keeps in the resource's status; a file in a repository holds the new spec alone, so the rejections
// are known differences and the acceptances are checked on the new spec. Cases as in
// operator_validator_support.hpp.
#include <gtest/gtest.h>

#include "operator_validator_support.hpp"

using namespace flinklint::testing::validator;

namespace {

const char* const kStatus =
    "the operator compares the spec with the last reconciled spec in the resource's status, which a file "
    "does not hold; on a first deployment the validator accepts this spec";

// The job's savepoint redeploy fields; `std::nullopt` leaves a field out.
std::string redeploy(const std::optional<int>& nonce, const std::optional<std::string>& path) {
    Deployment d;
    if (nonce) d.job_extra += "    savepointRedeployNonce: " + std::to_string(*nonce) + "\n";
    if (path) d.job_extra += "    initialSavepointPath: \"" + *path + "\"\n";
    return d.text();
}

std::vector<Case> savepoint_redeploy_cases() {
    const char* const empty_path = "InitialSavepointPath must not be empty for savepoint redeployment";
    return {
        accepted("nonce 1 and path s, last spec without them", redeploy(1, "s")),
        accepted("nonce removed, path s kept (last: 1, s)", redeploy(std::nullopt, "s")),
        accepted("nonce and path removed (last: 1, s)", redeploy(std::nullopt, std::nullopt)),
        accepted("nonce 2, path s (last: 1, s)", redeploy(2, "s")),
        rejected(std::string(empty_path) + " (nonce 1, no path; last: none)", redeploy(1, std::nullopt),
                 "FL822", "savepointRedeployNonce", "initialSavepointPath", kStatus),
        rejected(std::string(empty_path) + " (nonce 1, path \" \"; last: none)", redeploy(1, " "), "FL822",
                 "initialSavepointPath", "initialSavepointPath", kStatus),
        rejected(std::string(empty_path) + " (nonce 2, no path; last: 1, s)", redeploy(2, std::nullopt),
                 "FL822", "savepointRedeployNonce", "initialSavepointPath", kStatus),
    };
}

// #createFlinkVersionChange: the spec runs Flink v1_20 with `to`; the last reconciled spec ran v1_18
// with `from` in state `from_state`.
std::vector<Case> flink_version_change_cases() {
    std::vector<Case> cases;
    const auto spec = [](const std::string& to) {
        return with([&](Deployment& d) {
                   d.flink_version = "v1_20";
                   d.upgrade_mode = to;
               })
            .text();
    };
    for (const std::string to : {"savepoint", "last-state", "stateless"}) {
        const std::string name = "v1_18 to v1_20, now " + to + ", last ";
        if (to == "stateless")
            cases.push_back(accepted(name + "last-state suspended", spec(to)));
        else
            cases.push_back(rejected("Changing flinkVersion after last-state suspend is not allowed (" +
                                         name + "last-state suspended)",
                                     spec(to), "FL812", "flinkVersion: v1_20", "last-state", kStatus));
        for (const std::string from : {"savepoint", "last-state", "stateless"})
            cases.push_back(accepted(name + from + " running", spec(to)));
        cases.push_back(accepted(name + "savepoint suspended", spec(to)));
        cases.push_back(accepted(name + "stateless suspended", spec(to)));
    }
    return cases;
}

TEST(DefaultValidatorTest, SavepointRedeployValidation) {
    check_cases(savepoint_redeploy_cases());
}

TEST(DefaultValidatorTest, FlinkVersionChangeValidation) {
    check_cases(flink_version_change_cases());
}

}  // namespace
