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

TEST(CliHabits, SelectChecksOnlyTheNamedRulesAndSuggestsForATypo) {
    const TempDir dir;
    dir.write("flink-conf.yaml", "no.such.key: 1\nparallelism.default: x\n");
    const RunResult selected =
        run_flinklint({"check", "--select", "invalid-value", "--format", "concise", "flink-conf.yaml"},
                      dir.path().string());
    EXPECT_EQ(selected.exit_code, 1) << selected.err;
    EXPECT_NE(selected.out.find("FL102"), std::string::npos) << selected.out;
    EXPECT_EQ(selected.out.find("FL101"), std::string::npos) << selected.out;
    const RunResult typo =
        run_flinklint({"check", "--select", "unknwn-key", "flink-conf.yaml"}, dir.path().string());
    EXPECT_EQ(typo.exit_code, 2);
    EXPECT_NE(typo.err.find("--select: no rule unknwn-key (did you mean `unknown-key`?)"), std::string::npos)
        << typo.err;
}

TEST(CliHabits, ConciseIsOneLinePerFindingAndQuietDropsTheSummary) {
    const TempDir dir;
    dir.write("flink-conf.yaml", "no.such.key: 1\nparallelism.default: x\n");
    const RunResult concise =
        run_flinklint({"check", "--format", "concise", "--quiet", "flink-conf.yaml"}, dir.path().string());
    EXPECT_EQ(concise.exit_code, 1);
    EXPECT_EQ(
        concise.out,
        "flink-conf.yaml:1:1: info[FL111 foreign-namespace-key]: `no.such.key`: no option of Flink or of "
        "its Kubernetes operator lives under `no.`, so Apache Flink 1.20 ignores it; only another reader "
        "(a vendor's distribution, a connector, the job itself) can use it\n"
        "flink-conf.yaml:2:22: error[FL102 invalid-value]: invalid value `x` for `parallelism.default` "
        "(Integer in Flink 1.20): Flink reads this option as an Integer, and `x` is not a whole number: "
        "only digits with an optional leading + or - are allowed (no spaces, units, decimal point or `_`)\n");
}

TEST(CliHabits, StatisticsCountFindingsPerRuleInTextAndJson) {
    const TempDir dir;
    dir.write("flink-conf.yaml", "a.b: 1\nc.d: 2\nparallelism.default: x\n");
    const RunResult text = run_flinklint({"check", "--statistics", "flink-conf.yaml"}, dir.path().string());
    EXPECT_EQ(text.exit_code, 1);
    EXPECT_EQ(text.out,
              "2  FL111  info    foreign-namespace-key\n1  FL102  error   invalid-value\n"
              "Found 3 problems in 1 file. [*] fixable with --fix, [-] with --unsafe-fixes.\n");
    const RunResult json =
        run_flinklint({"check", "--statistics", "--format", "json", "flink-conf.yaml"}, dir.path().string());
    EXPECT_NE(json.out.find(R"("rule": "FL111",)"), std::string::npos) << json.out;
    EXPECT_NE(json.out.find(R"("count": 2,)"), std::string::npos) << json.out;
    const RunResult sarif =
        run_flinklint({"check", "--statistics", "--format", "sarif", "flink-conf.yaml"}, dir.path().string());
    EXPECT_EQ(sarif.exit_code, 2) << sarif.out;
}

TEST(CliHabits, AMissingPathIsAnErrorWithoutANoProblemsLine) {
    const TempDir dir;
    const RunResult missing = run_flinklint({"check", "no-such-file.yaml"}, dir.path().string());
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_EQ(missing.out.find("No problems found"), std::string::npos) << missing.out;
    EXPECT_NE(missing.err.find("no-such-file.yaml: no such file or directory"), std::string::npos)
        << missing.err;
}

TEST(CliHabits, DotFlinklintYmlIsFoundToo) {
    const TempDir dir;
    dir.write(".git/HEAD", "ref: refs/heads/main\n");
    dir.write(".flinklint.yml", "disable: [unknown-key]\n");
    dir.write("flink-conf.yaml", "no.such.key: 1\n");
    const RunResult result = run_flinklint({"check", "flink-conf.yaml"}, dir.path().string());
    EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
}

// --color takes auto, always or never (bare --color is always), as ruff and ripgrep do.
TEST(CliHabits, ColorTakesAutoAlwaysOrNever) {
    const TempDir dir;
    dir.write("flink-conf.yaml", "parallelism.default: 1\nno.such.key: 1\n");
    const RunResult always =
        run_flinklint({"check", "--color=always", "flink-conf.yaml"}, dir.path().string());
    EXPECT_NE(always.out.find("\x1b["), std::string::npos) << always.out;
    const RunResult never = run_flinklint({"check", "--color=never", "flink-conf.yaml"}, dir.path().string());
    EXPECT_EQ(never.out.find("\x1b["), std::string::npos) << never.out;
    EXPECT_EQ(run_flinklint({"check", "--color=sometimes", "flink-conf.yaml"}, dir.path().string()).exit_code,
              2);
}

// A repository-wide run over other software's YAML passes (pre-commit, CI), but says that nothing in
// the directory was Flink's, without --verbose; a directory with one Flink file says nothing.
TEST(CliHabits, ADirectoryWithoutAFlinkFileIsNamedOnStderr) {
    const TempDir dir;
    dir.write("other/app.yaml", "server:\n  port: 8080\n");
    dir.write("other/values.yml", "replicas: 2\n");
    dir.write("empty/README.md", "no YAML here\n");
    dir.write("flink/conf/flink-conf.yaml", "parallelism.default: 1\n");
    dir.write("flink/app.yaml", "server:\n  port: 8080\n");
    const RunResult other = run_flinklint({"check", "other", "empty/"}, dir.path().string());
    EXPECT_EQ(other.exit_code, 0) << other.out << other.err;
    EXPECT_NE(other.err.find("warning: other: no Flink file checked: none of its 2 YAML files is Flink "
                             "configuration"),
              std::string::npos)
        << other.err;
    EXPECT_NE(other.err.find("warning: empty/: no Flink file checked: it holds no *.yaml or *.yml file"),
              std::string::npos)
        << other.err;
    EXPECT_EQ(other.err.find("app.yaml: skipped"), std::string::npos) << "the reasons need --verbose";
    const RunResult flink = run_flinklint({"check", "flink"}, dir.path().string());
    EXPECT_EQ(flink.exit_code, 0) << flink.out << flink.err;
    EXPECT_EQ(flink.err.find("no Flink file"), std::string::npos) << flink.err;
}
