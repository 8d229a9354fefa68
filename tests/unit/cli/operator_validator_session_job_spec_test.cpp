// DefaultValidatorTest (operator release-1.15.0): the FlinkSessionJob cases: #testJarUriSchemeValidation,
// #testJarUriHostValidation, #testSessionJobJarUriValidationUsesOperatorConfig and
// #testSessionJobWithSession. A session job validated with its session cluster is a file holding both
// (BaseTestUtils#buildSessionCluster, then #buildSessionJob). Cases as in operator_validator_support.hpp.
#include <gtest/gtest.h>

#include "operator_validator_support.hpp"

using namespace flinklint::testing::validator;

namespace {

const char* const kOperatorConfig =
    "the operator's own configuration (kubernetes.operator.user.artifacts.*) is not in the file: flinklint "
    "checks against the defaults, and its page says to disable FL821 where the allowlist is changed";

std::string session_job(const std::optional<std::string>& jar_uri) {
    SessionJob job;
    job.jar_uri = jar_uri;
    return job.text();
}

// The session cluster and the session job, in one file.
template <class ChangeJob, class ChangeCluster>
std::string with_session(ChangeJob change_job, ChangeCluster change_cluster) {
    Deployment cluster;
    cluster.job = false;
    change_cluster(cluster);
    SessionJob job;
    change_job(job);
    return cluster.text() + "---\n" + job.text();
}

void none(auto&) {}

std::vector<Case> jar_uri_cases() {
    std::vector<Case> cases = {
        accepted("validateJarURI https://example.com/path/to/job.jar",
                 session_job("https://example.com/path/to/job.jar")),
        accepted("validateJarURI null (an entryClass-only job)", session_job(std::nullopt)),
    };
    for (const char* uri :
         {"http://example.com/job.jar", "file:///var/run/secrets/kubernetes.io/serviceaccount/token",
          "s3://my-bucket/job.jar", "local:///tmp/sample.jar"}) {
        cases.push_back(rejected(std::string("jarURI scheme is not in the allowlist: ") + uri,
                                 session_job(uri), "FL821", "jarURI:", "not in [https]"));
    }
    cases.push_back(rejected("jarURI must include a scheme", session_job("/no/scheme/job.jar"), "FL821",
                             "jarURI:", "scheme"));
    cases.push_back(
        rejected("jarURI is not a valid URI", session_job("\"ht tp://bad uri\""), "FL821", "jarURI:", "URI"));
    cases.push_back(accepted("S3://my-bucket/job.jar with the allowlist https, s3 (operator configuration)",
                             session_job("S3://my-bucket/job.jar"), kOperatorConfig));
    for (const char* uri :
         {"https://169.254.169.254/latest/meta-data/iam/security-credentials/", "https://127.0.0.1/job.jar",
          "https://localhost/job.jar", "https://10.0.0.1/job.jar", "https://192.168.1.1/job.jar"}) {
        cases.push_back(rejected(std::string("jarURI host resolves to a restricted address: ") + uri,
                                 session_job(uri), "FL821", "jarURI:", "address"));
    }
    cases.push_back(
        accepted("https://127.0.0.1/job.jar with disallow-restricted-hosts false (operator "
                 "configuration)",
                 session_job("https://127.0.0.1/job.jar"), kOperatorConfig));
    // #testSessionJobJarUriValidationUsesOperatorConfig: the operator's allowlist is https and s3.
    cases.push_back(accepted("s3://my-bucket/job.jar allowed by the operator's configuration",
                             session_job("s3://my-bucket/job.jar"), kOperatorConfig));
    cases.push_back(rejected("jarURI scheme 'file' (operator allowlist https, s3)",
                             session_job("file:///etc/passwd"), "FL821", "jarURI:", "`file`"));
    SessionJob overriding;
    overriding.jar_uri = "file:///etc/passwd";
    overriding.conf = {{"kubernetes.operator.user.artifacts.allowed-schemes", "https;file"}};
    cases.push_back(rejected("jarURI scheme 'file': the resource's own allowlist is ignored",
                             overriding.text(), "FL821", "jarURI:", "`file`"));
    cases.push_back(rejected("https://169.254.169.254/job.jar resolves to a restricted address",
                             session_job("https://169.254.169.254/job.jar"), "FL821", "jarURI:", "address"));
    return cases;
}

std::vector<Case> with_session_cases() {
    return {
        accepted("the session job and its session cluster", with_session(none<SessionJob>, none<Deployment>)),
        accepted("the session job alone", SessionJob{}.text()),
        rejected(
            "The session job's cluster id is not match with the session cluster",
            with_session([](SessionJob& j) { j.deployment_name = "not-match"; }, none<Deployment>), "FL829",
            "deploymentName: not-match", "not-match",
            "the operator validates a session job with the FlinkDeployment named by deploymentName; the "
            "test hands it another one, which cannot happen in a cluster, and a file that lacks the named "
            "deployment does not show that it is missing"),
        rejected("Can not submit session job to application cluster",
                 with_session(none<SessionJob>, [](Deployment& d) { d.job = true; }), "FL829",
                 "deploymentName:", "application"),
        accepted("session job last-state (the cluster sets both directories)",
                 with_session([](SessionJob& j) { j.upgrade_mode = "last-state"; }, none<Deployment>)),
        accepted("session job kubernetes.operator.user.artifacts.http.header with two headers",
                 with_session(
                     [](SessionJob& j) {
                         j.conf = {{"kubernetes.operator.user.artifacts.http.header",
                                    "headerKey1:headerValue1,headerKey2:headerValue2"}};
                     },
                     none<Deployment>)),
        accepted("session job periodic savepoint interval 1m (the cluster sets state.savepoints.dir)",
                 with_session(
                     [](SessionJob& j) {
                         j.conf = {{"kubernetes.operator.periodic.savepoint.interval", "1m"}};
                     },
                     none<Deployment>)),
        rejected(
            "The deploymentName can't be changed",
            with_session([](SessionJob& j) { j.deployment_name = "new-deployment-name"; }, none<Deployment>),
            "FL829", "deploymentName:", "changed",
            "the operator compares deploymentName with the last reconciled spec in the status, which a file "
            "does not hold"),
        accepted("session job savepoint mode with its own directories, the cluster without configuration",
                 with_session(
                     [](SessionJob& j) {
                         j.upgrade_mode = "savepoint";
                         j.conf = {{"state.savepoints.dir", "test-savepoint-dir"},
                                   {"state.checkpoints.dir", "test-checkpoint-dir"}};
                     },
                     [](Deployment& d) { d.conf.emplace(); })),
    };
}

TEST(DefaultValidatorTest, SessionJobJarUri) {
    check_cases(jar_uri_cases());
}

TEST(DefaultValidatorTest, SessionJobWithSession) {
    check_cases(with_session_cases());
}

// BaseTestUtils#buildSessionJob also sets `kubernetes.operator.user.artifacts.http.header: header`: the
// validator does not read it; the operator's artifact fetcher reads it as a map
// (KubernetesOperatorConfigOptions#JAR_ARTIFACT_HTTP_HEADER, mapType), and `header` is no key:value pair.
TEST(DefaultValidatorTest, SessionJobHttpHeaderNotAMap) {
    SessionJob job;
    job.conf = {{"kubernetes.operator.user.artifacts.http.header", "header"}};
    check_cases(
        {accepted("buildSessionJob as written, http header `header`", job.text(),
                  "flinklint reports `header` as no map entry (FL102): the validator skips the option, "
                  "the artifact fetcher cannot read it")});
}

}  // namespace
