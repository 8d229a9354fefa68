// `flinklint check --fix / --unsafe-fixes / --diff` through the real binary: bytes kept around the
// edits (CRLF, BOM, no final newline, comments, block scalars, nested YAML), idempotency, files
// left alone, stdin, symlinks, file modes and injected write failures.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>

#include "fix_test_support.hpp"
#include "run_binary.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace flinklint::testing;

namespace {

struct FileId {
    ino_t inode = 0;
    std::int64_t mtime_ns = 0;
    friend bool operator==(const FileId&, const FileId&) = default;
};

FileId id_of(const fs::path& path) {
    struct stat info {};
    ::stat(path.c_str(), &info);
    return {info.st_ino,
            static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec};
}

// Runs `check --fix ARGS... FILE` in the file's directory tree and returns the fixed bytes.
std::string fix_file(const TempDir& dir, const std::string& name, const std::string& text,
                     std::vector<std::string> extra = {}) {
    dir.write(name, text);
    std::vector<std::string> args{"check", "--fix"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(name);
    const RunResult result = run_flinklint(args, dir.path().string());
    EXPECT_TRUE(result.exit_code == 0 || result.exit_code == 1) << result.err;
    return read_file(dir.path() / name);
}

}  // namespace

TEST(FixCli, KeepsCrlfCommentsAndOrder) {
    const TempDir dir;
    EXPECT_EQ(fix_file(dir, "flink-conf.yaml",
                       "# State\r\nstate.backend.incremental: true # keep me\r\nparallelism.default: 2\r\n"),
              "# State\r\nexecution.checkpointing.incremental: true # keep me\r\nparallelism.default: 2\r\n");
}

TEST(FixCli, KeepsBomAndMissingFinalNewline) {
    const TempDir dir;
    EXPECT_EQ(
        fix_file(dir, "config.yaml", "\xEF\xBB\xBFparallelism.default: 2\nstate.backend.incremental: true"),
        "\xEF\xBB\xBFparallelism.default: 2\nexecution.checkpointing.incremental: true");
}

TEST(FixCli, RenamesTheLastSegmentOfNestedYaml) {
    const TempDir dir;
    EXPECT_EQ(
        fix_file(
            dir, "config.yaml",
            "taskmanager:\n  debug:\n    memory:\n      # how often\n      logIntervalMs: 5000   # ms\n"),
        "taskmanager:\n  debug:\n    memory:\n      # how often\n      log-interval: 5000   # ms\n");
}

TEST(FixCli, KeepsTheIndentationOfAConfigMapBlockScalar) {
    const TempDir dir;
    const std::string head =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flink-config\ndata:\n"
        "  flink-conf.yaml: |\n    jobmanager.rpc.address: jm\n";
    const std::string tail =
        "    parallelism.default: 2\n  log4j.properties: |\n    rootLogger.level = INFO\n";
    EXPECT_EQ(fix_file(dir, "configmap.yaml", head + "    state.backend.incremental: true   # keep\n" + tail),
              head + "    execution.checkpointing.incremental: true   # keep\n" + tail);
}

TEST(FixCli, ValuesInAUnitTheOptionAccepts) {
    const TempDir dir;
    EXPECT_EQ(fix_file(dir, "flink-conf.yaml",
                       "heartbeat.timeout: 2 min\ntaskmanager.memory.process.size: 2GiB\n"
                       "jobmanager.memory.process.size: 1.5g\n",
                       {"--flink-version", "1.19"}),
              "heartbeat.timeout: 120000\ntaskmanager.memory.process.size: "
              "2g\njobmanager.memory.process.size: 1536m\n");
    // YAML quotes stay, so the scalar keeps its type.
    EXPECT_EQ(fix_file(dir, "config.yaml", "heartbeat:\n  timeout: \"2 min\"\n", {"--flink-version", "1.19"}),
              "heartbeat:\n  timeout: \"120000\"\n");
}

TEST(FixCli, OverlappingFixesConvergeOverRounds) {
    // The duplicate's removal and the rename of the same line overlap: one per round.
    const TempDir dir;
    EXPECT_EQ(fix_file(dir, "flink-conf.yaml",
                       "state.backend.incremental: true\nstate.backend.incremental: true\n"),
              "execution.checkpointing.incremental: true\n");
}

TEST(FixCli, UnsafeFixesOnlyWithUnsafeFixes) {
    const TempDir dir;
    const std::string text =
        "taskmanager.numberOfTaskSlot: 4\ncluster.taskmanager.heartbeat.timeout: 2 min\n";
    EXPECT_EQ(fix_file(dir, "flink-conf.yaml", text, {"--flink-version", "1.19"}), text);
    EXPECT_EQ(fix_file(dir, "flink-conf.yaml", text, {"--flink-version", "1.19", "--unsafe-fixes"}),
              "taskmanager.numberOfTaskSlots: 4\nheartbeat.timeout: 120000\n");
}

TEST(FixCli, FixesThatCollideAreAppliedOneAtATime) {
    // Both typos suggest the same key: renaming both would make config.yaml refuse a duplicate key.
    const TempDir dir;
    EXPECT_EQ(
        fix_file(dir, "config.yaml", "taskmanager.numberOfTaskSlot: 4\ntaskmanager.numberOfTaskSlotz: 4\n",
                 {"--unsafe-fixes"}),
        "taskmanager.numberOfTaskSlots: 4\ntaskmanager.numberOfTaskSlotz: 4\n");
}

TEST(FixCli, SecondRunChangesNothingAndUntouchedFilesKeepTheirInode) {
    const TempDir dir;
    dir.write("conf/flink-conf.yaml", "state.backend.incremental: true\ntaskmanager.numberOfTaskSlot: 4\n");
    dir.write("conf/clean/flink-conf.yaml", "parallelism.default: 2\n");
    const FileId clean_before = id_of(dir.path() / "conf/clean/flink-conf.yaml");
    const RunResult first = run_flinklint({"check", "--fix", "conf"}, dir.path().string());
    EXPECT_EQ(first.exit_code, 1) << first.err;  // the typo's fix is unsafe: one finding remains
    EXPECT_NE(first.out.find("Fixed 1 problem in 1 file."), std::string::npos) << first.out;
    EXPECT_NE(first.out.find("FL101"), std::string::npos);
    EXPECT_EQ(first.out.find("FL201"), std::string::npos);
    const FileId fixed = id_of(dir.path() / "conf/flink-conf.yaml");
    const RunResult second = run_flinklint({"check", "--fix", "conf"}, dir.path().string());
    EXPECT_NE(second.out.find("Fixed 0 problems in 0 files."), std::string::npos) << second.out;
    EXPECT_EQ(id_of(dir.path() / "conf/flink-conf.yaml"), fixed);
    EXPECT_EQ(id_of(dir.path() / "conf/clean/flink-conf.yaml"), clean_before);
    EXPECT_EQ(list_dir(dir.path() / "conf"), "clean\nflink-conf.yaml\n");
}

TEST(FixCli, ExitCodeFollowsTheRemainingFindings) {
    const TempDir dir;
    dir.write("flink-conf.yaml", "state.backend.incremental: true\n");
    const RunResult result = run_flinklint({"check", "--fix", "flink-conf.yaml"}, dir.path().string());
    EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
    EXPECT_NE(result.out.find("No problems found"), std::string::npos);
}

TEST(FixCli, KeepsTheFileMode) {
    const TempDir dir;
    const fs::path file = dir.write("flink-conf.yaml", "state.backend.incremental: true\n");
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    run_flinklint({"check", "--fix", "flink-conf.yaml"}, dir.path().string());
    EXPECT_EQ(read_file(file), "execution.checkpointing.incremental: true\n");
    EXPECT_EQ(fs::status(file).permissions() & fs::perms::all,
              fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
}

TEST(FixCli, DiffWritesNothingAndGitAppliesIt) {
    const TempDir dir;
    const std::string text = "# c\nstate.backend.incremental: true\nparallelism.default: 2";
    const fs::path file = dir.write("conf/flink-conf.yaml", text);
    const RunResult result = run_flinklint({"check", "--diff", "conf"}, dir.path().string());
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_EQ(read_file(file), text);
    EXPECT_EQ(result.out,
              "diff --git a/conf/flink-conf.yaml b/conf/flink-conf.yaml\n--- a/conf/flink-conf.yaml\n"
              "+++ b/conf/flink-conf.yaml\n@@ -1,3 +1,3 @@\n # c\n-state.backend.incremental: true\n"
              "+execution.checkpointing.incremental: true\n parallelism.default: 2\n\\ No newline at end of "
              "file\n");
    EXPECT_NE(result.err.find("Would fix 1 problem in 1 file."), std::string::npos);
    dir.write("fix.patch", result.out);
    std::string output;
    ASSERT_EQ(run_shell("git apply fix.patch", dir.path(), output), 0) << output;
    EXPECT_EQ(read_file(file), "# c\nexecution.checkpointing.incremental: true\nparallelism.default: 2");
    const RunResult clean = run_flinklint({"check", "--diff", "conf"}, dir.path().string());
    EXPECT_EQ(clean.exit_code, 0);
    EXPECT_EQ(clean.out, "");
}

TEST(FixCli, StdinGetsTheFixedTextOnStdout) {
    const RunResult result =
        run_flinklint({"check", "--fix", "--stdin-filename", "flink-conf.yaml", "-"}, "",
                      "state.backend.incremental: true\ntaskmanager.numberOfTaskSlot: 4\n");
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_EQ(result.out, "execution.checkpointing.incremental: true\ntaskmanager.numberOfTaskSlot: 4\n");
    EXPECT_NE(result.err.find("FL101"), std::string::npos);
    EXPECT_NE(result.err.find("Fixed 1 problem in 1 file."), std::string::npos);
}

TEST(FixCli, SymlinkInsideTheTreeFixesItsTargetAndSaysSo) {
    const TempDir dir;
    const fs::path target = dir.write("shared/flink-conf.yaml", "state.backend.incremental: true\n");
    fs::create_directories(dir.path() / "conf");
    fs::create_symlink("../shared/flink-conf.yaml", dir.path() / "conf/flink-conf.yaml");
    const RunResult result = run_flinklint({"check", "--fix", "conf"}, dir.path().string());
    EXPECT_EQ(read_file(target), "execution.checkpointing.incremental: true\n");
    EXPECT_TRUE(fs::is_symlink(dir.path() / "conf/flink-conf.yaml"));
    EXPECT_NE(result.err.find("the target of this symbolic link"), std::string::npos) << result.err;
}

TEST(FixCli, SymlinkOutOfTheTreeIsRefused) {
    const TempDir outside;
    const TempDir dir;
    const fs::path target = outside.write("flink-conf.yaml", "state.backend.incremental: true\n");
    fs::create_directories(dir.path() / "conf");
    fs::create_symlink(target, dir.path() / "conf/flink-conf.yaml");
    const RunResult result = run_flinklint({"check", "--fix", "conf"}, dir.path().string());
    EXPECT_EQ(read_file(target), "state.backend.incremental: true\n");
    EXPECT_NE(result.err.find("outside the checked tree"), std::string::npos) << result.err;
    EXPECT_NE(result.out.find("Fixed 0 problems in 0 files."), std::string::npos) << result.out;
    EXPECT_EQ(result.exit_code, 1);  // the finding remains
}

TEST(FixCli, AFailureBetweenWriteAndRenameLeavesTheOriginalIntact) {
    const std::string text = "# keep\nstate.backend.incremental: true\n";
    for (const char* fault : {"write", "rename"}) {
        SCOPED_TRACE(fault);
        const TempDir dir;
        const fs::path file = dir.write("conf/flink-conf.yaml", text);
        const ScopedEnv env("FLINKLINT_FAULT_INJECT", fault);
        const RunResult result = run_flinklint({"check", "--fix", "conf"}, dir.path().string());
        EXPECT_EQ(result.exit_code, 2) << result.err;
        EXPECT_NE(result.err.find("simulated failure"), std::string::npos) << result.err;
        EXPECT_EQ(read_file(file), text);
        EXPECT_EQ(list_dir(dir.path() / "conf"), "flink-conf.yaml\n");
        EXPECT_NE(result.out.find("FL201"), std::string::npos);  // reported on the file as it is
    }
}

TEST(FixCli, ACrashBetweenWriteAndRenameLeavesTheOriginalIntact) {
    const std::string text = "state.backend.incremental: true\n";
    const TempDir dir;
    const fs::path file = dir.write("conf/flink-conf.yaml", text);
    {
        const ScopedEnv env("FLINKLINT_FAULT_INJECT", "crash");
        const RunResult result = run_flinklint({"check", "--fix", "conf"}, dir.path().string());
        EXPECT_EQ(result.exit_code, 70);
    }
    EXPECT_EQ(read_file(file), text);
    // The complete temporary file is all that is left behind; the next run is not confused by it.
    const RunResult rerun = run_flinklint({"check", "--fix", "conf"}, dir.path().string());
    EXPECT_EQ(rerun.exit_code, 0) << rerun.out << rerun.err;
    EXPECT_EQ(read_file(file), "execution.checkpointing.incremental: true\n");
}
