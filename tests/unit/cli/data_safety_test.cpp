// No run of flinklint loses a user's data: a report or baseline never replaces a checked file, a
// report that did not reach stdout fails the run, --fix keeps owner, group and extended attributes
// (or leaves the file alone), and a file another program changed meanwhile is not overwritten.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <filesystem>

#include "fix_test_support.hpp"
#include "flinklint/fix.hpp"
#include "run_binary.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace flinklint::testing;

namespace {

const std::string kConfig = "taskmanager.numberOfTaskSlot: 4\n";
// Has a safe fix (the misspelled key).
const std::string kFixable = "taskmanager.numberOfTaskSlot: 4\nparallelism.default: 2\n";

std::string quoted(const std::string& text) {
    std::string out = "'";
    for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// Runs flinklint as user `nobody` with the supplementary group `users` (gid 100), in `dir`.
int run_as_group_member(const std::string& args, const fs::path& dir, std::string& output) {
    return run_shell(
        "setpriv --reuid=65534 --regid=65534 --groups=100 " + quoted(FLINKLINT_BINARY) + " " + args, dir,
        output);
}

bool can_switch_users(std::string& why) {
    std::string output;
    if (::geteuid() != 0) {
        why = "needs root to run flinklint as another user";
        return false;
    }
    if (run_shell("command -v setpriv", fs::current_path(), output) != 0) {
        why = "setpriv is not installed";
        return false;
    }
    return true;
}

}  // namespace

TEST(DataSafety, OutputNamingTheCheckedFileIsRefused) {
    const TempDir dir;
    dir.write("flink-conf.yaml", kConfig);
    const RunResult result =
        run_flinklint({"check", "flink-conf.yaml", "--output", "flink-conf.yaml"}, dir.path().string());
    EXPECT_EQ(result.exit_code, 2) << result.err;
    EXPECT_NE(result.err.find("--output flink-conf.yaml is the checked file"), std::string::npos)
        << result.err;
    EXPECT_EQ(read_file(dir.path() / "flink-conf.yaml"), kConfig);
}

TEST(DataSafety, OutputReachingACheckedFileThroughALinkIsRefused) {
    for (const bool symbolic : {true, false}) {
        const TempDir dir;
        dir.write("conf/flink-conf.yaml", kConfig);
        if (symbolic) {
            fs::create_symlink("conf/flink-conf.yaml", dir.path() / "report.txt");
        } else {
            fs::create_hard_link(dir.path() / "conf/flink-conf.yaml", dir.path() / "report.txt");
        }
        const RunResult result =
            run_flinklint({"check", "conf", "--output", "report.txt"}, dir.path().string());
        EXPECT_EQ(result.exit_code, 2) << symbolic << ": " << result.err;
        EXPECT_NE(result.err.find("is the checked file"), std::string::npos) << result.err;
        EXPECT_EQ(read_file(dir.path() / "conf/flink-conf.yaml"), kConfig) << symbolic;
    }
}

TEST(DataSafety, WriteBaselineNamingACheckedFileIsRefused) {
    const TempDir dir;
    dir.write("conf/flink-conf.yaml", kConfig);
    const RunResult result =
        run_flinklint({"check", "conf", "--write-baseline", "conf/flink-conf.yaml"}, dir.path().string());
    EXPECT_EQ(result.exit_code, 2) << result.err;
    EXPECT_NE(result.err.find("refusing to replace it with the baseline"), std::string::npos) << result.err;
    EXPECT_EQ(read_file(dir.path() / "conf/flink-conf.yaml"), kConfig);
}

TEST(DataSafety, AReportThatCannotBeWrittenToStdoutFailsTheRun) {
    const TempDir dir;
    dir.write("flink-conf.yaml", "parallelism.default: 2\n");  // clean: exit 0 if the failure were lost
    std::string output;
    const int code =
        run_shell(quoted(FLINKLINT_BINARY) + " check flink-conf.yaml > /dev/full", dir.path(), output);
    EXPECT_EQ(code, 2) << output;
    EXPECT_NE(output.find("cannot write the report to standard output"), std::string::npos) << output;
}

TEST(DataSafety, FixByAGroupMemberLeavesAnotherUsersFileAsItWas) {
    std::string why;
    if (!can_switch_users(why)) {
        GTEST_SKIP() << why;
    }
    const TempDir dir;
    const fs::path file = dir.write("flink-conf.yaml", kFixable);
    ASSERT_EQ(::chmod(dir.path().c_str(), 0777), 0);
    ASSERT_EQ(::chown(file.c_str(), 1, 100), 0);  // daemon:users, writable by the group
    ASSERT_EQ(::chmod(file.c_str(), 0664), 0);
    std::string output;
    const int code = run_as_group_member("check --fix --unsafe-fixes flink-conf.yaml", dir.path(), output);
    EXPECT_EQ(code, 2) << output;
    EXPECT_NE(output.find("is owned by user 1 and group 100"), std::string::npos) << output;
    struct stat info {};
    ASSERT_EQ(::stat(file.c_str(), &info), 0);
    EXPECT_EQ(info.st_uid, 1u);
    EXPECT_EQ(info.st_gid, 100u);
    EXPECT_EQ(read_file(file), kFixable);
    EXPECT_EQ(list_dir(dir.path()), "flink-conf.yaml\n");
}

TEST(DataSafety, UnreadableDirectoryGivenExplicitlyFailsTheRun) {
    std::string why;
    if (!can_switch_users(why)) {
        GTEST_SKIP() << why;
    }
    const TempDir dir;
    dir.write("conf/flink-conf.yaml", kConfig);
    ASSERT_EQ(::chmod((dir.path() / "conf").c_str(), 0700), 0);
    std::string output;
    const int code = run_as_group_member("check conf", dir.path(), output);
    EXPECT_EQ(code, 2) << output;
    EXPECT_NE(output.find("conf: cannot read directory"), std::string::npos) << output;
}

TEST(DataSafety, FixKeepsOwnerGroupAndExtendedAttributes) {
    const TempDir dir;
    const fs::path file = dir.write("flink-conf.yaml", kFixable);
    const std::string value = "reviewed";
    if (::setxattr(file.c_str(), "user.flinklint-test", value.data(), value.size(), 0) != 0) {
        GTEST_SKIP() << "no user extended attributes on " << dir.path();
    }
    const bool root = ::geteuid() == 0;
    if (root) {
        ASSERT_EQ(::chown(file.c_str(), 1, 100), 0);
    }
    const RunResult result =
        run_flinklint({"check", "--fix", "--unsafe-fixes", "flink-conf.yaml"}, dir.path().string());
    EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
    EXPECT_NE(read_file(file), kFixable);  // fixed
    std::string kept(64, '\0');
    const ssize_t length = ::getxattr(file.c_str(), "user.flinklint-test", kept.data(), kept.size());
    ASSERT_GE(length, 0) << "the extended attribute was lost";
    kept.resize(static_cast<std::size_t>(length));
    EXPECT_EQ(kept, value);
    if (root) {
        struct stat info {};
        ASSERT_EQ(::stat(file.c_str(), &info), 0);
        EXPECT_EQ(info.st_uid, 1u);
        EXPECT_EQ(info.st_gid, 100u);
    }
}

TEST(DataSafety, AtomicWriteRefusesAFileReplacedOrEditedSinceItWasRead) {
    const TempDir dir;
    const fs::path file = dir.write("flink-conf.yaml", "a: 1\n");
    // Edited before the write began: the text no longer matches what was read.
    dir.write("flink-conf.yaml", "a: 2\n");
    auto error = flinklint::write_file_atomically(file, "a: 3\n", flinklint::IfMissing::fail, "a: 1\n");
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(*error, flinklint::kChangedMeanwhile);
    EXPECT_EQ(read_file(file), "a: 2\n");

    // Replaced (another fixer's rename) after the write began, with the very bytes that were read.
    std::string open_error;
    auto writer = flinklint::AtomicFile::open(file, flinklint::IfMissing::fail, open_error);
    ASSERT_NE(writer, nullptr) << open_error;
    writer->stream() << "a: 4\n";
    dir.write("other.yaml", "a: 2\n");
    fs::rename(dir.path() / "other.yaml", file);
    error = writer->commit(std::string_view("a: 2\n"));
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(*error, flinklint::kChangedMeanwhile);
    EXPECT_EQ(read_file(file), "a: 2\n");
    writer.reset();  // its temporary file goes with it
    EXPECT_EQ(list_dir(dir.path()), "flink-conf.yaml\n");
}
