// Text that comes from a file or a path cannot steer a terminal or a CI runner: no line break in a
// key or a directory name starts a workflow command, and no ESC, BEL, C1 control or bidi override
// reaches stdout or stderr raw, in any format.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>

#include "fix_test_support.hpp"
#include "run_binary.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace flinklint::testing;

namespace {

// Bytes that would act on a terminal or a log viewer if printed raw.
const std::string kHostile[] = {"\x1b", "\x07", "\xc2\x9b", "\xe2\x80\xae", "\xe2\x81\xa6"};

void expect_inert(const std::string& text, const std::string& what) {
    for (const std::string& bytes : kHostile)
        EXPECT_EQ(text.find(bytes), std::string::npos) << what << " holds a raw control sequence:\n" << text;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);)
        EXPECT_NE(line.rfind("::error file=evil", 0), 0u) << what << " starts a workflow command:\n" << text;
}

// A config.yaml whose unknown key holds a line break, an ESC/OSC sequence, BEL, a C1 CSI and bidi
// overrides.
const std::string kHostileConfig =
    "parallelism.default: 2\n\"taskmanager.x\\n::error "
    "file=evil::pwned\\e]0;title\\a\\u009b2J\\u202Egnp.\\u2066\": 1\n";

}  // namespace

TEST(Injection, FileContentIsInertInEveryFormat) {
    const TempDir dir;
    dir.write("config.yaml", kHostileConfig);
    for (const std::string format : {"text", "github", "junit", "json", "sarif", "gitlab"}) {
        const RunResult result =
            run_flinklint({"check", "--format", format, "config.yaml"}, dir.path().string());
        EXPECT_EQ(result.exit_code, 1) << format << ": " << result.err;
        EXPECT_NE(result.out.find("taskmanager.x"), std::string::npos) << format << ": " << result.out;
        expect_inert(result.out, format + " report");
        expect_inert(result.err, format + " stderr");
    }
}

TEST(Injection, ADirectoryNameWithALineBreakStartsNoWorkflowCommand) {
    const TempDir dir;
    dir.write("a\n::error file=evil::pwned\x1b]0;x\x07/flink-conf.yaml", "taskmanager.numberOfTaskSlot: 4\n");
    for (const std::string format : {"text", "github", "junit"}) {
        const RunResult result = run_flinklint({"check", "--format", format, "."}, dir.path().string());
        EXPECT_EQ(result.exit_code, 1) << format << ": " << result.err;
        expect_inert(result.out, format + " report");
        expect_inert(result.err, format + " stderr");
    }
}

TEST(Injection, ProjectConfigAndProfileErrorsAreInertOnStderr) {
    const TempDir dir;
    dir.write("flink-conf.yaml", "parallelism.default: 2\n");
    dir.write(".flinklint.yaml", "\"fail-on\\e]0;pwned\\a\\u202E\": error\n");
    const RunResult config = run_flinklint({"check", "flink-conf.yaml"}, dir.path().string());
    EXPECT_EQ(config.exit_code, 2) << config.err;
    EXPECT_NE(config.err.find(".flinklint.yaml"), std::string::npos) << config.err;
    expect_inert(config.err, ".flinklint.yaml error");

    dir.write("profile.yaml", "\"hardware\\e]0;pwned\\a\\u202E\": 1\n");
    const RunResult profile = run_flinklint({"tune", "--profile", "profile.yaml"}, dir.path().string());
    EXPECT_EQ(profile.exit_code, 2) << profile.err;
    EXPECT_NE(profile.err.find("profile.yaml"), std::string::npos) << profile.err;
    expect_inert(profile.err, "profile error");
}
