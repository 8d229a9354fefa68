// A key rename is safe only when every Flink the file's evidence names reads the new key.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <algorithm>

#include "flinklint/ingest.hpp"
#include "flinklint/model.hpp"
#include "flinklint/reporter.hpp"
#include "flinklint/rule.hpp"

using namespace flinklint;

namespace {

std::vector<Diagnostic> deprecated_keys(std::string path, std::string text, const ModelOptions& options) {
    std::vector<ParsedFile> files;
    files.push_back(ingest(std::make_shared<const Source>(std::move(path), std::move(text))));
    const Model model(std::move(files), options);
    std::vector<Diagnostic> out;
    const Rule* rule = find_rule("FL201");
    EXPECT_NE(rule, nullptr);
    if (rule == nullptr) return out;
    Reporter reporter(out, Thresholds{});
    reporter.set_rule(rule->info);
    rule->check(model, reporter);
    return out;
}

const char* const kCompose = R"(services:
  taskmanager:
    image: flink:1.17.2-scala_2.12-java11
    environment:
      FLINK_PROPERTIES: |
        akka.ask.timeout: 30 s
)";

}  // namespace

// Flink 1.18 renamed the RPC options to pekko.* (schemas/flink-1.18.tsv); 1.17 reads only akka.*.
TEST(RenameSafety, PekkoRenameUnderA117ImageIsUnsafe) {
    const auto found =
        deprecated_keys("docker-compose.yaml", kCompose, {.forced_version = FlinkVersion{1, 20}});
    ASSERT_EQ(found.size(), 1U);
    ASSERT_TRUE(found[0].fix.has_value());
    EXPECT_EQ(found[0].fix->safety, FixSafety::unsafe);
    EXPECT_NE(found[0].fix->description.find("Flink 1.17 (image flink:1.17.2-scala_2.12-java11 in "
                                             "docker-compose.yaml:3) does not read `pekko.ask.timeout`"),
              std::string::npos)
        << found[0].fix->description;
}

TEST(RenameSafety, TheImagesOwnVersionHasNoDeprecatedKey) {
    EXPECT_TRUE(
        deprecated_keys("docker-compose.yaml", kCompose, {.cli_version = FlinkVersion{1, 20}}).empty());
}

TEST(RenameSafety, SafeWhenTheFilesFlinkReadsTheNewKey) {
    std::string text = kCompose;
    text.replace(text.find("1.17.2"), 6, "1.19.1");
    const auto found = deprecated_keys("docker-compose.yaml", text, {});
    ASSERT_EQ(found.size(), 1U);
    ASSERT_TRUE(found[0].fix.has_value());
    EXPECT_EQ(found[0].fix->safety, FixSafety::safe);
}

namespace {

// A FlinkDeployment that still writes `state.savepoints.dir`, which Flink 1.20 renamed to
// `execution.checkpointing.savepoint-dir` (schemas/flink-1.20.tsv).
std::string deployment(std::string_view flink_version, std::string_view configuration) {
    return fmt::format(R"(apiVersion: flink.apache.org/v1beta1
kind: FlinkDeployment
metadata:
  name: orders
spec:
  image: flink:{0}
  flinkVersion: v{1}
  flinkConfiguration:
{2}
  serviceAccount: flink
  jobManager:
    resource: {{memory: "2Gi", cpu: 1}}
  taskManager:
    resource: {{memory: "2Gi", cpu: 1}}
)",
                       flink_version,
                       [&] {
                           std::string enum_value(flink_version);
                           std::replace(enum_value.begin(), enum_value.end(), '.', '_');
                           return enum_value;
                       }(),
                       configuration);
}

const Diagnostic& only_fix(const std::vector<Diagnostic>& found) {
    EXPECT_EQ(found.size(), 1U);
    EXPECT_TRUE(!found.empty() && found[0].fix.has_value());
    return found.at(0);
}

}  // namespace

// The operator reads the savepoint directory itself (upgrades, savepoint triggers) with Flink 1.19's
// option classes in its release 1.10, the first that accepts v1_20; 1.11 is built on Flink 1.20.
TEST(RenameSafety, OperatorBuiltOnAnOlderFlinkMakesTheRenameUnsafe) {
    const auto found =
        deprecated_keys("orders.yaml", deployment("1.20", "    state.savepoints.dir: s3://b/sp"), {});
    const Diagnostic& d = only_fix(found);
    EXPECT_EQ(d.fix->safety, FixSafety::unsafe);
    EXPECT_NE(d.fix->description.find("operator 1.10 (spec.flinkVersion v1_20 needs operator 1.10 or later) "
                                      "is built on Flink 1.19, which does not know "
                                      "`execution.checkpointing.savepoint-dir`"),
              std::string::npos)
        << d.fix->description;
    EXPECT_NE(d.fix->description.find("if yours is 1.11 or later, say so"), std::string::npos);
}

TEST(RenameSafety, ADeclaredOperatorThatKnowsTheKeyMakesItSafe) {
    const ModelOptions options{.operator_release = OperatorRelease{{1, 11}, true, "operator-version"}};
    const auto found =
        deprecated_keys("orders.yaml", deployment("1.20", "    state.savepoints.dir: s3://b/sp"), options);
    EXPECT_EQ(only_fix(found).fix->safety, FixSafety::safe);
}

// Flink 1.17 renamed `high-availability` to `high-availability.type`; operator 1.5 is built on 1.16.
TEST(RenameSafety, ADeclaredOldOperatorIsNamedWithoutAHint) {
    const ModelOptions options{.operator_release = OperatorRelease{{1, 5}, true, "--operator-version 1.5"}};
    const auto found =
        deprecated_keys("orders.yaml", deployment("1.17", "    high-availability: kubernetes"), options);
    const Diagnostic& d = only_fix(found);
    EXPECT_EQ(d.fix->safety, FixSafety::unsafe);
    EXPECT_NE(d.fix->description.find("operator 1.5 (--operator-version 1.5) is built on Flink 1.16"),
              std::string::npos)
        << d.fix->description;
    EXPECT_EQ(d.fix->description.find("say so"), std::string::npos);
}

// The operator never reads the incremental-checkpoint switch: only the Flink in the image does.
TEST(RenameSafety, AnOptionTheOperatorDoesNotReadStaysSafe) {
    const auto found =
        deprecated_keys("orders.yaml", deployment("1.20", "    state.backend.incremental: \"true\""), {});
    EXPECT_EQ(only_fix(found).fix->safety, FixSafety::safe);
}

// Nested flinkConfiguration is read from operator 1.13 on, which is built on Flink 1.20.
TEST(RenameSafety, ANestedConfigurationNeedsAnOperatorThatKnowsTheKey) {
    const auto found = deprecated_keys(
        "orders.yaml",
        deployment("1.20",
                   "    state.savepoints.dir: s3://b/sp\n    execution:\n      checkpointing:\n"
                   "        interval: 10 s"),
        {});
    EXPECT_EQ(only_fix(found).fix->safety, FixSafety::safe);
}

// A session job is read by the operator that runs its session cluster, versioned by that
// FlinkDeployment when the group has it.
TEST(RenameSafety, ASessionJobTakesItsDeploymentsOperator) {
    const std::string job = R"(---
apiVersion: flink.apache.org/v1beta1
kind: FlinkSessionJob
metadata:
  name: orders-job
spec:
  deploymentName: orders
  flinkConfiguration:
    state.savepoints.dir: s3://b/sp
  job:
    jarURI: https://example.com/job.jar
    parallelism: 2
)";
    const auto found = deprecated_keys("orders.yaml", deployment("1.20", "    a.b: c") + job, {});
    ASSERT_EQ(found.size(), 1U);
    ASSERT_TRUE(found[0].fix.has_value());
    EXPECT_NE(found[0].fix->description.find("operator 1.10 (spec.flinkVersion v1_20"), std::string::npos)
        << found[0].fix->description;
}

TEST(OperatorRelease, FactsFromTheOperatorsReleases) {
    EXPECT_EQ(first_operator_accepting({1, 17}), (FlinkVersion{1, 4}));
    EXPECT_EQ(first_operator_accepting({1, 20}), (FlinkVersion{1, 10}));
    EXPECT_EQ(first_operator_accepting({2, 2}), (FlinkVersion{1, 13}));
    EXPECT_EQ(first_operator_accepting({3, 0}), std::nullopt);
    EXPECT_EQ(operator_built_on({1, 10}), (FlinkVersion{1, 19}));
    EXPECT_EQ(operator_built_on({1, 15}), (FlinkVersion{1, 20}));
    EXPECT_EQ(operator_built_on({1, 30}), (FlinkVersion{1, 20}));  // newer than known: the newest known
    EXPECT_EQ(first_operator_built_on({1, 17}), (FlinkVersion{1, 6}));
    EXPECT_TRUE(operator_reads_option("execution.checkpointing.savepoint-dir"));
    EXPECT_FALSE(operator_reads_option("execution.checkpointing.incremental"));
}
