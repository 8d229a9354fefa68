// `check --target-version`: what an upgrade breaks is said as such, next to today's findings, and
// only for files whose own Flink is older than the target.
#include <gtest/gtest.h>

#include <string>

#include "fix_test_support.hpp"
#include "run_binary.hpp"

using namespace flinklint::testing;

namespace {

constexpr const char* kFlink117 =
    "# flinklint: flink-version=1.17\n"
    "taskmanager.memory.process.size: 2g\n"
    "akka.ask.timeout: 20 s\n"
    "jobmanager.heap.size: 1g\n";

}  // namespace

TEST(TargetVersion, UpgradeFindingsAreFramedAndCarryNoFix) {
    const TempDir dir;
    dir.write("flink-conf.yaml", kFlink117);
    const RunResult today =
        run_flinklint({"check", "--format", "concise", "flink-conf.yaml"}, dir.path().string());
    EXPECT_EQ(today.out.find("upgrade"), std::string::npos) << today.out;
    EXPECT_EQ(today.out.find("akka.ask.timeout"), std::string::npos) << today.out;  // 1.17 reads it

    const RunResult upgrade = run_flinklint(
        {"check", "--format", "json", "--target-version", "2.1", "flink-conf.yaml"}, dir.path().string());
    EXPECT_NE(
        upgrade.out.find("after an upgrade to Flink 2.1: `akka.ask.timeout` is deprecated in Flink 2.1"),
        std::string::npos)
        << upgrade.out;
    EXPECT_NE(upgrade.out.find("after an upgrade to Flink 2.1: Flink 2.1 (from --target-version) reads only "
                               "config.yaml"),
              std::string::npos)
        << upgrade.out;
    // A fix would write a key 1.17 does not read.
    EXPECT_EQ(upgrade.out.find("pekko.ask.timeout\",\"edits\""), std::string::npos) << upgrade.out;
    const RunResult fixed =
        run_flinklint({"check", "--diff", "--target-version", "2.1", "flink-conf.yaml"}, dir.path().string());
    EXPECT_EQ(fixed.out.find("pekko"), std::string::npos) << fixed.out;
}

TEST(TargetVersion, FilesAlreadyOnTheTargetGetNothingMore) {
    const TempDir dir;
    dir.write("config.yaml", "# flinklint: flink-version=2.1\ntaskmanager.memory.process.size: 2g\n");
    const RunResult plain = run_flinklint({"check", "--format", "json", "config.yaml"}, dir.path().string());
    const RunResult upgrade = run_flinklint(
        {"check", "--format", "json", "--target-version", "2.1", "config.yaml"}, dir.path().string());
    EXPECT_EQ(plain.out, upgrade.out);
}
