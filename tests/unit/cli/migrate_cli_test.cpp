// `flinklint migrate --write` through the binary: new files beside legacy ones, in-place edits,
// idempotence, and the cases where nothing may be written.
#include <gtest/gtest.h>

#include "fix_test_support.hpp"
#include "run_binary.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace flinklint::testing;

namespace {

constexpr const char* kLegacy = "state.backend: rocksdb\ntaskmanager.heap.size: 1g\n";
constexpr const char* kMigrated = "state.backend.type: rocksdb\ntaskmanager.memory.flink.size: 1g\n";

RunResult migrate(const fs::path& path, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args{"migrate", "--to", "2.1"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(path.string());
    return run_flinklint(args);
}

}  // namespace

TEST(MigrateCli, WritesConfigYamlBesideTheLegacyFileAndThenNothing) {
    const TempDir dir;
    const fs::path legacy = dir.write("conf/flink-conf.yaml", kLegacy);
    const auto first = migrate(dir.path() / "conf", {"--write"});
    ASSERT_EQ(first.exit_code, 0) << first.err;
    EXPECT_EQ(read_file(dir.path() / "conf" / "config.yaml"), kMigrated);
    EXPECT_EQ(read_file(legacy), kLegacy);  // left for the user to delete
    const auto second = migrate(dir.path() / "conf", {"--write"});
    ASSERT_EQ(second.exit_code, 0) << second.err;
    EXPECT_EQ(read_file(dir.path() / "conf" / "config.yaml"), kMigrated);
}

TEST(MigrateCli, WithoutWriteNothingIsWritten) {
    const TempDir dir;
    dir.write("flink-conf.yaml", kLegacy);
    const auto report = migrate(dir.path());
    ASSERT_EQ(report.exit_code, 0) << report.err;
    EXPECT_NE(report.out.find("renamed state.backend -> state.backend.type"), std::string::npos);
    EXPECT_FALSE(fs::exists(dir.path() / "config.yaml"));
}

TEST(MigrateCli, AnotherConfigYamlIsNeverOverwritten) {
    const TempDir dir;
    dir.write("flink-conf.yaml", kLegacy);
    const fs::path existing = dir.write("config.yaml", "parallelism.default: 2\n");
    const auto result = migrate(dir.path() / "flink-conf.yaml", {"--write"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("already exists with other content"), std::string::npos) << result.err;
    EXPECT_EQ(read_file(existing), "parallelism.default: 2\n");
}

TEST(MigrateCli, ManifestsAreEditedInPlace) {
    const TempDir dir;
    const fs::path manifest = dir.write(
        "job.yaml",
        "apiVersion: flink.apache.org/v1beta1\nkind: FlinkDeployment\nmetadata:\n  name: job\nspec:\n"
        "  flinkVersion: v1_20\n  flinkConfiguration:\n    state.backend: rocksdb  # keep me\n");
    ASSERT_EQ(migrate(manifest, {"--write"}).exit_code, 0);
    const std::string after = read_file(manifest);
    EXPECT_EQ(after,
              "apiVersion: flink.apache.org/v1beta1\nkind: FlinkDeployment\nmetadata:\n  name: job\nspec:\n"
              "  flinkVersion: v2_1\n  flinkConfiguration:\n    state.backend.type: rocksdb  # keep me\n");
    ASSERT_EQ(migrate(manifest, {"--write"}).exit_code, 0);
    EXPECT_EQ(read_file(manifest), after);
}

TEST(MigrateCli, ARefusedMigrationWritesNothingAndExitsOne) {
    const TempDir dir;
    const std::string text =
        "apiVersion: flink.apache.org/v1beta1\nkind: FlinkDeployment\nmetadata:\n  name: job\nspec:\n"
        "  flinkVersion: v1_20\n  flinkConfiguration:\n    state.backend: rocksdb\n"
        "  job:\n    jarURI: local:///a.jar\n    upgradeMode: last-state\n    state: suspended\n";
    const fs::path manifest = dir.write("job.yaml", text);
    const auto result = migrate(manifest, {"--write"});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.out.find("last-state suspend"), std::string::npos) << result.out;
    EXPECT_EQ(read_file(manifest), text);
}

TEST(MigrateCli, UsageErrors) {
    EXPECT_EQ(run_flinklint({"migrate", "--to", "two", "x"}).exit_code, 2);
    EXPECT_EQ(run_flinklint({"migrate", "x"}).exit_code, 2);
    EXPECT_EQ(run_flinklint({"migrate", "--to", "2.1", "--layout", "deep", "x"}).exit_code, 2);
}
