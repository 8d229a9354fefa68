// The command line around the report: Helm templates, --show-config, --root and JUnit's shape.
#include <gtest/gtest.h>

#include <string>

#include "fix_test_support.hpp"
#include "run_binary.hpp"
#include "test_paths.hpp"

using namespace flinklint::testing;

namespace {

constexpr const char* kHelmTemplate =
    "apiVersion: v1\n"
    "kind: ConfigMap\n"
    "metadata:\n"
    "  name: {{ .Release.Name }}-flink-config\n"
    "data:\n"
    "  flink-conf.yaml: |\n"
    "    taskmanager.numberOfTaskSlots: {{ .Values.slots }}\n"
    "{{- if .Values.ha }}\n"
    "    high-availability.type: kubernetes\n"
    "{{- end }}\n";

}  // namespace

// A chart template in a commit is not a syntax error that blocks it: it is skipped with the command
// that lints what it renders to, and the rendered text is checked from stdin under a display name.
TEST(HelmTemplates, SkippedWithANoteAndExitZeroThenCheckedWhenRendered) {
    const TempDir dir;
    dir.write("chart/templates/flink-config.yaml", kHelmTemplate);
    const RunResult named =
        run_flinklint({"check", "chart/templates/flink-config.yaml"}, dir.path().string());
    EXPECT_EQ(named.exit_code, 0) << named.out << named.err;
    EXPECT_NE(named.err.find("chart/templates/flink-config.yaml: skipped: a Helm chart template (line 4"),
              std::string::npos)
        << named.err;
    EXPECT_NE(named.err.find("helm template CHART | flinklint check --stdin-filename flink-config.yaml -"),
              std::string::npos)
        << named.err;
    // Walked in a directory too: a template that mentions Flink is said without --verbose.
    const RunResult walked = run_flinklint({"check", "chart"}, dir.path().string());
    EXPECT_EQ(walked.exit_code, 0) << walked.out << walked.err;
    EXPECT_NE(walked.err.find("skipped: a Helm chart template"), std::string::npos) << walked.err;

    const std::string rendered =
        "---\n# Source: flink/templates/flink-config.yaml\napiVersion: v1\nkind: ConfigMap\n"
        "metadata:\n  name: r-flink-config\ndata:\n  flink-conf.yaml: |\n"
        "    taskmanager.numberOfTaskSlot: 4\n";
    const RunResult stdin_run = run_flinklint(
        {"check", "--format", "concise", "--stdin-filename", "chart/templates/flink-config.yaml", "-"},
        dir.path().string(), rendered);
    EXPECT_EQ(stdin_run.exit_code, 1) << stdin_run.out << stdin_run.err;
    EXPECT_NE(stdin_run.out.find("chart/templates/flink-config.yaml:9:5: warning[FL101 unknown-key]"),
              std::string::npos)
        << stdin_run.out;
}

// Every setting of a run with where it came from: a flag, the project file (FILE:LINE), the default.
TEST(ShowConfig, SaysWhereEachSettingCameFromInTextAndJson) {
    const TempDir dir;
    dir.write(".git/HEAD", "ref: refs/heads/main\n");
    dir.write(".flinklint.yaml",
              "flink-version: \"1.18\"\ndisable: [FL203]\nseverity: {FL101: error}\n"
              "per-path:\n  - paths: [\"legacy/**\"]\n    flink-version: \"1.15\"\n"
              "thresholds: {heartbeat-min-timeout-ratio: 4}\n");
    const std::string config = (dir.path() / ".flinklint.yaml").generic_string();
    const RunResult text = run_flinklint(
        {"check", "--show-config", "--fail-on", "error", "--disable", "unknown-key", "--root", ".", "."},
        dir.path().string());
    EXPECT_EQ(text.exit_code, 0) << text.out << text.err;
    const auto line_with = [&](const std::string& start) {
        const std::string out = "\n" + text.out;
        const std::size_t at = out.find("\n" + start);
        if (at == std::string::npos) return std::string();
        return out.substr(at + 1, out.find('\n', at + 1) - at - 1);
    };
    EXPECT_NE(line_with("config-file ").find(config + "  (the nearest to the working directory)"),
              std::string::npos)
        << text.out;
    EXPECT_NE(line_with("flink-version ").find("1.18 (files without their own evidence)"), std::string::npos)
        << text.out;
    EXPECT_NE(line_with("flink-version ").find("(" + config + ":1)"), std::string::npos) << text.out;
    EXPECT_NE(line_with("fail-on ").find("error"), std::string::npos) << text.out;
    EXPECT_NE(line_with("fail-on ").find("(--fail-on)"), std::string::npos) << text.out;
    EXPECT_NE(line_with("disable.FL203 ").find("(" + config + ":2)"), std::string::npos) << text.out;
    EXPECT_NE(line_with("disable.FL101 ").find("(--disable)"), std::string::npos) << text.out;
    EXPECT_NE(line_with("severity.FL101 ").find("error"), std::string::npos) << text.out;
    EXPECT_NE(line_with("per-path[0] ").find("paths legacy/**; flink-version 1.15"), std::string::npos)
        << text.out;
    EXPECT_NE(line_with("thresholds.heartbeat-min-timeout-ratio ").find("(" + config + ":7)"),
              std::string::npos)
        << text.out;
    EXPECT_NE(line_with("thresholds.heartbeat-min-interval-ms ").find("1000"), std::string::npos) << text.out;
    EXPECT_NE(line_with("thresholds.heartbeat-min-interval-ms ").find("(default)"), std::string::npos)
        << text.out;
    EXPECT_NE(line_with("root ").find("(--root)"), std::string::npos) << text.out;
    EXPECT_EQ(text.out.find("FL"), text.out.find("FL203")) << "no finding is printed: " << text.out;

    const RunResult json =
        run_flinklint({"check", "--show-config", "--format", "json", "."}, dir.path().string());
    EXPECT_EQ(json.exit_code, 0) << json.err;
    EXPECT_NE(json.out.find(R"({
      "name": "fail-on",
      "value": "warning",
      "source": "default"
    })"),
              std::string::npos)
        << json.out;
    EXPECT_NE(json.out.find(R"("source": "the git top-level")"), std::string::npos) << json.out;
}

// Paths in machine reports are relative to the repository root, not to where flinklint ran.
TEST(ReportRoot, MachineFormatsUseTheGitTopLevelOrRoot) {
    const TempDir dir;
    dir.write(".git/HEAD", "ref: refs/heads/main\n");
    dir.write("deploy/flink/flink-conf.yaml", "no.such.key: 1\n");
    const std::string from = (dir.path() / "deploy").string();
    for (const std::string format : {"sarif", "gitlab", "junit"}) {
        const RunResult result = run_flinklint({"check", "--format", format, "flink"}, from);
        EXPECT_EQ(result.exit_code, 0) << result.err;  // FL101 on a foreign namespace is info
        EXPECT_NE(result.out.find("deploy/flink/flink-conf.yaml"), std::string::npos) << format << result.out;
        const RunResult rooted = run_flinklint({"check", "--format", format, "--root", ".", "flink"}, from);
        EXPECT_EQ(rooted.out.find("deploy/flink"), std::string::npos) << format << rooted.out;
        EXPECT_NE(rooted.out.find("flink/flink-conf.yaml"), std::string::npos) << format << rooted.out;
    }
}

// One test case per finding, with its one <failure>; files are suites; a clean file passes.
TEST(Junit, OneTestCasePerFindingFilesAsSuitesAndAPassingCasePerCleanFile) {
    const TempDir dir;
    dir.write("bad/flink-conf.yaml", "taskmanager.numberOfTaskSlot: 2\nparallelism.default: x\n");
    dir.write("clean/flink-conf.yaml", "parallelism.default: 2\n");
    const RunResult result =
        run_flinklint({"check", "--format", "junit", "bad", "clean"}, dir.path().string());
    EXPECT_EQ(result.exit_code, 1) << result.err;
    EXPECT_NE(result.out.find("<testsuites name=\"flinklint\" tests=\"3\" failures=\"2\" errors=\"0\" "
                              "skipped=\"0\">\n  <testsuite name=\"bad/flink-conf.yaml\" tests=\"2\" "
                              "failures=\"2\" errors=\"0\" skipped=\"0\">\n    <testcase "
                              "classname=\"bad/flink-conf.yaml\" name=\"FL101 unknown-key at 1:1\" "
                              "file=\"bad/flink-conf.yaml\" line=\"1\">\n      <failure type=\"FL101\""),
              std::string::npos)
        << result.out;
    EXPECT_NE(
        result.out.find("<testcase classname=\"bad/flink-conf.yaml\" name=\"FL102 invalid-value at 2:22\""),
        std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find(
                  "  <testsuite name=\"clean/flink-conf.yaml\" tests=\"1\" failures=\"0\" errors=\"0\" "
                  "skipped=\"0\">\n    <testcase classname=\"clean/flink-conf.yaml\" name=\"flinklint\" "
                  "file=\"clean/flink-conf.yaml\"/>\n  </testsuite>\n"),
              std::string::npos)
        << result.out;
}

// --siblings: the other YAML files of a named file's directory take part in the cross-file rules,
// but only the named files are reported on, fixed and counted.
TEST(Siblings, UnchangedFilesBesideANamedFileAreContextOnly) {
    const TempDir dir;
    dir.write("k8s/jobmanager.yaml",
              "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: jm\nspec:\n  selector:\n"
              "    matchLabels: {app: flink}\n  template:\n    metadata:\n      labels: {app: flink}\n"
              "    spec:\n      containers:\n        - name: jobmanager\n          image: flink:1.20\n"
              "          args: [\"jobmanager\"]\n          ports:\n            - {containerPort: 8081, name: "
              "webui}\n");
    dir.write("k8s/service.yaml",
              "apiVersion: v1\nkind: Service\nmetadata:\n  name: jm\nspec:\n"
              "  selector: {app: flink}\n  ports:\n    - name: webui\n      port: 8081\n"
              "      targetPort: 8082\n");
    dir.write("k8s/flink-conf.yaml", "taskmanager.numberOfTaskSlot: 2\n");  // a finding of its own
    dir.write("k8s/nested/other.yaml", "parallelism.default: x\n");         // not a sibling
    const RunResult alone =
        run_flinklint({"check", "--format", "concise", "k8s/service.yaml"}, dir.path().string());
    EXPECT_EQ(alone.out.find("FL705"), std::string::npos) << alone.out;  // no Deployment to compare with
    const RunResult with = run_flinklint({"check", "--format", "concise", "--siblings", "k8s/service.yaml"},
                                         dir.path().string());
    EXPECT_EQ(with.exit_code, 1) << with.err;
    EXPECT_NE(with.out.find("k8s/service.yaml:10:19: warning[FL705"), std::string::npos) << with.out;
    EXPECT_EQ(with.out.find("k8s/flink-conf.yaml"), std::string::npos) << with.out;
    EXPECT_EQ(with.out.find("nested"), std::string::npos) << with.out;
    EXPECT_NE(with.out.find("in 1 file."), std::string::npos) << with.out;
    // --fix writes the named files only.
    const RunResult fixed = run_flinklint(
        {"check", "--fix", "--unsafe-fixes", "--siblings", "k8s/service.yaml"}, dir.path().string());
    EXPECT_EQ(read_file(dir.path() / "k8s/flink-conf.yaml"), "taskmanager.numberOfTaskSlot: 2\n")
        << fixed.out;
}
