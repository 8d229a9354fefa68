// Inputs that used to pass the gate unchecked or grow without bound: a NUL byte in a Flink config,
// skipped files named on the command line, /proc files, --config and --baseline that are no
// regular files, standard input above --max-file-size, and reports of millions of findings.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <string>

#include "fix_test_support.hpp"
#include "run_binary.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace flinklint::testing;

namespace {

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t count = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++count;
    return count;
}

}  // namespace

TEST(HostileInput, ANulByteInAFileNamedAsAFlinkConfigIsAFinding) {
    const TempDir dir;
    dir.write("conf/flink-conf.yaml", std::string("parallelism.default: 2\nfoo: b\0r\n", 31));
    dir.write("yaml/config.yaml", std::string("parallelism.default: 2\0\n", 25));
    for (const std::string file : {"conf/flink-conf.yaml", "yaml/config.yaml"}) {
        const RunResult result = run_flinklint({"check", file}, dir.path().string());
        EXPECT_EQ(result.exit_code, 1) << file << ": " << result.out << result.err;
        EXPECT_NE(result.out.find("FL001"), std::string::npos) << result.out;
        EXPECT_NE(result.out.find("NUL byte"), std::string::npos) << result.out;
    }
}

TEST(HostileInput, AnExplicitlyNamedFileThatIsSkippedIsSaidWithoutVerbose) {
    const TempDir dir;
    dir.write("values.yaml", "replicas: 3\n");
    const RunResult result = run_flinklint({"check", "values.yaml"}, dir.path().string());
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.err.find("values.yaml: skipped:"), std::string::npos) << result.err;
    // Found by a walk, it is skipped without its reason; that the directory held no Flink file is said.
    const RunResult walked = run_flinklint({"check", "."}, dir.path().string());
    EXPECT_EQ(walked.err.find("values.yaml: skipped"), std::string::npos) << walked.err;
    EXPECT_NE(walked.err.find(".: no Flink file checked"), std::string::npos) << walked.err;
}

TEST(HostileInput, AProcFileIsReadToItsEndNotToTheSizeItReports) {
    // /proc files report a size of 0; read as that, this one would pass as empty.
    const RunResult result =
        run_flinklint({"check", "--format-of", "legacy", "--format", "json", "/proc/self/limits"});
    EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
    EXPECT_NE(result.out.find("FL002"), std::string::npos) << result.out;
}

TEST(HostileInput, ConfigAndBaselineMustBeRegularFiles) {
    const TempDir dir;
    dir.write("flink-conf.yaml", "parallelism.default: 2\n");
    ASSERT_EQ(::mkfifo((dir.path() / "fifo").c_str(), 0600), 0);
    fs::create_directories(dir.path() / "directory");
    const std::vector<std::vector<std::string>> runs = {
        {"--config", "/dev/zero"}, {"--config", "fifo"},        {"--config", "directory"},
        {"--baseline", "fifo"},    {"--baseline", "/dev/zero"},
    };
    for (const auto& flags : runs) {
        std::vector<std::string> args = {"check", "flink-conf.yaml"};
        args.insert(args.end(), flags.begin(), flags.end());
        const RunResult result = run_flinklint(args, dir.path().string());
        EXPECT_EQ(result.exit_code, 2) << flags[0] << " " << flags[1] << ": " << result.err;
        EXPECT_NE(result.err.find(flags[1]), std::string::npos) << result.err;
    }
}

TEST(HostileInput, StandardInputHonoursMaxFileSize) {
    const std::string input = "parallelism.default: 2\n" + std::string(4096, '#') + "\n";
    const RunResult result = run_flinklint({"check", "--max-file-size", "1000", "-"}, "", input);
    EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
    EXPECT_NE(result.out.find("above the limit of 1000 bytes"), std::string::npos) << result.out;
}

// Past the Reporter's 4,000 kept findings they are only counted: the total stays exact, and a
// suppression comment still removes its line from it.
TEST(HostileInput, FindingsPastWhatIsKeptAreCountedExactly) {
    const TempDir dir;
    std::string text;
    for (int i = 0; i < 6000; ++i) {
        text += "malformed" + std::to_string(i);
        text += i == 5500 ? "  # flinklint: disable=FL002\n" : "\n";
    }
    dir.write("flink-conf.yaml", text);
    const RunResult result =
        run_flinklint({"check", "--format", "json", "flink-conf.yaml"}, dir.path().string());
    EXPECT_EQ(result.exit_code, 1) << result.err;
    EXPECT_EQ(count_of(result.out, "\"rule\":\"FL002\""), 1001u);
    EXPECT_NE(result.out.find("4999 more findings of FL002 not shown"), std::string::npos) << result.out;
}

TEST(HostileInput, FindingsAreCappedPerFileAndRule) {
    const TempDir dir;
    std::string text;
    for (int i = 0; i < 1250; ++i) text += "malformed" + std::to_string(i) + "\n";
    dir.write("flink-conf.yaml", text);
    const RunResult result = run_flinklint({"check", "flink-conf.yaml"}, dir.path().string());
    EXPECT_EQ(result.exit_code, 1) << result.err;
    EXPECT_EQ(count_of(result.out, "[FL002 malformed-line]"), 1001u);
    EXPECT_NE(result.out.find("250 more findings of FL002 not shown"), std::string::npos) << result.out;
}

TEST(HostileInput, AHugeKeyIsEchoedCut) {
    const TempDir dir;
    const std::string key = "taskmanager." + std::string(1 << 20, 'k');
    dir.write("flink-conf.yaml", key + ": 1\n");
    const RunResult result =
        run_flinklint({"check", "--format", "json", "flink-conf.yaml"}, dir.path().string());
    EXPECT_EQ(result.exit_code, 1) << result.err;
    EXPECT_LT(result.out.size(), 20'000u);
    EXPECT_NE(result.out.find("FL101"), std::string::npos);
}

namespace {

// A 50 KB anchored scalar used 20,000 times in a list: 110 KB of file, a gigabyte once expanded.
std::string scalar_alias_bomb(const std::string& list_key) {
    std::string text = list_key + ":\n  - &big \"" + std::string(50'000, 'x') + "\"\n";
    for (int i = 0; i < 20'000; ++i) text += "  - *big\n";
    return text;
}

}  // namespace

TEST(HostileInput, AScalarAliasBombIsBoundedByExpandedBytes) {
    const TempDir dir;
    dir.write("conf/config.yaml", "parallelism.default: 2\n" + scalar_alias_bomb("pipeline.jars"));
    const RunResult config = run_flinklint({"check", "conf/config.yaml"}, dir.path().string());
    EXPECT_EQ(config.exit_code, 1) << config.err;
    EXPECT_NE(config.out.find("once aliases are expanded"), std::string::npos) << config.out.substr(0, 2000);

    dir.write("project/.flinklint.yaml", scalar_alias_bomb("ignore"));
    dir.write("project/flink-conf.yaml", "parallelism.default: 2\n");
    const RunResult project =
        run_flinklint({"check", "--config", "project/.flinklint.yaml", "project"}, dir.path().string());
    EXPECT_EQ(project.exit_code, 2) << project.err;
    EXPECT_NE(project.err.find("once aliases are expanded"), std::string::npos) << project.err;
}
