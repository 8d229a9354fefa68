// The Kubernetes operator's release through the real binary: `--operator-version` and
// `operator-version` in .flinklint.yaml decide whether renaming an option the operator reads itself
// is a safe fix (flinklint/operator_release.hpp).
#include <gtest/gtest.h>

#include "fix_test_support.hpp"
#include "run_binary.hpp"

using namespace flinklint::testing;

namespace {

// Flink 1.20 renamed `state.savepoints.dir`; the lowest operator that accepts v1_20 (1.10) is built
// on Flink 1.19, which does not know the new key.
const char* const kDeployment = R"(apiVersion: flink.apache.org/v1beta1
kind: FlinkDeployment
metadata:
  name: orders
spec:
  image: flink:1.20
  flinkVersion: v1_20
  flinkConfiguration:
    state.savepoints.dir: s3://bucket/savepoints
  serviceAccount: flink
)";

bool renames(const RunResult& result) {
    return result.out.find("+    execution.checkpointing.savepoint-dir: s3://bucket/savepoints") !=
           std::string::npos;
}

}  // namespace

TEST(OperatorVersion, WithoutItTheRenameWaitsForUnsafeFixes) {
    const TempDir dir;
    dir.write("orders.yaml", kDeployment);
    const RunResult safe = run_flinklint({"check", "--diff", "orders.yaml"}, dir.path().string());
    EXPECT_FALSE(renames(safe)) << safe.out;
    const RunResult unsafe =
        run_flinklint({"check", "--diff", "--unsafe-fixes", "orders.yaml"}, dir.path().string());
    EXPECT_TRUE(renames(unsafe)) << unsafe.out;
}

TEST(OperatorVersion, TheCommandLineSaysWhichRelease) {
    const TempDir dir;
    dir.write("orders.yaml", kDeployment);
    const RunResult result =
        run_flinklint({"check", "--diff", "--operator-version", "1.11", "orders.yaml"}, dir.path().string());
    EXPECT_TRUE(renames(result)) << result.out << result.err;
}

TEST(OperatorVersion, TheProjectConfigurationSaysWhichRelease) {
    const TempDir dir;
    dir.write(".flinklint.yaml", "operator-version: \"1.12\"\n");
    dir.write("orders.yaml", kDeployment);
    const RunResult result = run_flinklint({"check", "--diff", "orders.yaml"}, dir.path().string());
    EXPECT_TRUE(renames(result)) << result.out << result.err;
}

TEST(OperatorVersion, AReleaseThatIsNotAnOperatorsIsAnError) {
    const TempDir dir;
    dir.write(".flinklint.yaml", "fail-on: warning\noperator-version: \"2.0\"\n");
    dir.write("orders.yaml", kDeployment);
    const RunResult config = run_flinklint({"check", "orders.yaml"}, dir.path().string());
    EXPECT_EQ(config.exit_code, 2);
    EXPECT_NE(config.err.find(".flinklint.yaml:2:19: operator-version must be"), std::string::npos)
        << config.err;
    const RunResult flag = run_flinklint(
        {"check", "--config", "/dev/null", "--operator-version", "v1", "orders.yaml"}, dir.path().string());
    EXPECT_EQ(flag.exit_code, 2);
    EXPECT_NE(flag.err.find("expected an operator release like 1.10"), std::string::npos) << flag.err;
}
