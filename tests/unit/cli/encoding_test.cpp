// Files with a UTF-16 or UTF-32 byte order mark: read as Flink's readers read them, never skipped as
// binary, and never rewritten by --fix (the edits are spans of the decoded text).
#include <gtest/gtest.h>

#include <string>

#include "fix_test_support.hpp"
#include "run_binary.hpp"
#include "test_paths.hpp"

using namespace flinklint::testing;

namespace {

std::string utf16le(const std::string& ascii) {
    std::string out = "\xFF\xFE";
    for (const char c : ascii) {
        out += c;
        out += '\0';
    }
    return out;
}

std::string utf32be(const std::string& ascii) {
    std::string out("\0\0\xFE\xFF", 4);
    for (const char c : ascii) {
        out.append(3, '\0');
        out += c;
    }
    return out;
}

const std::string kConfig =
    "taskmanager.numberOfTaskSlots: 4\nstate.backend: rocksdb\ns3.secret-key: hunter22\n";

}  // namespace

// SnakeYAML (Flink's config.yaml reader) decodes UTF-16 with its mark: the file is checked.
TEST(Encoding, AUtf16ConfigYamlIsCheckedLikeItsUtf8Text) {
    const TempDir dir;
    dir.write("config.yaml", utf16le(kConfig));
    const RunResult result = run_flinklint({"check", "config.yaml"}, dir.path().string());
    EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
    EXPECT_NE(result.out.find("config.yaml:2:1: warning[FL201"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("state.backend: rocksdb"), std::string::npos)
        << result.out;                                                        // the window, decoded
    EXPECT_EQ(result.out.find("hunter22"), std::string::npos) << result.out;  // and masked
    EXPECT_EQ(result.out.find("fixable"), std::string::npos) << result.out;
}

TEST(Encoding, FixNeverRewritesAUtf16File) {
    const TempDir dir;
    const std::string original = utf16le(kConfig);
    dir.write("config.yaml", original);
    const RunResult result =
        run_flinklint({"check", "--fix", "--unsafe-fixes", "config.yaml"}, dir.path().string());
    EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
    EXPECT_EQ(read_file(dir.path() / "config.yaml"), original);
    EXPECT_NE(result.out.find("not fixed automatically in a UTF-16 or UTF-32 file"), std::string::npos)
        << result.out;
}

// GlobalConfiguration reads flink-conf.yaml in the JVM's default charset: UTF-16 gives it no line.
TEST(Encoding, AUtf16FlinkConfYamlIsAFindingNotASkip) {
    const TempDir dir;
    dir.write("conf/flink-conf.yaml", utf16le(kConfig));
    const RunResult result = run_flinklint({"check", "conf/flink-conf.yaml"}, dir.path().string());
    EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
    EXPECT_NE(result.out.find("FL001"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("UTF-16LE text: Flink reads flink-conf.yaml in the JVM's default charset"),
              std::string::npos)
        << result.out;
}

TEST(Encoding, Utf32IsAFindingInAFlinkFileAndASkipElsewhere) {
    const TempDir dir;
    dir.write("config.yaml", utf32be(kConfig));
    dir.write("deploy/flink.yaml", utf32be("apiVersion: v1\nkind: ConfigMap\n"));
    const RunResult named = run_flinklint({"check", "config.yaml"}, dir.path().string());
    EXPECT_EQ(named.exit_code, 1) << named.out << named.err;
    EXPECT_NE(named.out.find("UTF-32BE text: Flink's YAML reader (SnakeYAML) decodes UTF-8 and UTF-16 only"),
              std::string::npos)
        << named.out;
    const RunResult other = run_flinklint({"check", "deploy/flink.yaml"}, dir.path().string());
    EXPECT_EQ(other.exit_code, 0) << other.out << other.err;
    EXPECT_NE(other.err.find("skipped: UTF-32BE text"), std::string::npos) << other.err;
}
