// --output and --write-baseline write whole files or nothing: the old file survives a failed run,
// no temporary file is left, a link stays a link, and a device is written directly.
#include <gtest/gtest.h>

#include <filesystem>

#include "fix_test_support.hpp"
#include "run_binary.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace flinklint::testing;

namespace {

const std::string kConfig = "taskmanager.numberOfTaskSlot: 4\n";

// Files whose names say a temporary file of the atomic writer was left behind.
std::size_t leftovers(const fs::path& dir) {
    std::size_t count = 0;
    for (const auto& entry : fs::recursive_directory_iterator(dir))
        count += entry.path().filename().string().find(".flinklint-") != std::string::npos ? 1 : 0;
    return count;
}

}  // namespace

TEST(OutputFile, TheReportReplacesTheFileOnlyAtTheEnd) {
    const TempDir dir;
    dir.write("conf/flink-conf.yaml", kConfig);
    dir.write("report.json", "old report\n");
    const RunResult result =
        run_flinklint({"check", "--format", "json", "--output", "report.json", "conf"}, dir.path().string());
    EXPECT_EQ(result.exit_code, 1) << result.err;
    EXPECT_TRUE(result.out.empty());
    const std::string report = read_file(dir.path() / "report.json");
    EXPECT_NE(report.find("taskmanager.numberOfTaskSlot"), std::string::npos) << report;
    EXPECT_EQ(leftovers(dir.path()), 0u);
}

TEST(OutputFile, AFailedWriteKeepsTheOldReport) {
    const TempDir dir;
    dir.write("flink-conf.yaml", kConfig);
    dir.write("report.txt", "old report\n");
    const ScopedEnv fault("FLINKLINT_FAULT_INJECT", "rename");
    const RunResult result =
        run_flinklint({"check", "--output", "report.txt", "flink-conf.yaml"}, dir.path().string());
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("cannot write report.txt"), std::string::npos) << result.err;
    EXPECT_EQ(read_file(dir.path() / "report.txt"), "old report\n");
    EXPECT_EQ(leftovers(dir.path()), 0u);
}

TEST(OutputFile, ALinkStaysALinkAndItsTargetGetsTheReport) {
    const TempDir dir;
    dir.write("flink-conf.yaml", kConfig);
    dir.write("reports/latest.txt", "old\n");
    fs::create_symlink("reports/latest.txt", dir.path() / "report.txt");
    const RunResult result =
        run_flinklint({"check", "--output", "report.txt", "flink-conf.yaml"}, dir.path().string());
    EXPECT_EQ(result.exit_code, 1) << result.err;
    EXPECT_TRUE(fs::is_symlink(dir.path() / "report.txt"));
    EXPECT_NE(read_file(dir.path() / "reports/latest.txt").find("FL101"), std::string::npos);
}

TEST(OutputFile, ADeviceIsWrittenDirectly) {
    const TempDir dir;
    dir.write("flink-conf.yaml", kConfig);
    const RunResult result =
        run_flinklint({"check", "--output", "/dev/null", "flink-conf.yaml"}, dir.path().string());
    EXPECT_EQ(result.exit_code, 1) << result.err;
    EXPECT_TRUE(result.out.empty());
}

TEST(OutputFile, ABaselineThatCannotBeWrittenIsNeitherCreatedNorHalfWritten) {
    const TempDir dir;
    dir.write("flink-conf.yaml", kConfig);
    const RunResult missing_dir = run_flinklint(
        {"check", "--write-baseline", "no/such/dir/baseline.json", "flink-conf.yaml"}, dir.path().string());
    EXPECT_EQ(missing_dir.exit_code, 2);
    EXPECT_NE(missing_dir.err.find("cannot write the baseline no/such/dir/baseline.json"), std::string::npos)
        << missing_dir.err;

    // A failed run leaves the old baseline, not an empty or partial one.
    dir.write("baseline.json", "{\"version\":1,\"findings\":[]}\n");
    const ScopedEnv fault("FLINKLINT_FAULT_INJECT", "write");
    const RunResult failed =
        run_flinklint({"check", "--write-baseline", "baseline.json", "flink-conf.yaml"}, dir.path().string());
    EXPECT_EQ(failed.exit_code, 2);
    EXPECT_EQ(read_file(dir.path() / "baseline.json"), "{\"version\":1,\"findings\":[]}\n");
    EXPECT_EQ(leftovers(dir.path()), 0u);
}
