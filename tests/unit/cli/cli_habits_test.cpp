// Habits users of ruff, clang-tidy and hadolint expect of a linter's command line.
#include <gtest/gtest.h>

#include <string>

#include "fix_test_support.hpp"
#include "run_binary.hpp"

using namespace flinklint::testing;

TEST(CliHabits, AnUnknownRuleInDisableIsAUsageError) {
    const TempDir dir;
    dir.write("flink-conf.yaml", "parallelism.default: 1\n");
    const RunResult result = run_flinklint(
        {"check", "--disable", "FL104,no-such-rule,FL999", "flink-conf.yaml"}, dir.path().string());
    EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
    EXPECT_NE(result.err.find("--disable: no rule no-such-rule, FL999"), std::string::npos) << result.err;
    // Ids and names that exist are taken as before.
    const RunResult known =
        run_flinklint({"check", "--disable", "FL104,unknown-key", "flink-conf.yaml"}, dir.path().string());
    EXPECT_EQ(known.exit_code, 0) << known.out << known.err;
}

// NO_COLOR turns the default colour off; colour is only ever on for a terminal, so --color shows
// that the variable does not override an explicit request.
TEST(CliHabits, NoColorLeavesAnExplicitColorRequestAlone) {
    const TempDir dir;
    dir.write("flink-conf.yaml", "parallelism.default: 1\nno.such.key: 1\n");
    const ScopedEnv no_color("NO_COLOR", "1");
    const RunResult colored = run_flinklint({"check", "--color", "flink-conf.yaml"}, dir.path().string());
    EXPECT_NE(colored.out.find("\x1b["), std::string::npos) << colored.out;
    const RunResult plain = run_flinklint({"check", "flink-conf.yaml"}, dir.path().string());
    EXPECT_EQ(plain.out.find("\x1b["), std::string::npos) << plain.out;
}

// Every place of one mistake reaches each machine format, as SARIF's relatedLocations do.
TEST(CliHabits, RelatedLocationsInJsonGitlabAndJunit) {
    const TempDir dir;
    dir.write("flink-conf.yaml", "parallelism.default: 1\nparallelism.default: 2\n");
    const RunResult json =
        run_flinklint({"check", "--format", "json", "flink-conf.yaml"}, dir.path().string());
    EXPECT_NE(
        json.out.find(
            R"x("related":[{"file":"flink-conf.yaml","line":1,"column":1,"message":"set here (1 of 2)"})x"),
        std::string::npos)
        << json.out;
    const RunResult gitlab =
        run_flinklint({"check", "--format", "gitlab", "flink-conf.yaml"}, dir.path().string());
    EXPECT_NE(
        gitlab.out.find(R"x("other_locations":[{"path":"flink-conf.yaml","lines":{"begin":1,"end":1}})x"),
        std::string::npos)
        << gitlab.out;
    const RunResult junit =
        run_flinklint({"check", "--format", "junit", "flink-conf.yaml"}, dir.path().string());
    EXPECT_NE(junit.out.find("note: flink-conf.yaml:2:1: set here (2 of 2): the value Flink reads"),
              std::string::npos)
        << junit.out;
}
